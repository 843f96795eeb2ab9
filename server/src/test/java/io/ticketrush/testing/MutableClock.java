package io.ticketrush.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * System time plus an offset that tests move forward to expire holds without waiting. Its {@link #ticker()}
 * moves forward with it, so the in-process caches age by as much as the clock was advanced.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicLong advancedNanos = new AtomicLong();
    private final Ticker ticker = () -> System.nanoTime() + advancedNanos.get();

    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
        if (by.isPositive()) {
            advancedNanos.addAndGet(by.toNanos());
        }
    }

    /**
     * Back to system time. The ticker does not go back: it measures elapsed time, and an entry cached while
     * the clock was ahead must not look younger than it is (it would outlive its freshness window).
     */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** Elapsed time for the caches: the system's monotonic nanoseconds plus every forward advance of this clock. */
    public Ticker ticker() {
        return ticker;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
