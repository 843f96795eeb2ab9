package io.ticketrush.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without the benchmark profile the baselines do not exist. */
@IntegrationTest
class BaselinesAbsentTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void withoutTheBenchmarkProfileTheBaselineEndpointsAreNotThere() {
        Api api = new Api(port);
        String token = new People(api, jdbc).withRoles("ADMIN").token();
        for (String baseline : List.of("pessimistic", "redisson")) {
            Api.Response response = api.post("/benchmark/baseline/" + baseline + "/performances/" + UUID.randomUUID() + "/holds",
                    token, Map.of("seatIds", List.of("A-1-1")));
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            Api.Response claim = api.post("/benchmark/baseline/" + baseline + "/coupon-campaigns/" + UUID.randomUUID()
                    + "/claims", token, Map.of());
            assertThat(claim.status()).as(claim.toString()).isEqualTo(404);
        }
        Api.Response campaign = api.post("/benchmark/baseline/coupon-campaigns", token, Map.of("totalQuantity", 5,
                "perPersonLimit", 1, "startsAt", "2026-11-22T00:00:00Z", "endsAt", "2026-11-23T00:00:00Z"));
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(404);
    }

    @Test
    void withoutTheProfileNoBaselineBeanExistsThoughTheCouponTablesDo() {
        for (Class<?> baseline : List.of(PessimisticHolds.class, RedissonHolds.class, PessimisticCoupons.class,
                RedissonCoupons.class, BaselineCampaigns.class)) {
            assertThat(context.getBeanNamesForType(baseline)).as(baseline.getSimpleName()).isEmpty();
        }
        // the migration runs everywhere (one history whatever the profile); only the benchmark writes the tables
        assertThat(jdbc.sql("SELECT to_regclass('benchmark_coupons') IS NOT NULL AND to_regclass('benchmark_coupon_campaigns') IS NOT NULL")
                .query(Boolean.class).single()).isTrue();
    }
}
