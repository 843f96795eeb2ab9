package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.promotion.persistence.CouponRows;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crashes between the claim and the write lose nothing: entries a writer read and never stored are
 * taken over, entries stored and not acknowledged are stored once, claims the stream lost are
 * repaired from Redis, and a campaign Redis lost is restored from PostgreSQL.
 */
@IntegrationTest
class ClaimDurabilityTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ClaimWriter writer;
    @Autowired
    ClaimStream stream;
    @Autowired
    ClaimReconciler reconciler;
    @Autowired
    CouponRows coupons;
    @Autowired
    MeterRegistry meters;

    Api api;
    Campaigns campaigns;
    People people;
    List<Map.Entry<String, String>> fans;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        campaigns = new Campaigns(api);
        people = new People(api, jdbc);
        fans = Campaigns.rehearsalFans(api, people.withRoles("ADMIN").token(), 120);
    }

    @AfterEach
    void writerRuns() {
        writer.start();
    }

    @Test
    void aWriterStoppedMidStreamLosesNoCoupon() throws Exception {
        UUID campaignId = UUID.fromString(campaigns.active(people.organizer().token(), 200, 1));
        writer.stop();
        Set<String> issued = claimAll(campaignId, fans.subList(0, 120));
        // one writer read 40 entries and died before storing them
        List<ClaimStream.Entry> neverStored = stream.readNew(campaignId, "writer-that-died", 40);
        // another read 30, stored them and died before acknowledging
        List<ClaimStream.Entry> notAcknowledged = stream.readNew(campaignId, "writer-that-died-later", 30);
        coupons.storeAll(notAcknowledged.stream().map(ClaimStream.Entry::coupon).toList());
        assertThat(neverStored).hasSize(40);
        assertThat(storedIds(campaignId)).hasSize(30);

        // the fan whose claim is only in Redis still sees it
        Map.Entry<String, String> waiting = fanOf(neverStored.getFirst());
        assertThat(api.get("/api/v1/me/coupons", waiting.getValue()).json().get("items").findValuesAsString("couponId"))
                .contains(neverStored.getFirst().coupon().couponId().toString());

        writer.start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(storedIds(campaignId)).hasSize(80);
            assertThat(stream.backlog(campaignId, java.time.Instant.now()).entries()).as("the dead writers' entries are still pending").isEqualTo(70);
        });

        int taken = writer.takeOverPending(Duration.ZERO);
        assertThat(taken).as("the 40 never stored are new; the 30 stored are not stored twice").isEqualTo(40);
        assertThat(storedIds(campaignId)).isEqualTo(issued);
        assertThat(stream.backlog(campaignId, java.time.Instant.now()).entries()).isZero();
    }

    @Test
    void theReconcilerStoresClaimsTheStreamLost() throws Exception {
        UUID campaignId = UUID.fromString(campaigns.active(people.organizer().token(), 100, 1));
        double before = repairs("postgres-missing");
        writer.stop();
        Set<String> issued = claimAll(campaignId, fans.subList(0, 50));
        redis.delete(CampaignKeys.claims(campaignId)); // the stream is gone, the fans hash is not
        writer.start();

        reconciler.reconcile();
        assertThat(storedIds(campaignId)).isEqualTo(issued);
        assertThat(repairs("postgres-missing") - before).isEqualTo(50);
        assertThat(campaigns.claim(campaignId.toString(), fans.get(50).getValue()).status())
                .as("the stream and its group are back for new claims").isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(storedIds(campaignId)).hasSize(51));
    }

    @Test
    void aCampaignRedisLostIsRestoredFromPostgresWithoutIssuingANumberTwice() throws Exception {
        UUID campaignId = UUID.fromString(campaigns.active(people.organizer().token(), 10, 1));
        Set<String> issued = claimAll(campaignId, fans.subList(0, 4));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(storedIds(campaignId)).isEqualTo(issued));
        redis.delete(CampaignKeys.all(campaignId));

        Api.Response again = campaigns.claim(campaignId.toString(), fans.get(0).getValue());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).as("the restored campaign remembers who claimed").isEqualTo("already-claimed");
        String fresh = campaigns.claimed(campaignId.toString(), fans.get(4).getValue());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(storedIds(campaignId)).hasSize(5).contains(fresh));
        List<Integer> seqs = jdbc.sql("SELECT seq FROM coupons WHERE campaign_id = :c ORDER BY seq")
                .param("c", campaignId).query(Integer.class).list();
        assertThat(seqs).containsExactly(1, 2, 3, 4, 5);
        assertThat(api.get("/api/v1/coupon-campaigns/" + campaignId, null).json().get("remaining").asInt()).isEqualTo(5);
    }

    private Set<String> claimAll(UUID campaignId, List<Map.Entry<String, String>> who) throws Exception {
        Set<String> issued = Collections.synchronizedSet(new HashSet<>());
        Campaigns.race(who.size(), i -> issued.add(campaigns.claimed(campaignId.toString(), who.get(i).getValue())));
        assertThat(issued).hasSize(who.size());
        return new HashSet<>(issued);
    }

    private Map.Entry<String, String> fanOf(ClaimStream.Entry entry) {
        return fans.stream().filter(f -> f.getKey().equals(entry.coupon().userId().toString())).findFirst().orElseThrow();
    }

    private Set<String> storedIds(UUID campaignId) {
        return new HashSet<>(new ArrayList<>(jdbc.sql("SELECT id::text FROM coupons WHERE campaign_id = :c")
                .param("c", campaignId).query(String.class).list()));
    }

    private double repairs(String kind) {
        var counter = meters.find("ticketrush.coupon.reconciler.repairs").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
