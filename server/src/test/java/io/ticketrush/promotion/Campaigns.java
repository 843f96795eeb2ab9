package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Creates coupon campaigns through the organizer API, and races requests. */
final class Campaigns {

    private final Api api;

    Campaigns(Api api) {
        this.api = api;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
    }

    /** A campaign open since a minute ago for an hour. */
    static Map<String, Object> body(String type, long value, int total, int perPerson) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "선착순 쿠폰 " + System.nanoTime());
        body.put("discount", Map.of("type", type, "value", value));
        body.put("totalQuantity", total);
        body.put("perPersonLimit", perPerson);
        body.put("startsAt", now().minusMinutes(1).toString());
        body.put("endsAt", now().plusHours(1).toString());
        return body;
    }

    String create(String organizerToken, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/coupon-campaigns", organizerToken, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("campaignId").asString();
    }

    String active(String organizerToken, int total, int perPerson) {
        return create(organizerToken, body("FIXED", 5000, total, perPerson));
    }

    Api.Response claim(String campaignId, String fanToken) {
        return api.post("/api/v1/coupon-campaigns/" + campaignId + "/claims", fanToken, Map.of());
    }

    String claimed(String campaignId, String fanToken) {
        Api.Response claim = claim(campaignId, fanToken);
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        return claim.json().get("couponId").asString();
    }

    interface Attempt {
        void run(int index) throws Exception;
    }

    /** Starts {@code count} attempts on virtual threads at the same moment and waits for all. */
    static void race(int count, Attempt attempt) throws Exception {
        race(count, count, attempt);
    }

    /**
     * Starts {@code count} attempts at the same moment, at most {@code inFlight} of them on the wire
     * at once (so thousands of attempts do not overflow the server's accept queue with connects).
     */
    static void race(int count, int inFlight, Attempt attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Semaphore wire = new Semaphore(inFlight);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    wire.acquire();
                    try {
                        attempt.run(index);
                    } finally {
                        wire.release();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    /** Synthetic fans: {userId, accessToken} each. */
    static List<Map.Entry<String, String>> rehearsalFans(Api api, String adminToken, int count) {
        Api.Response created = api.post("/api/v1/rehearsal/fans", adminToken, Map.of("count", count));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<Map.Entry<String, String>> fans = new ArrayList<>();
        created.json().get("fans").forEach(f -> fans.add(Map.entry(f.get("userId").asString(), f.get("accessToken").asString())));
        return fans;
    }
}
