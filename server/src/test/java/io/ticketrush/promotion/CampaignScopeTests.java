package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A campaign belongs to its organizer: its coupons pay only for that organizer's events, unless an ADMIN made it site-wide. */
@IntegrationTest
class CampaignScopeTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CouponOffers offers;

    Api api;
    People people;
    Campaigns campaigns;
    People.Person organizer;
    People.Person otherOrganizer;
    Shows.Show own;
    Shows.Show theirs;
    People.Person fan;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        campaigns = new Campaigns(api);
        organizer = people.organizer();
        otherOrganizer = people.organizer();
        own = new Shows(api).onSale(organizer.token(), 1, 10, 10);       // VIP (A) 150,000 won
        theirs = new Shows(api).onSale(otherOrganizer.token(), 1, 10, 10);
        fan = people.fan();
    }

    @Test
    void aHundredPercentCouponWithoutAnEventDoesNotMakeAnotherOrganizersTicketsFree() {
        String coupon = campaigns.claimed(campaigns.create(organizer.token(), Campaigns.body("PERCENT", 100, 10, 1)),
                fan.token());
        String hold = hold(theirs, "A-1-1");
        assertThat(offers.usableOn(fan.userId(), UUID.fromString(theirs.eventId()), 150_000))
                .as("the checkout page does not offer it for their event").isEmpty();
        assertThat(offers.usableOn(fan.userId(), UUID.fromString(own.eventId()), 150_000))
                .extracting(u -> u.coupon().id().toString()).containsExactly(coupon);

        Api.Response refused = order(hold, coupon);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("coupon-not-applicable");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE hold_id = :h::uuid").param("h", hold).query(Integer.class).single())
                .as("no order was made").isZero();
        assertThat(couponStatus(coupon)).isEqualTo("AVAILABLE");

        Api.Response full = order(hold, null);
        assertThat(full.status()).as(full.toString()).isEqualTo(201);
        assertThat(full.json().get("amount").asLong()).as("the order is not free").isEqualTo(150_000);

        Api.Response ownEvent = order(hold(own, "A-1-1"), coupon);
        assertThat(ownEvent.status()).as(ownEvent.toString()).isEqualTo(201);
        assertThat(ownEvent.json().get("discount").asLong()).isEqualTo(150_000);
    }

    @Test
    void onlyAnAdminMakesASiteWideCampaignAndItsCouponsPayForEveryOrganizersEvents() {
        Map<String, Object> siteWide = Campaigns.body("FIXED", 10_000, 10, 1);
        siteWide.put("siteWide", true);

        Api.Response byOrganizer = api.post("/api/v1/coupon-campaigns", organizer.token(), siteWide);
        assertThat(byOrganizer.status()).as(byOrganizer.toString()).isEqualTo(403);
        assertThat(byOrganizer.code()).isEqualTo("site-wide-campaign-forbidden");
        assertThat(api.get("/api/v1/organizer/coupon-campaigns", organizer.token()).json().get("items").size()).isZero();

        Map<String, Object> withEvent = Campaigns.body("FIXED", 10_000, 10, 1);
        withEvent.put("siteWide", true);
        withEvent.put("eventId", own.eventId());
        People.Person admin = people.withRoles("ADMIN", "ORGANIZER");
        Api.Response both = api.post("/api/v1/coupon-campaigns", admin.token(), withEvent);
        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        assertThat(both.code()).isEqualTo("validation-failed");

        Api.Response created = api.post("/api/v1/coupon-campaigns", admin.token(), siteWide);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("siteWide").asBoolean()).isTrue();
        String coupon = campaigns.claimed(created.json().get("campaignId").asString(), fan.token());
        Api.Response order = order(hold(theirs, "A-1-2"), coupon);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("discount").asLong()).isEqualTo(10_000);
    }

    private String hold(Shows.Show show, String... seats) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seats)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.json().get("holdId").asString();
    }

    private Api.Response order(String holdId, String couponId) {
        return api.post("/api/v1/orders", fan.token(), couponId == null ? Map.of("holdId", holdId)
                : Map.of("holdId", holdId, "couponId", couponId));
    }

    private String couponStatus(String couponId) {
        for (var item : api.get("/api/v1/me/coupons", fan.token()).json().get("items")) {
            if (item.get("couponId").asString().equals(couponId)) {
                return item.get("status").asString();
            }
        }
        throw new AssertionError("no coupon " + couponId);
    }
}
