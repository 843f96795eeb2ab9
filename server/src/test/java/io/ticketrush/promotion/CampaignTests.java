package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import java.time.Duration;
import java.util.HashMap;
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

/** Organizers create campaigns; fans claim; the window, the per-person limit and the stock decide. */
@IntegrationTest
class CampaignTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Api api;
    People people;
    Campaigns campaigns;
    String organizer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        campaigns = new Campaigns(api);
        organizer = people.organizer().token();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOrganizerCreatesACampaignAnyoneCanRead() {
        Map<String, Object> body = Campaigns.body("PERCENT", 15, 300, 1);
        body.put("minOrderAmount", 50_000);
        String campaignId = campaigns.create(organizer, body);

        Api.Response read = api.get("/api/v1/coupon-campaigns/" + campaignId, null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode json = read.json();
        assertThat(json.get("campaignId").asString()).isEqualTo(campaignId);
        assertThat(json.get("name").asString()).isEqualTo(body.get("name"));
        assertThat(json.get("discount").get("type").asString()).isEqualTo("PERCENT");
        assertThat(json.get("discount").get("value").asLong()).isEqualTo(15);
        assertThat(json.get("totalQuantity").asInt()).isEqualTo(300);
        assertThat(json.get("issued").asInt()).isZero();
        assertThat(json.get("remaining").asInt()).isEqualTo(300);
        assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json.get("minOrderAmount").asLong()).isEqualTo(50_000);
        assertThat(json.has("startsAt") && json.has("endsAt")).isTrue();

        campaigns.claimed(campaignId, people.fan().token());
        assertThat(api.get("/api/v1/coupon-campaigns/" + campaignId, null).json().get("remaining").asInt()).isEqualTo(299);
        assertThat(api.get("/api/v1/coupon-campaigns/" + UUID.randomUUID(), null).code()).isEqualTo("unknown-campaign");
    }

    @Test
    void aCampaignWithBadFieldsIsRefusedFieldByField() {
        Api.Response empty = api.post("/api/v1/coupon-campaigns", organizer, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("validation-failed");
        assertThat(empty.json().get("errors").findValuesAsString("field"))
                .contains("name", "discount", "totalQuantity", "perPersonLimit", "startsAt", "endsAt");

        Map<String, Object> percent = Campaigns.body("PERCENT", 150, 10, 1);
        assertThat(fields(api.post("/api/v1/coupon-campaigns", organizer, percent))).contains("discount.value");

        Map<String, Object> backwards = Campaigns.body("FIXED", 1000, 10, 20);
        backwards.put("endsAt", Campaigns.now().minusHours(2).toString());
        assertThat(fields(api.post("/api/v1/coupon-campaigns", organizer, backwards))).contains("endsAt", "perPersonLimit");

        Map<String, Object> strangersEvent = Campaigns.body("FIXED", 1000, 10, 1);
        strangersEvent.put("eventId", UUID.randomUUID().toString());
        assertThat(fields(api.post("/api/v1/coupon-campaigns", organizer, strangersEvent))).containsExactly("eventId");

        Map<String, Object> badType = Campaigns.body("HALF", 1000, 10, 1);
        assertThat(fields(api.post("/api/v1/coupon-campaigns", organizer, badType))).contains("discount.type");
    }

    @Test
    void onlyOrganizersCreateCampaignsWhateverTheyPost() {
        String fan = people.fan().token();
        Api.Response invalid = api.post("/api/v1/coupon-campaigns", fan, Map.of("name", ""));
        assertThat(invalid.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/coupon-campaigns", fan, Campaigns.body("FIXED", 1000, 10, 1)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/coupon-campaigns", null, Campaigns.body("FIXED", 1000, 10, 1)).status()).isEqualTo(401);
    }

    @Test
    void claimsAreTakenOnlyWhileTheCampaignIsActive() {
        Map<String, Object> body = Campaigns.body("FIXED", 3000, 10, 1);
        body.put("startsAt", Campaigns.now().plusHours(1).toString());
        body.put("endsAt", Campaigns.now().plusHours(2).toString());
        String campaignId = campaigns.create(organizer, body);
        String fan = people.fan().token();

        assertThat(status(campaignId)).isEqualTo("SCHEDULED");
        Api.Response early = campaigns.claim(campaignId, fan);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("campaign-not-active");

        clock.advance(Duration.ofMinutes(61));
        assertThat(status(campaignId)).isEqualTo("ACTIVE");
        assertThat(campaigns.claim(campaignId, fan).status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(60));
        assertThat(status(campaignId)).isEqualTo("ENDED");
        Api.Response late = campaigns.claim(campaignId, people.fan().token());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("campaign-not-active");
    }

    @Test
    void aFanGetsAtMostTheLimitAndNobodyGetsPastTheStock() {
        String campaignId = campaigns.active(organizer, 3, 2);
        String fan = people.fan().token();
        Api.Response first = campaigns.claim(campaignId, fan);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("campaignId").asString()).isEqualTo(campaignId);
        assertThat(first.json().get("discount").get("type").asString()).isEqualTo("FIXED");
        assertThat(first.json().get("discount").get("value").asLong()).isEqualTo(5000);
        assertThat(campaigns.claim(campaignId, fan).status()).isEqualTo(201);
        Api.Response third = campaigns.claim(campaignId, fan);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("already-claimed");

        assertThat(campaigns.claim(campaignId, people.fan().token()).status()).isEqualTo(201);
        Api.Response gone = campaigns.claim(campaignId, people.fan().token());
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.code()).isEqualTo("sold-out");
        assertThat(campaigns.claim(UUID.randomUUID().toString(), fan).code()).isEqualTo("unknown-campaign");
    }

    @Test
    void aFanSeesTheirCoupons() {
        String one = campaigns.active(organizer, 10, 1);
        String two = campaigns.create(organizer, Campaigns.body("PERCENT", 10, 10, 1));
        People.Person fan = people.fan();
        String first = campaigns.claimed(one, fan.token());
        String second = campaigns.claimed(two, fan.token());
        campaigns.claimed(one, people.fan().token()); // someone else's

        Api.Response mine = api.get("/api/v1/me/coupons", fan.token());
        assertThat(mine.status()).isEqualTo(200);
        JsonNode items = mine.json().get("items");
        assertThat(items.findValuesAsString("couponId")).containsExactlyInAnyOrder(first, second);
        Map<String, JsonNode> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.get("couponId").asString(), i));
        assertThat(byId.get(first).get("campaignId").asString()).isEqualTo(one);
        assertThat(byId.get(second).get("discount").get("type").asString()).isEqualTo("PERCENT");
        assertThat(byId.get(first).get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(byId.get(first).has("usedAt")).isFalse();
    }

    private String status(String campaignId) {
        return api.get("/api/v1/coupon-campaigns/" + campaignId, null).json().get("status").asString();
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }
}
