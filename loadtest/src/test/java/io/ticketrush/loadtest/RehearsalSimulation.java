package io.ticketrush.loadtest;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-sale rehearsal against a running server ({@code -Dbase.url}), phase after phase
 * ({@code -Dphases=holds,coupons,joins,flash}):
 * <ul>
 *   <li>{@code holds}: a warm-up, then the same hold race against the real hold, the
 *       {@code SELECT ... FOR UPDATE} baseline and the Redisson-lock baseline ({@link HoldRace});</li>
 *   <li>{@code coupons}: the coupon rush, the same claims against the real claim and the two coupon
 *       baselines in interleaved rounds ({@link CouponRush});</li>
 *   <li>{@code joins}: the waiting-room join storm ({@link JoinStorm});</li>
 *   <li>{@code flash}: the flash sale through the waiting room with the seat-map read storm
 *       ({@link FlashSale}, {@link QueueHooks}); fans who won a coupon in the rush use it.</li>
 * </ul>
 * Staging (fans, venues, events) happens before the clock starts. At the end the per-request
 * timeline, the staging facts and what the fans were told go to {@code -Drun.dir} for the
 * audit, charts and report (loadtest/run.sh does all of it in one command).
 */
public class RehearsalSimulation extends Simulation {

    private final Timeline timeline = new Timeline();
    private final Map<String, String> stage = new LinkedHashMap<>();
    private FlashSale flashSale;
    private CouponRush couponRush;

