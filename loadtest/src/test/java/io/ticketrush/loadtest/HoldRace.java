package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seat holds as fast as {@code hold.concurrency} fans can place them (a closed model: each fan
 * places one hold of 1-2 neighbouring seats and leaves, another takes its place), for
 * {@code hold.seconds}. Half of the attempts go for the same few hundred best seats, so there is
 * real contention; once those are gone the attempts keep coming and lose (409), as in a real sale.
 * The same load runs against the real hold and each baseline, each on its own fresh event, in
 * {@code hold.rounds} interleaved rounds (real, pessimistic, redisson, real, ...) so that warm-up and
 * whatever else the machine is doing at a given moment do not favour one path.
 */
final class HoldRace {

    private HoldRace() {
    }

    static String path(String kind, String performanceId) {
        return switch (kind) {
            case "real" -> "/api/v1/performances/" + performanceId + "/holds";
            case "pessimistic", "redisson" -> "/benchmark/baseline/" + kind + "/performances/" + performanceId + "/holds";
            default -> throw new IllegalArgumentException("hold path is real, pessimistic or redisson: " + kind);
        };
    }

    static PopulationBuilder population(Timeline timeline, String phase, String kind, Staging.Show show,
            List<String> fans, int seconds, int round) {
        String name = phase + ":" + kind;
        String url = path(kind, show.performanceId());
        SeatPlan plan = show.plan();
        return scenario(name + " round " + round)
                .feed(Calls.fans(fans))
                .exec(session -> {
                    var random = ThreadLocalRandom.current();
                    int quantity = 1 + random.nextInt(2);
                    List<String> seats = random.nextDouble() < Settings.HOT_SHARE
                            ? plan.hot(random, Settings.HOT_SEATS, quantity)
                            : plan.anywhere(random, quantity);
                    return session.set("holdBody", Calls.seatIdsJson(seats));
                })
                .exec(Calls.timed(timeline, name, http(name).post(url)
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("#{holdBody}"))
                        .check(status().saveAs("st"), status().in(201, 409, 422))))
                .injectClosed(constantConcurrentUsers(Settings.HOLD_CONCURRENCY).during(Duration.ofSeconds(seconds)));
    }
}
