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
    /** Phases in order: holds (real vs baselines), flash (the sale with the seat-map storm). */
    static final List<String> PHASES = list("phases", "holds,flash");
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
     * Fans let in per second (an open model: they do not wait for each other). Until the waiting room
     * is merged this stands in for its outflow (TODO(queue): the queue admits, the fans all arrive at
     * the opening); an unbounded stampede on the hold endpoint is what the queue exists to prevent.
     */
    static final int FLASH_ADMIT_RATE = number("flash.admit-rate", 500);
    /** Hold attempts per fan: specific seats first, best-available on the last try. */
    static final int FLASH_TRIES = number("flash.tries", 3);
    /** Seat-map reads per second during the sale (anonymous, gzip). */
    static final int STORM_RATE = number("storm.rate", 200);
    static final String CARD = text("card", "4000-0000-0000-0000");

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