    public RehearsalSimulation() {
        Staging staging = new Staging(Settings.BASE_URL, Settings.ADMIN_EMAIL, Settings.ADMIN_PASSWORD);
        long started = System.nanoTime();
        List<String> fans = staging.fans(Settings.FANS);
        stage.put("stage.fans", String.valueOf(fans.size()));
        stage.put("stage.fansSeconds", String.format("%.1f", (System.nanoTime() - started) / 1e9));

        List<List<PopulationBuilder>> stages = new ArrayList<>();
        for (String phase : Settings.PHASES) {
            switch (phase) {
                case "holds" -> {
                    if (Settings.HOLD_WARMUP_SECONDS > 0) {
                        Staging.Show warmup = remember(staging.show("warmup", Settings.HOLD_SEATS));
                        stages.add(List.of(HoldRace.population(timeline, "warmup", "real", warmup, fans,
                                Settings.HOLD_WARMUP_SECONDS, 1)));
                    }
                    Map<String, Staging.Show> shows = new LinkedHashMap<>();
                    for (String kind : Settings.HOLD_PATHS) {
                        shows.put(kind, remember(staging.show("holds-" + kind, Settings.HOLD_SEATS)));
                    }
                    int seconds = Math.max(1, Settings.HOLD_SECONDS / Settings.HOLD_ROUNDS);
                    for (int round = 1; round <= Settings.HOLD_ROUNDS; round++) {
                        for (String kind : Settings.HOLD_PATHS) {
                            stages.add(List.of(HoldRace.population(timeline, "holds", kind, shows.get(kind), fans,
                                    seconds, round)));
                        }
                    }
                }
                case "coupons" -> {
                    Map<String, String> campaigns = new LinkedHashMap<>();
                    for (String kind : Settings.COUPON_PATHS) {
                        campaigns.put(kind, staging.couponCampaign(kind, Settings.COUPON_STOCK, 1));
                        stage.put("coupons." + kind + ".campaignId", campaigns.get(kind));
                    }
                    couponRush = new CouponRush(timeline, campaigns, fans);
                    int seconds = Math.max(1, Settings.COUPON_SECONDS / Settings.COUPON_ROUNDS);
                    for (int round = 1; round <= Settings.COUPON_ROUNDS; round++) {
                        for (String kind : Settings.COUPON_PATHS) {
                            stages.add(List.of(couponRush.population(kind, seconds, round)));
                        }
                    }
                }
                case "joins" -> {
                    Staging.Show show = remember(staging.show("joins", 200, new Staging.Queue(1, 1)));
                    stages.add(List.of(JoinStorm.population(timeline, show, fans)));
                }
                case "flash" -> {
                    Staging.Show show = remember(staging.show("flash", Settings.FLASH_SEATS, FlashSale.queueSettings()));
                    CouponRush rush = couponRush;
                    flashSale = new FlashSale(timeline, show, token -> rush == null ? null : rush.couponOf(token));
                    stages.add(flashSale.populations(fans));
                }
                default -> throw new IllegalArgumentException("Unknown phase " + phase + " (holds, coupons, joins, flash)");
            }
        }
        writeStage();

        HttpProtocolBuilder protocol = http.baseUrl(Settings.BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("ticketrush-rehearsal")
                .disableCaching()
                .shareConnections();
        setUp(chain(stages)).protocols(protocol);
    }

    /**
     * Stage after stage: each starts when the previous stage's first population (its fans) has finished;
     * the populations of one stage (the flash sale's fans and its seat-map readers) run side by side.
     */
    private static List<PopulationBuilder> chain(List<List<PopulationBuilder>> stages) {
        List<PopulationBuilder> next = null;
        for (int i = stages.size() - 1; i >= 0; i--) {
            List<PopulationBuilder> current = new ArrayList<>(stages.get(i));
            if (next != null) {
                current.set(0, current.getFirst().andThen(next));
            }
            next = current;
        }
        if (next == null) {
            throw new IllegalArgumentException("No phases to run");
        }
        return next;
    }

    private Staging.Show remember(Staging.Show show) {
        stage.put("show." + show.name() + ".eventId", show.eventId());
        stage.put("show." + show.name() + ".performanceId", show.performanceId());
        stage.put("show." + show.name() + ".seats", String.valueOf(show.plan().seatCount()));
        return show;
    }

    private void writeStage() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("base.url", Settings.BASE_URL);
        settings.put("phases", String.join(",", Settings.PHASES));
        settings.put("fans", String.valueOf(Settings.FANS));
        settings.put("hold.paths", String.join(",", Settings.HOLD_PATHS));
        settings.put("hold.seats", String.valueOf(Settings.HOLD_SEATS));
        settings.put("hold.concurrency", String.valueOf(Settings.HOLD_CONCURRENCY));
        settings.put("hold.seconds", String.valueOf(Settings.HOLD_SECONDS));
        settings.put("hold.warmup-seconds", String.valueOf(Settings.HOLD_WARMUP_SECONDS));
        settings.put("hold.rounds", String.valueOf(Settings.HOLD_ROUNDS));
        settings.put("hold.hot-seats", String.valueOf(Settings.HOT_SEATS));
        settings.put("hold.hot-share", String.valueOf(Settings.HOT_SHARE));
        settings.put("flash.seats", String.valueOf(Settings.FLASH_SEATS));
        settings.put("flash.fans", String.valueOf(Settings.FLASH_FANS));
        settings.put("flash.admit-rate", String.valueOf(Settings.FLASH_ADMIT_RATE));
        settings.put("flash.tries", String.valueOf(Settings.FLASH_TRIES));
        settings.put("storm.rate", String.valueOf(Settings.STORM_RATE));
        settings.put("queue.enabled", String.valueOf(Settings.QUEUE_ENABLED));
        settings.put("queue.max-active", String.valueOf(FlashSale.maxActive()));
        settings.put("queue.arrival-seconds", String.valueOf(Settings.QUEUE_ARRIVAL_SECONDS));
        settings.put("queue.patience-seconds", String.valueOf(Settings.QUEUE_PATIENCE_SECONDS));
        settings.put("queue.max-wait-seconds", String.valueOf(Settings.QUEUE_MAX_WAIT_SECONDS));
        settings.put("queue.max-inflight", String.valueOf(Settings.QUEUE_MAX_INFLIGHT));
        settings.put("queue.max-inflight-polls", String.valueOf(Settings.QUEUE_MAX_INFLIGHT_POLLS));
        settings.put("join.concurrency", String.valueOf(Settings.JOIN_CONCURRENCY));
        settings.put("join.seconds", String.valueOf(Settings.JOIN_SECONDS));
        settings.put("coupon.paths", String.join(",", Settings.COUPON_PATHS));
        settings.put("coupon.stock", String.valueOf(Settings.COUPON_STOCK));
        settings.put("coupon.concurrency", String.valueOf(Settings.COUPON_CONCURRENCY));
        settings.put("coupon.seconds", String.valueOf(Settings.COUPON_SECONDS));
        settings.put("coupon.rounds", String.valueOf(Settings.COUPON_ROUNDS));
        settings.put("coupon.double-click", String.valueOf(Settings.COUPON_DOUBLE_CLICK));
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append("setting.").append(k).append('=').append(v).append('\n'));
        stage.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(Settings.RUN_DIR);
            Files.writeString(Settings.RUN_DIR.resolve("stage.properties"), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        timeline.write(Settings.RUN_DIR);
        if (flashSale != null) {
            flashSale.writeOutcome(Settings.RUN_DIR);
        }
        if (couponRush != null) {
            couponRush.writeOutcome(Settings.RUN_DIR);
        }
    }
}
