package io.ticketrush.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.code.TicketCodes;
import io.ticketrush.ticket.persistence.TicketRows;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import io.ticketrush.shared.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A door scan of a code that is not genuine is decided from the signature alone. */
class CheckInTests {

    private final TicketCodes codes = new TicketCodes("the door key, at least 32 bytes long".getBytes(StandardCharsets.UTF_8));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NoDatabase database = new NoDatabase();
    private final List<UUID> doorsAsked = new ArrayList<>();
    private final CheckIn checkIn = new CheckIn(codes, new TicketRows(JdbcClient.create(database)), (performanceId, scanner) -> {
        doorsAsked.add(performanceId);
        return new Door.Open(performanceId, UUID.randomUUID(), Instant.now().plus(Duration.ofHours(1)));
    }, new CheckInWindow(ZoneId.of("Asia/Seoul"), Duration.ofHours(6), Duration.ofHours(4)), Clock.systemUTC(), meters);
    private final Caller staff = new Caller(UUID.randomUUID(), Set.of("STAFF"));

    @Test
    void forgedAndGarbageCodesAreRefusedWithoutTouchingTheDatabase() {
        TicketCodes forger = new TicketCodes("a forger's guess at the 32-byte key".getBytes(StandardCharsets.UTF_8));
        String forged = forger.sign(UUID.randomUUID(), UUID.randomUUID());

        for (String code : new String[] {forged, "garbage", "", "TR1." + forged.substring(4, 47) + ".AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThatThrownBy(() -> checkIn.admit(code, staff))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid-ticket-code");
                    });
        }
        assertThat(database.connectionsAsked).isZero();
        assertThat(doorsAsked).as("nobody asked whose door it is").isEmpty();
        assertThat(meters.get("ticketrush.checkins").tag("result", "invalid").counter().count()).isEqualTo(4);
    }

    @Test
    void aGenuineCodeGoesOnToTheDatabase() {
        String genuine = codes.sign(UUID.randomUUID(), UUID.randomUUID());
        assertThatThrownBy(() -> checkIn.admit(genuine, staff)).isNotInstanceOf(DomainException.class);
        assertThat(doorsAsked).hasSize(1);
        assertThat(database.connectionsAsked).isPositive();
    }

    @Test
    void anotherOrganizersTicketIsNotFoundAndAnotherDaysTicketSaysWhenWithoutTouchingTheTickets() {
        Instant start = Instant.parse("2027-01-09T10:00:00Z"); // 19:00 in Seoul
        CheckInWindow window = new CheckInWindow(ZoneId.of("Asia/Seoul"), Duration.ofHours(6), Duration.ofHours(4));
        Clock dayBefore = Clock.fixed(Instant.parse("2027-01-08T10:00:00Z"), ZoneOffset.UTC);
        CheckIn notYours = new CheckIn(codes, new TicketRows(JdbcClient.create(database)),
                (p, s) -> new Door.NotYours(), window, dayBefore, meters);
        CheckIn early = new CheckIn(codes, new TicketRows(JdbcClient.create(database)),
                (p, s) -> new Door.Open(p, UUID.randomUUID(), start), window, dayBefore, meters);
        String genuine = codes.sign(UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> notYours.admit(genuine, staff)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("ticket-not-found");
        });
        assertThatThrownBy(() -> early.admit(genuine, staff)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("not-performance-day");
            assertThat(e.properties()).containsEntry("startsAt", "2027-01-09T10:00:00Z")
                    .containsEntry("performanceDay", "2027-01-09");
        });
        assertThat(database.connectionsAsked).isZero();
    }

    /** A data source with no database behind it: it records that it was asked, then fails. */
    private static final class NoDatabase extends AbstractDataSource {
        int connectionsAsked;

        @Override
        public Connection getConnection() throws SQLException {
            connectionsAsked++;
            throw new SQLException("no database in this test");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
