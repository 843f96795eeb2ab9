package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark behind the figures in docs/promotions.md, not part of the test suite: a bounded
 * local rush over loopback HTTP, measuring claims per second and the stream writer's lag. Run with
 * {@code ./mvnw -B -q test -Dtest=ClaimRushMeasurement -Dticketrush.measure=true} (optionally
 * {@code -Dmeasure.claims=20000 -Dmeasure.fans=10000 -Dmeasure.coupons=5000 -Dmeasure.connections=64});
 * results go to standard output and {@code target/promotion-measurement.txt}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "ticketrush.measure", matches = "true")
class ClaimRushMeasurement {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClaimWriter writer;
    @Autowired
    ClaimCoupon claimCoupon;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void measure() throws Exception {
        int claims = Integer.getInteger("measure.claims", 20_000);
        int fanCount = Integer.getInteger("measure.fans", 10_000);
        int coupons = Integer.getInteger("measure.coupons", 5_000);
        int connections = Integer.getInteger("measure.connections", 64);
        Api api = new Api(port);
        People people = new People(api, jdbc);
        String organizer = people.organizer().token();
        String admin = people.withRoles("ADMIN").token();
        List<Map.Entry<String, String>> fans = new ArrayList<>();
        while (fans.size() < fanCount) {
            fans.addAll(Campaigns.rehearsalFans(api, admin, Math.min(10_000, fanCount - fans.size())));
        }
        StringBuilder report = new StringBuilder();
        report.append("machine: %d cores (%s), load average before: %s%n".formatted(Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), Files.readString(Path.of("/proc/loadavg")).trim()));

        // warm-up: JIT, connection pool, scripts loaded
        String warm = new Campaigns(api).active(organizer, 1_000_000, 1);
        Campaigns.race(2_000, connections, i -> api.post("/api/v1/coupon-campaigns/" + warm + "/claims",
                fans.get(i % fans.size()).getValue(), Map.of()));
        awaitDrained(Duration.ofSeconds(60));

        String campaignId = new Campaigns(api).active(organizer, coupons, 1);
        AtomicInteger issued = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(claims));
        Sampler sampler = new Sampler();
        Thread sampling = Thread.ofPlatform().daemon().start(sampler);
        io.micrometer.core.instrument.Timer serverTimer = meters.get("ticketrush.coupon.claim").timer();
        long serverCount = serverTimer.count();
        double serverNanos = serverTimer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
        long started = System.nanoTime();
        Campaigns.race(claims, connections, i -> {
            long t = System.nanoTime();
            Api.Response r = api.post("/api/v1/coupon-campaigns/" + campaignId + "/claims",
                    fans.get(i % fans.size()).getValue(), Map.of());
            latencies.add(System.nanoTime() - t);
            if (r.status() == 201) {
                issued.incrementAndGet();
            }
        });
        long raceNanos = System.nanoTime() - started;
        double serverMeanMillis = (serverTimer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - serverNanos)
                / Math.max(1, serverTimer.count() - serverCount) / 1e6;
        long drainedAfter = awaitDrained(Duration.ofSeconds(120));
        sampler.stop = true;
        sampling.join();
        assertThat(issued.get()).isEqualTo(Math.min(coupons, Math.min(claims, fanCount)));
        int stored = jdbc.sql("SELECT count(*) FROM coupons WHERE campaign_id = :c::uuid").param("c", campaignId)
                .query(Integer.class).single();
        assertThat(stored).isEqualTo(issued.get());

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        report.append("HTTP: %d claims (%d fans, %d coupons, per-person limit 1) over %d connections in %d ms = %.0f claims/s; %d issued%n"
                .formatted(claims, fanCount, coupons, connections, raceNanos / 1_000_000, claims / (raceNanos / 1e9), issued.get()));
        report.append("  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n".formatted(pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.getLast() / 1e6));
        report.append("  time inside the server's claim (Redis script included): mean %.2f ms%n".formatted(serverMeanMillis));
        report.append("  writer backlog during the rush: max %d entries, oldest unwritten claim max %d ms; drained %d ms after the last claim%n"
                .formatted(sampler.maxEntries.get(), sampler.maxLagMillis.get(), drainedAfter));

        // the gate alone: the same claim, in-process, without HTTP and tokens
        UUID direct = UUID.fromString(new Campaigns(api).active(organizer, coupons, 1));
        Sampler directSampler = new Sampler();
        Thread directSampling = Thread.ofPlatform().daemon().start(directSampler);
        long directStart = System.nanoTime();
        Campaigns.race(claims, connections, i -> {
            try {
                claimCoupon.claim(direct, UUID.fromString(fans.get(i % fans.size()).getKey()));
            } catch (io.ticketrush.shared.DomainException refused) {
                // sold-out / already-claimed: counted in the rate like over HTTP
            }
        });
        long directNanos = System.nanoTime() - directStart;
        long directDrained = awaitDrained(Duration.ofSeconds(120));
        directSampler.stop = true;
        directSampling.join();
        report.append("in-process (no HTTP): %d claims over %d threads in %d ms = %.0f claims/s; writer backlog max %d entries, lag max %d ms, drained %d ms after%n"
                .formatted(claims, connections, directNanos / 1_000_000, claims / (directNanos / 1e9),
                        directSampler.maxEntries.get(), directSampler.maxLagMillis.get(), directDrained));
        report.append("load average after: %s%n".formatted(Files.readString(Path.of("/proc/loadavg")).trim()));
        System.out.println(report);
        Files.writeString(Path.of("target/promotion-measurement.txt"), report.toString());
    }

    private long awaitDrained(Duration atMost) {
        long start = System.nanoTime();
        org.awaitility.Awaitility.await("the writer drains").atMost(atMost).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> writer.backlog().entries() == 0);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private final class Sampler implements Runnable {
        volatile boolean stop;
        final AtomicLong maxEntries = new AtomicLong();
        final AtomicLong maxLagMillis = new AtomicLong();

        @Override
        public void run() {
            while (!stop) {
                ClaimStream.Backlog b = writer.backlog();
                maxEntries.accumulateAndGet(b.entries(), Math::max);
                maxLagMillis.accumulateAndGet(b.oldest().toMillis(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
