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
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A door scan of a code that is not genuine is decided from the signature alone. */
class CheckInTests {

    private final TicketCodes codes = new TicketCodes("the door key, at least 32 bytes long".getBytes(StandardCharsets.UTF_8));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NoDatabase database = new NoDatabase();
    private final CheckIn checkIn = new CheckIn(codes, new TicketRows(JdbcClient.create(database)), Clock.systemUTC(), meters);

    @Test
    void forgedAndGarbageCodesAreRefusedWithoutTouchingTheDatabase() {
        TicketCodes forger = new TicketCodes("a forger's guess at the 32-byte key".getBytes(StandardCharsets.UTF_8));
        String forged = forger.sign(UUID.randomUUID(), UUID.randomUUID());

        for (String code : new String[] {forged, "garbage", "", "TR1." + forged.substring(4, 47) + ".AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThatThrownBy(() -> checkIn.admit(code, UUID.randomUUID()))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid-ticket-code");
                    });
        }
        assertThat(database.connectionsAsked).isZero();
        assertThat(meters.get("ticketrush.checkins").tag("result", "invalid").counter().count()).isEqualTo(4);
    }

    @Test
    void aGenuineCodeGoesOnToTheDatabase() {
        String genuine = codes.sign(UUID.randomUUID(), UUID.randomUUID());
        assertThatThrownBy(() -> checkIn.admit(genuine, UUID.randomUUID())).isNotInstanceOf(DomainException.class);
        assertThat(database.connectionsAsked).isPositive();
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
