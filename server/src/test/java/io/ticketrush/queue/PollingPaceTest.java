package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPaceTest {

    private static final Duration LONGEST = Duration.ofMinutes(2);

    private static Place waiting(long ahead, Long etaSeconds) {
        return new Place.Waiting(ahead + 1, etaSeconds, 100L, ahead + 10, null, null, false);
    }

    private static Place closed(Place.ClosedReason reason) {
        return new Place.Closed(reason, null, null, null, null, false);
    }

    @Test
    void nearTheFrontAFanAsksEverySecond() {
        assertThat(waiting(0, 0L).retryAfterSeconds(LONGEST)).isEqualTo(1);
        assertThat(waiting(50, 1L).retryAfterSeconds(LONGEST)).isEqualTo(1);
        assertThat(waiting(50, 2L).retryAfterSeconds(LONGEST)).isEqualTo(1);
    }

    @Test
    void aFanAsksAgainAfterHalfOfTheEstimatedWait() {
        assertThat(waiting(500, 10L).retryAfterSeconds(LONGEST)).isEqualTo(5);
        assertThat(waiting(5_000, 11L).retryAfterSeconds(LONGEST)).as("rounded up").isEqualTo(6);
        assertThat(waiting(10_000, 400L).retryAfterSeconds(LONGEST)).as("the longest").isEqualTo(120);
        assertThat(waiting(5_000, 100L).retryAfterSeconds(LONGEST)).isEqualTo(50);
        assertThat(waiting(100_000, 5_000L).retryAfterSeconds(Duration.ofSeconds(30))).isEqualTo(30);
    }

    @Test
    void nearTheFrontOfASlowLineAFanStillAsksWithinSeconds() {
        assertThat(waiting(100, 1_000L).retryAfterSeconds(LONGEST)).as("1 s per 50 fans ahead").isEqualTo(3);
        assertThat(waiting(10, 1_000L).retryAfterSeconds(LONGEST)).isEqualTo(1);
        assertThat(waiting(500, 200L).retryAfterSeconds(LONGEST)).isEqualTo(11);
    }

    @Test
    void withoutAnEstimateByTheFansAhead() {
        assertThat(waiting(500, null).retryAfterSeconds(LONGEST)).as("paused").isEqualTo(1);
        assertThat(waiting(5_000, null).retryAfterSeconds(LONGEST)).isEqualTo(6);
    }

    @Test
    void aFanWhoseEstimateHoldsPollsAFewTimesNotOncePerSecond() {
        // a fan 20,000 places back in a line admitting 100 fans a second, polling as told
        double rate = 100;
        long ahead = 20_000;
        int polls = 0;
        while (ahead > 0) {
            long eta = (long) Math.ceil(ahead / rate);
            long wait = waiting(ahead, eta).retryAfterSeconds(LONGEST);
            ahead = Math.max(0, ahead - (long) (wait * rate));
            polls++;
        }
        assertThat(polls).as("polls until admitted").isBetween(5, 15);
    }

    @Test
    void closedOrDecidedLines() {
        assertThat(closed(Place.ClosedReason.SOLD_OUT).retryAfterSeconds(LONGEST)).isEqualTo(30);
        assertThat(closed(Place.ClosedReason.SOLD_OUT).retryAfterSeconds(Duration.ofSeconds(10))).isEqualTo(10);
        assertThat(closed(Place.ClosedReason.SALE_OVER).retryAfterSeconds(LONGEST)).isZero();
    }
}
