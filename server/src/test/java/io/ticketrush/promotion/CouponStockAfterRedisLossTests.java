package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.promotion.persistence.StockEpochMarks;
import io.ticketrush.shared.RedisEpoch;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis flushed, or restarted from an older copy, under a running server: claims pause (503
 * coupons-paused) until the stock is rebuilt from PostgreSQL, the rebuilt stock is exact (stored +
 * remaining = stock), nobody claims past the per-person limit, and claims resume. The epoch checks
 * run only when the test calls them (their schedule is an hour).
 */
@IntegrationTest
@TestPropertySource(properties = {"ticketrush.promotion.epoch-check=PT1H", "ticketrush.queue.epoch-check=PT1H"})
class CouponStockAfterRedisLossTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ClaimEpoch epoch;

    Api api;
    Campaigns campaigns;
    People people;
    List<Map.Entry<String, String>> fans;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        campaigns = new Campaigns(api);
        people = new People(api, jdbc);
        fans = Campaigns.rehearsalFans(api, people.withRoles("ADMIN").token(), 30);
        healthyAgain(); // another test of this context may have flushed Redis
        assertThat(epoch.check()).as("a healthy Redis at the start").isInstanceOf(RedisEpoch.Intact.class);
    }

    @AfterEach
    void healthyAgain() {
        if (epoch.check().needsRepair()) {
            epoch.repair();
        }
    }

    @Test
    void aRedisRestartedFromAnOlderCopyPausesClaimsUntilTheStockIsRebuiltExactly() throws Exception {
        UUID campaignId = UUID.fromString(campaigns.active(people.organizer().token(), 10, 1));
        Set<String> answered = Collections.synchronizedSet(new HashSet<>());
        claimAll(campaignId, fans.subList(0, 4), answered);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(campaignId).size() == 4);

        // the copy Redis will come back from; the checks go on after it (the epoch moves forward)
        Map<String, byte[]> snapshot = dump(campaignId);
        epoch.check();
        claimAll(campaignId, fans.subList(4, 7), answered);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(campaignId).size() == 7);
        restore(snapshot);

        assertThat(epoch.check()).isInstanceOf(RedisEpoch.Older.class);
        Api.Response paused = campaigns.claim(campaignId.toString(), fans.get(4).getValue());
        assertThat(paused.status()).as(paused.toString()).isEqualTo(503);
        assertThat(paused.code()).isEqualTo("coupons-paused");
        assertThat(paused.header("Retry-After")).isEqualTo("2");
        assertThat(paused.header("Content-Type")).startsWith("application/problem+json");

        ClaimEpoch.Repaired repaired = epoch.repair();
        assertThat(repaired.couponsPutBack()).as("the three coupons the old copy did not have").isEqualTo(3);
        assertThat(redis.opsForHash().get(CampaignKeys.meta(campaignId), "issued")).isEqualTo("7");
        assertThat(remaining(campaignId)).as("stored + remaining = stock").isEqualTo(10 - 7);

        Api.Response again = campaigns.claim(campaignId.toString(), fans.get(4).getValue());
        assertThat(again.code()).as("a fan who claimed after the old copy was taken is remembered").isEqualTo("already-claimed");

        AtomicInteger soldOut = new AtomicInteger();
        Campaigns.race(20, i -> {
            Api.Response r = campaigns.claim(campaignId.toString(), fans.get(7 + i).getValue());
            if (r.status() == 201) {
                answered.add(r.json().get("couponId").asString());
            } else if ("sold-out".equals(r.code())) {
                soldOut.incrementAndGet();
            }
        });
        assertThat(answered).as("exactly the stock was issued").hasSize(10);
        assertThat(soldOut.get()).isEqualTo(17);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stored(campaignId)).isEqualTo(answered));
        assertThat(seqs(campaignId)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(remaining(campaignId)).isZero();
    }

    @Test
    void aFlushedRedisPausesClaimsAndTheRebuiltStockIsExact() throws Exception {
        UUID campaignId = UUID.fromString(campaigns.active(people.organizer().token(), 6, 1));
        Set<String> answered = Collections.synchronizedSet(new HashSet<>());
        claimAll(campaignId, fans.subList(0, 4), answered);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(campaignId).size() == 4);

        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
        assertThat(epoch.check()).isInstanceOf(RedisEpoch.Lost.class);
        assertThat(epoch.repairing()).isTrue();
        Api.Response paused = campaigns.claim(campaignId.toString(), fans.get(0).getValue());
        assertThat(paused.status()).isEqualTo(503);
        assertThat(paused.code()).isEqualTo("coupons-paused");

        epoch.repair();
        assertThat(epoch.repairing()).isFalse();
        assertThat(epoch.check()).isInstanceOf(RedisEpoch.Intact.class);
        assertThat(remaining(campaignId)).isEqualTo(6 - 4);
        assertThat(campaigns.claim(campaignId.toString(), fans.get(0).getValue()).code()).isEqualTo("already-claimed");
        claimAll(campaignId, fans.subList(4, 6), answered);
        assertThat(campaigns.claim(campaignId.toString(), fans.get(6).getValue()).code()).isEqualTo("sold-out");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stored(campaignId)).isEqualTo(answered));
        assertThat(seqs(campaignId)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private void claimAll(UUID campaignId, List<Map.Entry<String, String>> who, Set<String> into) throws Exception {
        Set<String> issued = Collections.synchronizedSet(new HashSet<>());
        Campaigns.race(who.size(), i -> issued.add(campaigns.claimed(campaignId.toString(), who.get(i).getValue())));
        assertThat(issued).hasSize(who.size());
        into.addAll(issued);
    }

    /** DUMP of the campaign's keys and the epoch marker: what an RDB file taken now would hold. */
    private Map<String, byte[]> dump(UUID campaignId) {
        Map<String, byte[]> keys = new HashMap<>();
        List<String> names = new ArrayList<>(CampaignKeys.all(campaignId));
        names.add(StockEpochMarks.KEY);
        for (String key : names) {
            keys.put(key, redis.dump(key)); // null: the key did not exist
        }
        return keys;
    }

    private void restore(Map<String, byte[]> snapshot) {
        snapshot.forEach((key, value) -> {
            if (value == null) {
                redis.delete(key);
            } else {
                redis.restore(key, value, 0, TimeUnit.MILLISECONDS, true);
            }
        });
    }

    private int remaining(UUID campaignId) {
        return api.get("/api/v1/coupon-campaigns/" + campaignId, null).json().get("remaining").asInt();
    }

    private Set<String> stored(UUID campaignId) {
        return new HashSet<>(jdbc.sql("SELECT id::text FROM coupons WHERE campaign_id = :c").param("c", campaignId)
                .query(String.class).list());
    }

    private List<Integer> seqs(UUID campaignId) {
        return jdbc.sql("SELECT seq FROM coupons WHERE campaign_id = :c ORDER BY seq").param("c", campaignId)
                .query(Integer.class).list();
    }
}
