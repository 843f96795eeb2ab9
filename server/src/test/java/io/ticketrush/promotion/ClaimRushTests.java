package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 선착순 rush over real HTTP: invariants only, never timings. */
@IntegrationTest
class ClaimRushTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ClaimWriter writer;
    @Autowired
    ClaimGate gate;

    @Test
    void twoThousandClaimsFromAThousandFansForThreeHundredCoupons() throws Exception {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        String campaignId = new Campaigns(api).active(people.organizer().token(), 300, 1);
        List<Map.Entry<String, String>> fans = Campaigns.rehearsalFans(api, people.withRoles("ADMIN").token(), 1000);
        // fans 0..499 click three times (double and triple clicks), fans 500..999 once: 2,000 claims
        List<Integer> clicks = new ArrayList<>();
        for (int f = 0; f < 1000; f++) {
            for (int c = 0; c < (f < 500 ? 3 : 1); c++) {
                clicks.add(f);
            }
        }
        Collections.shuffle(clicks, new java.util.Random(42));
        assertThat(clicks).hasSize(2000);

        Map<String, String> couponOwner = new ConcurrentHashMap<>();
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        List<Integer> wins = Collections.synchronizedList(new ArrayList<>());
        Campaigns.race(clicks.size(), 200, i -> {
            Map.Entry<String, String> fan = fans.get(clicks.get(i));
            Api.Response response = api.post("/api/v1/coupon-campaigns/" + campaignId + "/claims", fan.getValue(), Map.of());
            if (response.status() == 201) {
                wins.add(clicks.get(i));
                assertThat(couponOwner.put(response.json().get("couponId").asString(), fan.getKey()))
                        .as("a coupon id is given once").isNull();
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                refusals.add(response.code());
            }
        });

        assertThat(wins).as("exactly the stock is issued").hasSize(300);
        assertThat(new HashSet<>(wins)).as("no fan got two").hasSize(300);
        assertThat(refusals).hasSize(1700).allMatch(code -> code.equals("sold-out") || code.equals("already-claimed"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stored(campaignId)).hasSize(300);
            assertThat(writer.backlog().entries()).isZero();
        });
        Map<String, String> inPostgres = stored(campaignId);
        assertThat(inPostgres).as("PostgreSQL holds exactly the coupons the fans were given").isEqualTo(couponOwner);
        List<Integer> seqs = jdbc.sql("SELECT seq FROM coupons WHERE campaign_id = :c::uuid ORDER BY seq")
                .param("c", campaignId).query(Integer.class).list();
        assertThat(seqs).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 300).boxed().toList());

        assertThat(redis.opsForHash().get(CampaignKeys.meta(UUID.fromString(campaignId)), "issued")).isEqualTo("300");
        Map<String, String> inRedis = new HashMap<>();
        gate.all(UUID.fromString(campaignId))
                .forEach(c -> inRedis.put(c.couponId().toString(), c.userId().toString()));
        assertThat(inRedis).as("PostgreSQL equals Redis once the stream drains").isEqualTo(inPostgres);

        Api.Response view = api.get("/api/v1/coupon-campaigns/" + campaignId, null);
        assertThat(view.json().get("issued").asInt()).isEqualTo(300);
        assertThat(view.json().get("remaining").asInt()).isZero();
    }

    private Map<String, String> stored(String campaignId) {
        return jdbc.sql("SELECT id::text, user_id::text FROM coupons WHERE campaign_id = :c::uuid")
                .param("c", campaignId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
