package io.ticketrush.loadtest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a rehearsal runs, from system properties ({@code -Dname=value} on the Maven command line;
 * loadtest/run.sh sets them). Defaults are the full benchmark.
 */
final class Settings {

    private Settings() {
    }

    /** The server under test. Load only ever goes to loopback addresses. */
    static final String BASE_URL = text("base.url", "http://127.0.0.1:8080");
    /** Where staging, timeline and outcome files go. */
    static final Path RUN_DIR = Path.of(text("run.dir", "target/bench/adhoc-" + System.currentTimeMillis()));
    /**
     * Phases in order: holds (real vs baselines), coupons (the coupon rush, real vs baselines), joins
     * (the waiting-room join storm), flash (the sale through the waiting room, with the seat-map storm).
     */
    static final List<String> PHASES = list("phases", "holds,coupons,joins,flash");
    static final String ADMIN_EMAIL = text("admin.email", "admin@ticketrush.local");
    static final String ADMIN_PASSWORD = text("admin.password", "ticketrush-admin");

    /** Synthetic fans created for the run (each phase walks through them from the start). */
    static final int FANS = number("fans", 100_000);

    // hold race: real hold vs the baselines, same load shape each
    static final List<String> HOLD_PATHS = list("hold.paths", "real,pessimistic,redisson");
    static final int HOLD_SEATS = number("hold.seats", 40_000);
    static final int HOLD_CONCURRENCY = number("hold.concurrency", 64);
    /** Seconds of load per hold path in all, split over {@code hold.rounds} interleaved rounds. */
    static final int HOLD_SECONDS = number("hold.seconds", 20);
    static final int HOLD_ROUNDS = number("hold.rounds", 2);
    static final int HOLD_WARMUP_SECONDS = number("hold.warmup-seconds", 15);
    /** The "best seats" everyone clicks: the first N seats of section A. */
    static final int HOT_SEATS = number("hold.hot-seats", 400);
    /** Share of hold attempts aimed at the hot seats; the rest pick any seat. */
    static final double HOT_SHARE = Double.parseDouble(text("hold.hot-share", "0.5"));

    // flash sale
    static final int FLASH_SEATS = number("flash.seats", 10_000);
    static final int FLASH_FANS = number("flash.fans", FANS);
    /**
     * Fans let in per second: the waiting room's {@code outflowPerSecond} for the flash-sale event (or,
     * with {@code queue.enabled=false}, the rate at which fans arrive straight at the seats).
     */
    static final int FLASH_ADMIT_RATE = number("flash.admit-rate", 500);
    /** Hold attempts per fan: specific seats first, best-available on the last try. */
    static final int FLASH_TRIES = number("flash.tries", 3);
    /** Seat-map reads per second during the sale (anonymous, gzip). */
    static final int STORM_RATE = number("storm.rate", 200);
    static final String CARD = text("card", "4000-0000-0000-0000");

    // waiting room of the flash sale
    /** The flash-sale event has its waiting room on; every fan joins, waits for admission and shows the token. */
    static final boolean QUEUE_ENABLED = Boolean.parseBoolean(text("queue.enabled", "true"));
    /**
     * The event's {@code maxActiveShoppers}: how many admitted fans shop at once (default 250, about what
     * one instance on the 2-core machine serves without queueing on its connection pool; 0: as many as
     * there are fans, so that only the outflow paces admission). Fans who end without paying give their
     * turn up ({@code DELETE …/queue}, or by letting their hold go), so the cap never waits on them.
     */
    static final int QUEUE_MAX_ACTIVE = number("queue.max-active", 250);
    /** How often a fan asks again when a hold or order is answered 503 busy (waiting Retry-After each time). */
    static final int BUSY_RETRIES = number("flash.busy-retries", 10);
    /**
     * All flash-sale fans join within this many seconds of the phase start (the crowd at the opening;
     * the join storm measures the peak join rate on its own).
     */
    static final int QUEUE_ARRIVAL_SECONDS = number("queue.arrival-seconds", 60);
    /**
     * Joins (fans not yet in line) the load generator keeps in flight at most; a fan who finds none
     * free tries again 0.5-1.5 s later (counted in the report). Without it a crowd on a slow server
     * opens more sockets than the box allows (file limit, Tomcat's connection limit) and fails on
     * connect time-outs instead of measuring the server.
     */
    static final int QUEUE_MAX_INFLIGHT = number("queue.max-inflight", 3_000);
    /**
     * Status polls (fans already in line) in flight at most, a limit of their own: a fan in line
     * asking for its place does not wait for other fans' joins, as no real browser does.
     */
    static final int QUEUE_MAX_INFLIGHT_POLLS = number("queue.max-inflight-polls", 1_000);
    /**
     * How long a fan waits in line at most before giving up (real fans do too). It bounds the phase:
     * when the purchase path is slower than the outflow, admission slows down and the line drains slowly.
     */
    static final int QUEUE_MAX_WAIT_SECONDS = number("queue.max-wait-seconds", 300);
    /** How long a fan keeps polling a line closed as sold out (held seats may come back) before leaving. */
    static final int QUEUE_PATIENCE_SECONDS = number("queue.patience-seconds", 30);

    // join storm: fans joining one waiting room as fast as they can (closed model)
    /** 16 at a time keep this machine's two cores busy (2,300 joins/s warm); more only add latency. */
    static final int JOIN_CONCURRENCY = number("join.concurrency", 16);
    static final int JOIN_SECONDS = number("join.seconds", 10);

    // coupon rush: real claim vs baselines, same load shape each
    static final List<String> COUPON_PATHS = list("coupon.paths", "real,pessimistic,redisson");
    /** Coupons in each path's campaign (limit 1 per fan). */
    static final int COUPON_STOCK = number("coupon.stock", 10_000);
    static final int COUPON_CONCURRENCY = number("coupon.concurrency", 64);
    /** Seconds of load per coupon path in all, split over {@code coupon.rounds} interleaved rounds. */
    static final int COUPON_SECONDS = number("coupon.seconds", 10);
    static final int COUPON_ROUNDS = number("coupon.rounds", 2);
    /** Share of claims that are a fan's second click, sent right after the first (usually still in flight). */
    static final double COUPON_DOUBLE_CLICK = Double.parseDouble(text("coupon.double-click", "0.1"));
    /** Won off an order by a rush coupon; fans who won one use it in the flash sale. */
    static final int COUPON_DISCOUNT = number("coupon.discount", 5_000);

    static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    static List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
