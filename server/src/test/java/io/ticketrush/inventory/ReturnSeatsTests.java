package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way seats go back on sale, for each reason (let go or payment failed, expiry, a paid order
 * cancelled): seats, quota, this instance's taken-seat memory, the seat map's version and the event,
 * all or (the second time) nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class ReturnSeatsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReturnSeats returns;
    @Autowired
    HoldSeats holdSeats;
    @Autowired
    SeatHolds seatHolds;
    @Autowired
    TakenSeats taken;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    UUID performanceId;
    UUID fan;
    Hold other;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 5, 4);
        performanceId = UUID.fromString(show.performanceId());
        fan = people.fan().userId();
        // a second hold of the same fan: its seat and its share of the quota must stay
        other = holdSeats.hold(performanceId, fan, new HoldRequest.Seats(List.of("B-2-5")));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void releasingGivesEverythingBackOnce() {
        Hold hold = holdSeats.hold(performanceId, fan, new HoldRequest.Seats(List.of("A-1-1", "A-1-2")));
        long version = version();

        assertThat(returnSeats(hold, ReturnSeats.Why.RELEASE)).isEqualTo(new ReturnSeats.Returned(hold, HoldStatus.RELEASED));
        assertGivenBack(hold, "RELEASED", version);
        assertThat(events.stream(HoldReleased.class).filter(e -> e.holdId().equals(hold.id())))
                .containsExactly(new HoldReleased(hold.id(), performanceId, hold.eventId(), fan, 2));

        assertThat(returnSeats(hold, ReturnSeats.Why.RELEASE)).isEqualTo(new ReturnSeats.Unchanged(hold, ReturnSeats.Why.RELEASE));
        assertThat(returnSeats(hold, ReturnSeats.Why.EXPIRE)).as("an ended hold does not expire").isInstanceOf(ReturnSeats.Unchanged.class);
        assertThat(quota()).as("given back once").isEqualTo(1);
        assertThat(events.stream(HoldReleased.class).filter(e -> e.holdId().equals(hold.id()))).hasSize(1);
        assertThat(events.stream(HoldExpired.class)).isEmpty();
    }

    @Test
    void expiringTellsWhichOrderWasWaiting() {
        Hold hold = holdSeats.hold(performanceId, fan, new HoldRequest.Seats(List.of("A-2-3")));
        UUID orderId = UUID.randomUUID();
        assertThat(seatHolds.attachOrder(hold.id(), orderId)).isTrue();
        Hold ordered = seatHolds.find(hold.id()).orElseThrow();
        long version = version();

        assertThat(returnSeats(ordered, ReturnSeats.Why.EXPIRE)).isInstanceOf(ReturnSeats.Returned.class);
        assertGivenBack(hold, "EXPIRED", version);
        assertThat(events.stream(HoldExpired.class))
                .containsExactly(new HoldExpired(hold.id(), performanceId, hold.eventId(), fan, 1, orderId));
        assertThat(returnSeats(ordered, ReturnSeats.Why.EXPIRE)).isInstanceOf(ReturnSeats.Unchanged.class);
        assertThat(quota()).isEqualTo(1);
    }

    @Test
    void returningSoldSeatsPutsThemBackOnSaleOnce() {
        Hold hold = holdSeats.hold(performanceId, fan, new HoldRequest.Seats(List.of("B-1-4", "B-1-5")));
        UUID orderId = UUID.randomUUID();
        assertThat(seatHolds.attachOrder(hold.id(), orderId)).isTrue();
        assertThat(seatHolds.sell(hold.id(), orderId)).isTrue();
        Hold sold = seatHolds.find(hold.id()).orElseThrow();
        assertThat(returnSeats(sold, ReturnSeats.Why.RELEASE)).as("a sold hold is not released").isInstanceOf(ReturnSeats.Unchanged.class);
        assertThat(status("B-1-4")).isEqualTo("SOLD");
        long version = version();

        assertThat(returnSeats(sold, ReturnSeats.Why.RETURN_SOLD)).isEqualTo(new ReturnSeats.Returned(sold, HoldStatus.RETURNED));
        assertGivenBack(hold, "RETURNED", version);
        assertThat(jdbc.sql("SELECT count(*) FROM seat_inventory WHERE performance_id = :p AND order_id = :o")
                .param("p", performanceId).param("o", orderId).query(Long.class).single()).isZero();
        assertThat(returnSeats(sold, ReturnSeats.Why.RETURN_SOLD)).isInstanceOf(ReturnSeats.Unchanged.class);
        assertThat(quota()).isEqualTo(1);
        assertThat(events.stream(HoldReleased.class).filter(e -> e.holdId().equals(hold.id()))).hasSize(1);
    }

    @Test
    void theSweeperExpiresThroughTheSameStep() {
        Hold hold = holdSeats.hold(performanceId, fan, new HoldRequest.Seats(List.of("A-1-5")));
        long version = version();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "EXPIRED".equals(holdStatus(hold)));
        assertThat(status("A-1-5")).isEqualTo("AVAILABLE");
        assertThat(quota()).as("the other hold expired too: nothing left").isZero();
        // forgotten and announced after the sweeper's commit, on its own thread
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(taken.knownTaken(performanceId, hold.seatIds())).isEmpty();
            assertThat(version()).isGreaterThan(version);
        });
    }

    private ReturnSeats.Outcome returnSeats(Hold hold, ReturnSeats.Why why) {
        return transactions.execute(status -> returns.of(hold, why, clock.instant()));
    }

    private void assertGivenBack(Hold hold, String holdStatus, long versionBefore) {
        for (String seatId : hold.seatIds()) {
            assertThat(status(seatId)).as(seatId).isEqualTo("AVAILABLE");
        }
        assertThat(holdStatus(hold)).isEqualTo(holdStatus);
        assertThat(quota()).as("only the other hold's seat still counts").isEqualTo(1);
        assertThat(status("B-2-5")).isEqualTo("HELD");
        assertThat(taken.knownTaken(performanceId, hold.seatIds())).as("forgotten here at commit").isEmpty();
        assertThat(version()).as("every seat map hears of it").isGreaterThan(versionBefore);
    }

    private String status(String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p AND seat_id = :s")
                .param("p", performanceId).param("s", seatId).query(String.class).single();
    }

    private String holdStatus(Hold hold) {
        return jdbc.sql("SELECT status FROM holds WHERE id = :h").param("h", hold.id()).query(String.class).single();
    }

    private int quota() {
        return jdbc.sql("SELECT coalesce(sum(used), 0) FROM purchase_quotas WHERE user_id = :u")
                .param("u", fan).query(Integer.class).single();
    }

    private long version() {
        String value = redis.opsForValue().get(SeatMapChanges.versionKey(performanceId));
        return value == null ? 0 : Long.parseLong(value);
    }
}
