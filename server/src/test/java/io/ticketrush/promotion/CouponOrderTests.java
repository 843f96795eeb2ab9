package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.inventory.HoldSweeper;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Coupons on orders over HTTP: the discount, who may use what, and that a coupon pays one order at most. */
@IntegrationTest
class CouponOrderTests {

    static final String APPROVE = "4000-0000-0000-0000";
    static final String DECLINE = "4000-0000-0000-0002";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    HoldSweeper sweeper;
    @Autowired
    ClaimWriter writer;

    Api api;
    People people;
    Campaigns campaigns;
    People.Person organizer;
    Shows.Show show;
    People.Person fan;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        campaigns = new Campaigns(api);
        organizer = people.organizer();
        show = new Shows(api).onSale(organizer.token(), 2, 10, 10); // VIP (A) 150,000 won, R (B) 99,000 won
        fan = people.fan();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        writer.start();
    }

    @Test
    void aCouponDiscountsTheOrderAndIsUsedWhenItIsPaid() {
        String coupon = claim(fixed(20_000, 100_000, show.eventId()));
        Api.Response order = order(hold("A-1-1"), coupon);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("subtotal").asLong()).isEqualTo(150_000);
        assertThat(order.json().get("discount").asLong()).isEqualTo(20_000);
        assertThat(order.json().get("amount").asLong()).isEqualTo(130_000);
        assertThat(order.json().get("couponId").asString()).isEqualTo(coupon);
        String orderId = order.json().get("orderId").asString();
        assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("RESERVED");
        assertThat(myCoupon(coupon).get("orderId").asString()).isEqualTo(orderId);

        String otherHold = hold("A-1-2");
        Api.Response meanwhile = order(otherHold, coupon);
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.code()).isEqualTo("coupon-in-use");

        assertThat(pay(orderId, 130_000, APPROVE).json().get("status").asString()).isEqualTo("PAID");
        JsonNode used = myCoupon(coupon);
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.has("usedAt")).isTrue();

        Api.Response twice = order(otherHold, coupon);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("coupon-used");
        Api.Response without = order(otherHold, null);
        assertThat(without.status()).as("a refused coupon changes nothing: the hold still orders").isEqualTo(201);
        assertThat(without.json().get("discount").asLong()).isZero();
    }

    @Test
    void aPercentageIsTakenFromTheSubtotalRoundedDown() {
        String coupon = claim(Campaigns.body("PERCENT", 15, 10, 1));
        Api.Response order = order(hold("B-1-1", "B-1-2"), coupon);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("subtotal").asLong()).isEqualTo(198_000);
        assertThat(order.json().get("discount").asLong()).isEqualTo(29_700);
        assertThat(order.json().get("amount").asLong()).isEqualTo(168_300);
    }

    @Test
    void aCouponMustFitTheEventTheAmountAndItsWindow() {
        String forThisShow = claim(fixed(20_000, 100_000, show.eventId()));
        Api.Response small = order(hold("B-2-1"), forThisShow);
        assertThat(small.status()).isEqualTo(422);
        assertThat(small.code()).isEqualTo("coupon-minimum-not-met");
        assertThat(small.json().get("minOrderAmount").asLong()).isEqualTo(100_000);

        Shows.Show otherShow = new Shows(api).onSale(organizer.token(), 1, 5, 4);
        String forOtherShow = claim(fixed(10_000, 0, otherShow.eventId()));
        Api.Response elsewhere = order(hold("A-2-1"), forOtherShow);
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.code()).isEqualTo("coupon-not-applicable");

        String someoneElses = campaigns.claimed(campaigns.active(organizer.token(), 10, 1), people.fan().token());
        assertThat(order(hold("A-2-2"), someoneElses).code()).isEqualTo("unknown-coupon");
        assertThat(order(hold("A-2-3"), UUID.randomUUID().toString()).code()).isEqualTo("unknown-coupon");

        Map<String, Object> twoMinutes = fixed(5_000, 0, null);
        twoMinutes.put("endsAt", Campaigns.now().plusMinutes(2).toString()); // usable until the campaign ends
        String shortLived = claim(twoMinutes);
        String lateHold = hold("A-2-4");
        clock.advance(Duration.ofMinutes(3)); // the coupon's period is over, the five-minute hold is not
        Api.Response late = order(lateHold, shortLived);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("coupon-expired");
    }

    @Test
    void aDeclinedCancelledOrExpiredOrderGivesTheCouponBack() {
        String coupon = claim(fixed(10_000, 0, show.eventId()));

        String declined = order(hold("A-1-3"), coupon).json().get("orderId").asString();
        assertThat(pay(declined, 140_000, DECLINE).code()).isEqualTo("payment-declined");
        assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("AVAILABLE");

        String cancelled = order(hold("A-1-4"), coupon).json().get("orderId").asString();
        assertThat(api.post("/api/v1/orders/" + cancelled + "/cancel", fan.token(), Map.of()).status()).isEqualTo(200);
        assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("AVAILABLE");

        String expiring = order(hold("A-1-5"), coupon).json().get("orderId").asString();
        clock.advance(Duration.ofMinutes(6));
        sweeper.sweep();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/orders/" + expiring, fan.token()).json().get("status").asString()).isEqualTo("EXPIRED");
            assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("AVAILABLE");
        });
        clock.reset();

        Api.Response last = order(hold("A-1-6"), coupon);
        assertThat(last.status()).as(last.toString()).isEqualTo(201);
        assertThat(pay(last.json().get("orderId").asString(), 140_000, APPROVE).json().get("status").asString()).isEqualTo("PAID");
        assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("USED");
    }

    @Test
    void aFullyDiscountedOrderIsConfirmedWithoutCharging() {
        String coupon = claim(fixed(200_000, 0, null));
        Api.Response order = order(hold("A-1-7"), coupon);
        assertThat(order.json().get("discount").asLong()).isEqualTo(150_000);
        assertThat(order.json().get("amount").asLong()).isZero();
        String orderId = order.json().get("orderId").asString();
        Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                Map.of("paymentKey", "free", "amount", 0));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("tickets").size()).isEqualTo(1);
        assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("USED");
    }

    @Test
    void ordersRacingWithOneCouponGetItOnce() throws Exception {
        String coupon = claim(fixed(10_000, 0, null));
        List<String> holds = List.of(hold("B-1-5"), hold("B-1-6"), hold("B-1-7"), hold("B-1-8"), hold("B-1-9"));
        List<Api.Response> answers = Collections.synchronizedList(new ArrayList<>());
        Campaigns.race(holds.size(), i -> answers.add(order(holds.get(i), coupon)));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201)).allMatch(a -> a.code().equals("coupon-in-use"));
        Integer onOrders = jdbc.sql("SELECT count(*) FROM orders WHERE coupon_id = :c::uuid").param("c", coupon)
                .query(Integer.class).single();
        assertThat(onOrders).isEqualTo(1);
    }

    @Test
    void aCouponClaimedAMomentAgoCanBeUsedBeforeTheWriterStoresIt() {
        writer.stop();
        String coupon = claim(fixed(10_000, 0, null));
        assertThat(stored(coupon)).isZero();
        Api.Response order = order(hold("A-2-5"), coupon);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("discount").asLong()).isEqualTo(10_000);
        writer.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(writer.backlog().entries()).isZero());
        assertThat(stored(coupon)).as("stored once, by the order; the writer's insert changed nothing").isEqualTo(1);
        assertThat(myCoupon(coupon).get("status").asString()).isEqualTo("RESERVED");
    }

    private Map<String, Object> fixed(long value, long minimum, String eventId) {
        Map<String, Object> body = Campaigns.body("FIXED", value, 10, 1);
        body.put("minOrderAmount", minimum);
        if (eventId != null) {
            body.put("eventId", eventId);
        }
        return body;
    }

    private String claim(Map<String, Object> campaign) {
        return campaigns.claimed(campaigns.create(organizer.token(), campaign), fan.token());
    }

    private String hold(String... seats) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seats)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.json().get("holdId").asString();
    }

    private Api.Response order(String holdId, String couponId) {
        return api.post("/api/v1/orders", fan.token(), couponId == null ? Map.of("holdId", holdId)
                : Map.of("holdId", holdId, "couponId", couponId));
    }

    private Api.Response pay(String orderId, long amount, String card) {
        Api.Response checkout = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", amount, "cardNumber", card));
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        return api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                Map.of("paymentKey", checkout.json().get("paymentKey").asString(), "amount", amount));
    }

    private JsonNode myCoupon(String couponId) {
        for (JsonNode item : api.get("/api/v1/me/coupons", fan.token()).json().get("items")) {
            if (item.get("couponId").asString().equals(couponId)) {
                return item;
            }
        }
        throw new AssertionError("No coupon " + couponId + " in /me/coupons");
    }

    private int stored(String couponId) {
        return jdbc.sql("SELECT count(*) FROM coupons WHERE id = :c::uuid").param("c", couponId).query(Integer.class).single();
    }
}
