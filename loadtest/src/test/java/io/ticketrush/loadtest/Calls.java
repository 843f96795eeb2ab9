package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Shared pieces of the scenarios: timing every call into the {@link Timeline}, and the fan feeder. */
final class Calls {

    private Calls() {
    }

    /**
     * The request, timed into the timeline under {@code name}. The request must save its status
     * as {@code st} (first check), so that time-outs and connection errors count as FAILED.
     */
    static ChainBuilder timed(Timeline timeline, String name, HttpRequestActionBuilder request) {
        return exec(session -> session.set("t0", System.nanoTime()).remove("st"))
                .exec(request)
                .exec(session -> {
                    long elapsed = System.nanoTime() - session.getLong("t0");
                    Timeline.Outcome outcome = session.contains("st")
                            ? Timeline.outcomeOf(session.getInt("st")) : Timeline.Outcome.FAILED;
                    timeline.record(name, System.currentTimeMillis(), elapsed, outcome);
                    return session;
                });
    }

    /** Fans' access tokens as {@code token}, in order from the start, wrapping around. Thread-safe. */
    static Iterator<Map<String, Object>> fans(List<String> tokens) {
        AtomicLong next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("token", tokens.get((int) (next.getAndIncrement() % tokens.size())));
            }
        };
    }

    static String seatIdsJson(List<String> seatIds) {
        StringBuilder json = new StringBuilder("{\"seatIds\":[");
        for (int i = 0; i < seatIds.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(seatIds.get(i)).append('"');
        }
        return json.append("]}").toString();
    }
}
