package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The waiting-room part of the flash sale (docs/waiting-room.md). Each fan, before holding:
 * <ol>
 *   <li>joins with {@code POST /api/v1/events/{eventId}/queue} (timed as {@code flash:queue-join});</li>
 *   <li>polls {@code GET /api/v1/events/{eventId}/queue} (timed as {@code flash:queue-status}),
 *       waiting the {@code Retry-After} seconds each answer asks for, until {@code status = ADMITTED},
 *       and keeps {@code admissionToken} in the session (sent as the {@code Admission-Token} header on
 *       hold, order and confirm by {@link FlashSale});</li>
 *   <li>at most {@code queue.max-inflight} joins and {@code queue.max-inflight-polls} polls are in flight at
 *       once (a fan finding none free tries 0.5-1.5 s later: the load generator's limits, not the
 *       server's, and reported as such; two limits, so that fans in line never wait for the crowd's joins);</li>
 *   <li>a call answered 503 {@code busy} (the server's front door turned it away) is asked again after its
 *       {@code Retry-After}, not counted as a failure; a fan still not in line {@code queue.max-wait-seconds}
 *       after the first click gives up;</li>
 *   <li>leaves without shopping after waiting {@code queue.max-wait-seconds}, if the line is closed as
 *       sold out for longer than {@code queue.patience-seconds}, if the sale is over, if the admission expired, or after five
 *       failed calls in a row.</li>
 * </ol>
 * Every fan's first place in line goes into the timeline as {@code flash-queue:in-line}, with the time
 * from the first click (every turn-away at the door included) as its "latency".
 * Every admission goes into the timeline as {@code flash-queue:admitted} with the fan's time in the
 * queue as its "latency" (join click to the first answer saying ADMITTED, so it includes up to one
 * polling interval, 1 s near the front): the charts then show admissions per second and time in queue
 * over the sale. Polling reads the position at request time, so it shows no staleness of its own; the
 * SSE stream's staleness (at most the push interval) is not measured here.
 */
final class QueueHooks {

    private static final int MAX_FAILURES_IN_A_ROW = 5;

    private final Timeline timeline;
    private final String phase;
    private final String eventId;
    private final AtomicLong joined = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong leftSoldOut = new AtomicLong();
    private final AtomicLong leftSaleOver = new AtomicLong();
    private final AtomicLong leftExpired = new AtomicLong();
    private final AtomicLong leftFailing = new AtomicLong();
    private final AtomicLong leftTired = new AtomicLong();
    private final AtomicLong leftNeverJoined = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicInteger joinsInFlight = new AtomicInteger();
    private final AtomicInteger pollsInFlight = new AtomicInteger();
    private final AtomicLong gateWaits = new AtomicLong();
    private final LongAccumulator firstAdmission = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator lastAdmission = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestLine = new LongAccumulator(Math::max, 0);
    private final EtaErrors etaErrors = new EtaErrors();

    QueueHooks(Timeline timeline, String phase, String eventId) {
        this.timeline = timeline;
        this.phase = phase;
        this.eventId = eventId;
    }

    /** Join, wait for admission; afterwards the session has {@code admitted} (boolean) and, if so, {@code admissionToken}. */
    ChainBuilder joinAndAwaitAdmission() {
        String joinName = phase + ":queue-join";
        String statusName = phase + ":queue-status";
        ChainBuilder join = gated(joinsInFlight, Settings.QUEUE_MAX_INFLIGHT, Calls.timed(timeline, joinName,
                placeChecks(http(joinName).post("/api/v1/events/" + eventId + "/queue"))));
        ChainBuilder look = gated(pollsInFlight, Settings.QUEUE_MAX_INFLIGHT_POLLS, Calls.timed(timeline, statusName,
                placeChecks(http(statusName).get("/api/v1/events/" + eventId + "/queue"))));
        return exec(session -> clear(session).set("queueWaiting", true).set("queueJoined", false)
                        .set("queueClickedAt", System.nanoTime())
                        .set("queueFailures", 0).set("admitted", false).set("queueClosedSince", 0L))
                .exec(join)
                .exec(this::afterCall)
                .exec(asLongAs(session -> session.getBoolean("queueWaiting")).on(
                        pause(session -> Duration.ofSeconds(session.getLong("queueRetryAfter")))
                                .exec(Session::markAsSucceeded)
                                .exec(session -> clear(session))
                                .exec(doIfOrElse(session -> session.getBoolean("queueJoined")).then(look).orElse(join))
                                .exec(this::afterCall)));
    }

    /** The call once one of {@code limit} slots counted by {@code inflight} is free (see {@link Settings#QUEUE_MAX_INFLIGHT}). */
    private ChainBuilder gated(AtomicInteger inflight, int limit, ChainBuilder call) {
        return exec(session -> session.set("gateOpen", false))
                .exec(asLongAs(session -> !session.getBoolean("gateOpen")).on(
                        exec(session -> {
                            if (inflight.incrementAndGet() <= limit) {
                                return session.set("gateOpen", true);
                            }
                            inflight.decrementAndGet();
                            gateWaits.incrementAndGet();
                            return session;
                        }).exec(doIf(session -> !session.getBoolean("gateOpen"))
                                .then(pause(Duration.ofMillis(500), Duration.ofMillis(1_500))))))
                .exec(call)
                .exec(session -> {
                    inflight.decrementAndGet();
                    return session;
                });
    }

    private static HttpRequestActionBuilder placeChecks(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}")
                .check(status().saveAs("st"), header("Retry-After").optional().saveAs("retryAfterHeader"),
                        status().is(200),
                        jsonPath("$.status").optional().saveAs("queueStatus"),
                        jsonPath("$.reason").optional().saveAs("queueReason"),
                        jsonPath("$.admissionToken").optional().saveAs("admissionToken"),
                        jsonPath("$.etaSeconds").ofLong().optional().saveAs("queueEta"),
                        jsonPath("$.queueLength").ofLong().optional().saveAs("queueLength"));
    }

    private static Session clear(Session session) {
        return session.removeAll("queueStatus", "queueReason", "admissionToken", "queueEta", "queueLength",
                "retryAfterHeader");
    }

    /** What the fan does after an answer from the waiting room. */
    private Session afterCall(Session session) {
        long now = System.nanoTime();
        boolean answered = session.contains("st") && session.getInt("st") == 200 && session.contains("queueStatus");
        if (!session.getBoolean("queueJoined") && answered) {
            joined.incrementAndGet();
            timeline.record(phase + "-queue:in-line", System.currentTimeMillis(), now - session.getLong("queueClickedAt"),
                    Timeline.Outcome.OK);
            session = session.set("queueJoined", true).set("queueJoinedAt", session.getLong("t0"))
                    .set("queueEtaAtJoin", session.contains("queueEta") ? session.getLong("queueEta") : -1L);
        } else if (session.getBoolean("queueJoined")) {
            polls.incrementAndGet();
        }
        if (session.contains("queueLength")) {
            longestLine.accumulate(session.getLong("queueLength"));
        }
        long retryAfter = 1;
        if (session.contains("retryAfterHeader")) {
            try {
                retryAfter = Math.max(1, Math.min(600, Long.parseLong(session.getString("retryAfterHeader").strip())));
            } catch (NumberFormatException ignored) {
                retryAfter = 1;
            }
        }
        session = session.set("queueRetryAfter", retryAfter);
        if (session.contains("st") && session.getInt("st") == 503) {
            // turned away at the door (503 busy): not a failure, ask again after Retry-After
            busy.incrementAndGet();
            if (!session.getBoolean("queueJoined")
                    && now - session.getLong("queueClickedAt") > Settings.QUEUE_MAX_WAIT_SECONDS * 1_000_000_000L) {
                leftNeverJoined.incrementAndGet();
                return session.set("queueWaiting", false);
            }
            return session;
        }
        if (!answered) {
            int failures = session.getInt("queueFailures") + 1;
            if (failures >= MAX_FAILURES_IN_A_ROW) {
                leftFailing.incrementAndGet();
                return session.set("queueWaiting", false);
            }
            return session.set("queueFailures", failures);
        }
        session = session.set("queueFailures", 0);
        String reason = session.contains("queueReason") ? session.getString("queueReason") : "";
        switch (session.getString("queueStatus")) {
            case "ADMITTED" -> {
                long waitNanos = now - session.getLong("queueJoinedAt");
                long nowMillis = System.currentTimeMillis();
                timeline.record(phase + "-queue:admitted", nowMillis, waitNanos, Timeline.Outcome.OK);
                admitted.incrementAndGet();
                firstAdmission.accumulate(nowMillis);
                lastAdmission.accumulate(nowMillis);
                long eta = session.getLong("queueEtaAtJoin");
                if (eta >= 0) {
                    etaErrors.add(waitNanos / 1_000_000_000.0 - eta);
                }
                return session.set("queueWaiting", false).set("admitted", true);
            }
            case "CLOSED" -> {
                if (!"sold-out".equals(reason)) {
                    leftSaleOver.incrementAndGet();
                    return session.set("queueWaiting", false);
                }
                long since = session.getLong("queueClosedSince");
                if (since == 0) {
                    return session.set("queueClosedSince", now);
                }
                if (now - since > Settings.QUEUE_PATIENCE_SECONDS * 1_000_000_000L) {
                    leftSoldOut.incrementAndGet();
                    return session.set("queueWaiting", false);
                }
                return session;
            }
            case "EXPIRED" -> {
                leftExpired.incrementAndGet();
                return session.set("queueWaiting", false);
            }
            default -> { // WAITING
                if (now - session.getLong("queueJoinedAt") > Settings.QUEUE_MAX_WAIT_SECONDS * 1_000_000_000L) {
                    leftTired.incrementAndGet();
                    return session.set("queueWaiting", false);
                }
                return session.set("queueClosedSince", 0L);
            }
        }
    }

    /** Figures for flash-outcome.properties (prefix {@code queue.}). */
    Map<String, String> outcome() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("queue.joined", String.valueOf(joined.get()));
        out.put("queue.admitted", String.valueOf(admitted.get()));
        out.put("queue.polls", String.valueOf(polls.get()));
        out.put("queue.busy", String.valueOf(busy.get()));
        out.put("queue.generatorWaits", String.valueOf(gateWaits.get()));
        out.put("queue.leftSoldOut", String.valueOf(leftSoldOut.get()));
        out.put("queue.leftSaleOver", String.valueOf(leftSaleOver.get()));
        out.put("queue.leftExpired", String.valueOf(leftExpired.get()));
        out.put("queue.leftFailing", String.valueOf(leftFailing.get()));
        out.put("queue.leftTired", String.valueOf(leftTired.get()));
        out.put("queue.leftNeverJoined", String.valueOf(leftNeverJoined.get()));
        out.put("queue.longestLine", String.valueOf(longestLine.get()));
        long first = firstAdmission.get();
        long last = lastAdmission.get();
        double span = admitted.get() == 0 ? 0 : Math.max(1, (last - first) / 1000.0);
        out.put("queue.admissionSpanSeconds", String.format(java.util.Locale.ROOT, "%.1f", span));
        out.put("queue.admissionRate", String.format(java.util.Locale.ROOT, "%.1f", span == 0 ? 0 : admitted.get() / span));
        double[] eta = etaErrors.sorted();
        out.put("queue.etaErrorP50Seconds", String.format(java.util.Locale.ROOT, "%.1f", pct(eta, 50)));
        out.put("queue.etaErrorP90Seconds", String.format(java.util.Locale.ROOT, "%.1f", pct(eta, 90)));
        return out;
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Actual wait minus the ETA the join answer gave, in seconds (positive: the line was slower than promised). */
    private static final class EtaErrors {
        private double[] values = new double[1024];
        private int size;

        synchronized void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized double[] sorted() {
            double[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
