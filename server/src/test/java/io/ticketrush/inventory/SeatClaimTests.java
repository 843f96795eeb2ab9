package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.DomainException;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/** The claim step on its own, against the real database: a sealed answer, and nothing left of a refusal. */
@IntegrationTest
class SeatClaimTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SeatClaim claim;
    @Autowired
    Catalog catalog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    HoldSeats holdSeats;

    People people;
    PerformanceSale sale;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        people = new People(api, jdbc);
        // 2 sections (A: VIP, B: R) x 1 row x 3 seats, at most 4 per person
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 1, 3, 4);
        sale = catalog.performance(UUID.fromString(show.performanceId())).orElseThrow();
    }

    @Test
    void aRefusedClaimLeavesNothingBehindEvenIfTheCallerTriesToCommit() {
        // taken by a hold this instance has not seen (its memory would answer before the database)
        jdbc.sql("UPDATE seat_inventory SET status = 'HELD', hold_id = gen_random_uuid() WHERE performance_id = :p AND seat_id = 'A-1-2'")
                .param("p", sale.performanceId()).update();
        UUID fan = people.fan().userId();

        SeatClaim.Outcome[] outcome = new SeatClaim.Outcome[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outcome[0] =
                claim.claim(sale, fan, new HoldRequest.Seats(List.of("A-1-1", "A-1-2")), UUID.randomUUID())))
                .as("a refusal marks the transaction rollback-only").isInstanceOf(UnexpectedRollbackException.class);

        assertThat(outcome[0]).isEqualTo(new SeatClaim.Taken(List.of("A-1-2")));
        assertThat(status("A-1-1")).as("the seat claimed before the refusal is free again").isEqualTo("AVAILABLE");
        assertThat(quota(fan)).as("the quota taken before the refusal is given back").isZero();
    }

    @Test
    void aHoldWithoutCredentialsIsAllOrNothingToo() {
        jdbc.sql("UPDATE seat_inventory SET status = 'HELD', hold_id = gen_random_uuid() WHERE performance_id = :p AND seat_id = 'B-1-3'")
                .param("p", sale.performanceId()).update();
        UUID fan = people.fan().userId();

        assertThatThrownBy(() -> holdSeats.hold(sale.performanceId(), fan, new HoldRequest.Seats(List.of("B-1-2", "B-1-3"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("seat-unavailable"));
        assertThat(status("B-1-2")).isEqualTo("AVAILABLE");
        assertThat(quota(fan)).isZero();
    }

    @Test
    void aGradeWithTooFewSeatsLeftIsSoldOutAndTakesNothing() {
        UUID fan = people.fan().userId();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                assertThat(claim.claim(sale, fan, new HoldRequest.BestAvailable("VIP", 4), UUID.randomUUID()))
                        .isEqualTo(new SeatClaim.SoldOut("VIP"))))
                .isInstanceOf(UnexpectedRollbackException.class);
        assertThat(quota(fan)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM seat_inventory WHERE performance_id = :p AND status <> 'AVAILABLE'")
                .param("p", sale.performanceId()).query(Long.class).single()).isZero();
    }

    @Test
    void eachRefusalNamesItsProblem() {
        UUID fan = people.fan().userId();
        transactions.executeWithoutResult(status -> {
            SeatClaim.Outcome unknownGrade = claim.claim(sale, fan, new HoldRequest.BestAvailable("NOPE", 1), UUID.randomUUID());
            assertThat(unknownGrade).isEqualTo(new SeatClaim.UnknownGrade("NOPE"));
            assertThat(((SeatClaim.Refused) unknownGrade).problem().code()).isEqualTo("unknown-grade");

            SeatClaim.Outcome tooMany = claim.claim(sale, fan, new HoldRequest.BestAvailable("R", 5), UUID.randomUUID());
            assertThat(tooMany).isEqualTo(new SeatClaim.OverLimit(4));
            assertThat(((SeatClaim.Refused) tooMany).problem().status()).isEqualTo(422);
            assertThat(((SeatClaim.Refused) tooMany).problem().properties()).containsEntry("limit", 4);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            SeatClaim.Outcome unknownSeat = claim.claim(sale, fan, new HoldRequest.Seats(List.of("B-1-1", "Z-9-9")), UUID.randomUUID());
            assertThat(unknownSeat).isEqualTo(new SeatClaim.UnknownSeats(List.of("Z-9-9")));
            assertThat(((SeatClaim.Refused) unknownSeat).problem().code()).isEqualTo("unknown-seat");
        })).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(status("B-1-1")).isEqualTo("AVAILABLE");
        assertThat(quota(fan)).isZero();
    }

    @Test
    void aClaimTakesTheSeatsAndTheQuotaTogether() {
        UUID fan = people.fan().userId();
        UUID holdId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            SeatClaim.Outcome claimed = claim.claim(sale, fan, new HoldRequest.BestAvailable("R", 2), holdId);
            assertThat(claimed).isInstanceOfSatisfying(SeatClaim.Claimed.class, c ->
                    assertThat(c.seats()).extracting(s -> s.seatId()).containsExactly("B-1-1", "B-1-2"));
            assertThat(quota(fan)).isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(quota(fan)).isZero();
    }

    @Test
    void aClaimRunsOnlyInsideTheHoldsTransaction() {
        assertThatThrownBy(() -> claim.claim(sale, UUID.randomUUID(), new HoldRequest.Seats(List.of("A-1-1")), UUID.randomUUID()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(status("A-1-1")).isEqualTo("AVAILABLE");
    }

    private String status(String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p AND seat_id = :s")
                .param("p", sale.performanceId()).param("s", seatId).query(String.class).single();
    }

    private int quota(UUID fan) {
        return jdbc.sql("SELECT coalesce(sum(used), 0) FROM purchase_quotas WHERE user_id = :u AND event_id = :e")
                .param("u", fan).param("e", sale.eventId()).query(Integer.class).single();
    }
}
