package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The coupon rush (first-come coupons, docs/promotions.md): {@code coupon.concurrency} fans at a time
 * (closed model) claim a coupon of a campaign of {@code coupon.stock} coupons, limit one per fan, for
 * {@code coupon.seconds} per path; {@code coupon.double-click} of the claims are a fan clicking twice
 * (the same fan again, taken by the next user, usually while the first claim is still in flight). The same load runs against the real claim (a Lua script
 * in Redis) and the two baselines in {@code io.ticketrush.benchmark} (a {@code SELECT ... FOR UPDATE}
 * on the campaign's stock row, a Redisson lock per campaign), each on its own campaign, in
 * {@code coupon.rounds} interleaved rounds; each path's fans continue where its previous round stopped.
 * <p>
 * Every coupon a fan was told it got is written to {@code coupons-told-<path>.txt} for the audit; fans who
 * won a real coupon use it in the flash sale ({@link #couponOf}).
 */
final class CouponRush {

    static final String PHASE = "coupons";

    private final Timeline timeline;
    private final Map<String, String> campaigns;
    private final Map<String, Iterator<Map<String, Object>>> feeders = new LinkedHashMap<>();
    private final Map<String, Queue<String>> told = new ConcurrentHashMap<>();
    private final Map<String, String> realCouponByToken = new ConcurrentHashMap<>();

    /** {@code campaigns}: path (real, pessimistic, redisson) to its campaign id. */
    CouponRush(Timeline timeline, Map<String, String> campaigns, List<String> fans) {
        this.timeline = timeline;
        this.campaigns = campaigns;
        campaigns.keySet().forEach(kind -> {
            feeders.put(kind, doubleClicking(fans, Settings.COUPON_DOUBLE_CLICK));
            told.put(kind, new ConcurrentLinkedQueue<>());
        });
    }

    static String path(String kind, String campaignId) {
        return switch (kind) {
            case "real" -> "/api/v1/coupon-campaigns/" + campaignId + "/claims";
            case "pessimistic", "redisson" -> "/benchmark/baseline/" + kind + "/coupon-campaigns/" + campaignId + "/claims";
            default -> throw new IllegalArgumentException("coupon path is real, pessimistic or redisson: " + kind);
        };
    }

    PopulationBuilder population(String kind, int seconds, int round) {
        String name = PHASE + ":" + kind;
        Queue<String> coupons = told.get(kind);
        return scenario(name + " round " + round)
                .feed(feeders.get(kind))
                .exec(session -> session.remove("couponId"))
                .exec(Calls.timed(timeline, name, http(name).post(path(kind, campaigns.get(kind)))
                        .header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("st"), status().in(201, 409), jsonPath("$.couponId").optional().saveAs("couponId"))))
                .exec(session -> {
                    if (session.contains("st") && session.getInt("st") == 201 && session.contains("couponId")) {
                        String couponId = session.getString("couponId");
                        coupons.add(couponId);
                        if (kind.equals("real")) {
                            realCouponByToken.put(session.getString("token"), couponId);
                        }
                    }
                    return session;
                })
                .injectClosed(constantConcurrentUsers(Settings.COUPON_CONCURRENCY).during(Duration.ofSeconds(seconds)));
    }

    /** The real coupon this fan won in the rush, or null. */
    String couponOf(String token) {
        return realCouponByToken.get(token);
    }

    void writeOutcome(Path dir) {
        try {
            Files.createDirectories(dir);
            StringBuilder properties = new StringBuilder();
            for (var e : told.entrySet()) {
                Files.write(dir.resolve("coupons-told-" + e.getKey() + ".txt"), e.getValue());
                properties.append("coupons.").append(e.getKey()).append(".campaignId=").append(campaigns.get(e.getKey())).append('\n');
                properties.append("coupons.").append(e.getKey()).append(".told=").append(e.getValue().size()).append('\n');
            }
            Files.writeString(dir.resolve("coupons-outcome.properties"), properties.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fans in order from the start; with probability {@code share} the previous fan again instead, so
     * that two users of the same fan claim close together (a double click). Thread-safe.
     */
    static Iterator<Map<String, Object>> doubleClicking(List<String> tokens, double share) {
        AtomicLong next = new AtomicLong();
        AtomicReference<String> previous = new AtomicReference<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                String last = previous.get();
                if (last != null && ThreadLocalRandom.current().nextDouble() < share) {
                    return Map.of("token", last);
                }
                String token = tokens.get((int) (next.getAndIncrement() % tokens.size()));
                previous.set(token);
                return Map.of("token", token);
            }
        };
    }
}
