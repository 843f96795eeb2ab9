package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;

/**
 * The waiting-room join storm: {@code join.concurrency} fans at a time (closed model) join one event's
 * waiting room as fast as the server answers, for {@code join.seconds}; each joins once and leaves,
 * the next fan takes its place. This is the first thing a crowd does at an on-sale, and the target is
 * {@code >= 15,000 joins/s, p99 < 25 ms}. The event's line admits one fan per second, so the line only
 * grows. When the run has fewer fans than joins, fans come round again: a second join keeps the same
 * place (an idempotent join, as from a second tab).
 */
final class JoinStorm {

    static final String PHASE = "joins";

    private JoinStorm() {
    }

    static PopulationBuilder population(Timeline timeline, Staging.Show show, List<String> fans) {
        String name = PHASE + ":join";
        return scenario(name)
                .feed(Calls.fans(fans))
                .exec(Calls.timed(timeline, name, http(name).post("/api/v1/events/" + show.eventId() + "/queue")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("st"), status().is(200))))
                .injectClosed(constantConcurrentUsers(Settings.JOIN_CONCURRENCY).during(Duration.ofSeconds(Settings.JOIN_SECONDS)));
    }
}
