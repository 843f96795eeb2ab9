package io.ticketrush.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Race;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The coupon baselines must be exact before their speed means anything: fans racing over real
 * HTTP, some clicking twice at once, never get more coupons than the stock or the per-person limit.
 */
@IntegrationTest
@ActiveProfiles({"benchmark", "test"})
class BaselineCouponTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    People people;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "redisson"})
    void fansClickingOnceOrTwiceNeverGetMoreThanTheStockOrTheirLimit(String baseline) throws Exception {
        String campaignId = campaign(30, 1);
        List<String> fans = rehearsalTokens(60);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        // 60 fans, each of the first 20 clicking twice at the same instant: 80 claims for 30 coupons
        Race.run(80, i -> {
            String fan = fans.get(i < 60 ? i : i - 60);
            Api.Response response = api.post(claimPath(baseline, campaignId), fan, Map.of());
            statuses.add(response.status());
            if (response.status() == 409) {
                codes.add(response.code());
            }
        });

        assertThat(statuses).as("only issued or refused, never an error").allMatch(s -> s == 201 || s == 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("exactly the stock is issued").isEqualTo(30);
        assertThat(codes).allMatch(c -> c.equals("sold-out") || c.equals("already-claimed"));
        assertThat(rows("SELECT count(*) FROM benchmark_coupons WHERE campaign_id = :c::uuid", campaignId)).isEqualTo(30);
        assertThat(rows("""
                SELECT count(*) FROM (SELECT user_id FROM benchmark_coupons WHERE campaign_id = :c::uuid
                GROUP BY user_id HAVING count(*) > 1) AS twice""", campaignId)).as("nobody holds two").isZero();
        assertThat(rows("SELECT issued FROM benchmark_coupon_campaigns WHERE id = :c::uuid", campaignId))
                .as("the stock counter agrees with the coupons").isEqualTo(30);
        assertThat(rows("SELECT count(DISTINCT seq) FROM benchmark_coupons WHERE campaign_id = :c::uuid", campaignId))
                .isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "redisson"})
    void aFanGetsUpToTheLimitThenAlreadyClaimed(String baseline) {
        String campaignId = campaign(10, 2);
        String fan = rehearsalTokens(1).getFirst();
        assertThat(api.post(claimPath(baseline, campaignId), fan, Map.of()).status()).isEqualTo(201);
        Api.Response second = api.post(claimPath(baseline, campaignId), fan, Map.of());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("couponId").asString()).isNotBlank();
        Api.Response third = api.post(claimPath(baseline, campaignId), fan, Map.of());
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("already-claimed");
    }

    @Test
    void claimsOutsideTheWindowOrForAnUnknownCampaignAreRefused() {
        String organizer = people.organizer().token();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Api.Response later = api.post("/benchmark/baseline/coupon-campaigns", organizer, Map.of("totalQuantity", 5,
                "perPersonLimit", 1, "startsAt", now.plusHours(1).toString(), "endsAt", now.plusHours(2).toString()));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        String fan = rehearsalTokens(1).getFirst();
        Api.Response early = api.post(claimPath("pessimistic", later.json().get("campaignId").asString()), fan, Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("campaign-not-active");
        Api.Response unknown = api.post(claimPath("redisson", "00000000-0000-0000-0000-000000000001"), fan, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unknown-campaign");
    }

    @Test
    void onlyAnOrganizerSetsUpABaselineCampaign() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Api.Response byFan = api.post("/benchmark/baseline/coupon-campaigns", rehearsalTokens(1).getFirst(),
                Map.of("totalQuantity", 5, "perPersonLimit", 1, "startsAt", now.toString(), "endsAt", now.plusHours(1).toString()));
        assertThat(byFan.status()).isEqualTo(403);
    }

    private String campaign(int quantity, int limit) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Api.Response created = api.post("/benchmark/baseline/coupon-campaigns", people.organizer().token(),
                Map.of("totalQuantity", quantity, "perPersonLimit", limit, "startsAt", now.minusMinutes(1).toString(),
                        "endsAt", now.plusHours(1).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("campaignId").asString();
    }

    private long rows(String sql, String campaignId) {
        return jdbc.sql(sql).param("c", campaignId).query(Long.class).single();
    }

    private static String claimPath(String baseline, String campaignId) {
        return "/benchmark/baseline/" + baseline + "/coupon-campaigns/" + campaignId + "/claims";
    }

    private List<String> rehearsalTokens(int count) {
        People.Person admin = people.withRoles("ADMIN");
        Api.Response created = api.post("/api/v1/rehearsal/fans", admin.token(), Map.of("count", count));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("fans").findValuesAsString("accessToken");
    }
}
