package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPaceTest {

    private static final Duration LONGEST = Duration.ofMinutes(2);

    private static Place waiting(long ahead, Long etaSeconds) {
        return new Place(QueueStatus.WAITING, ahead + 1, ahead, etaSeconds, null, null, null, 100L, null, ahead + 10,
                null, null, null, null);
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
        assertThat(Place.closed("sold-out").retryAfterSeconds(LONGEST)).isEqualTo(30);
        assertThat(Place.closed("sold-out").retryAfterSeconds(Duration.ofSeconds(10))).isEqualTo(10);
        assertThat(Place.closed("sale-over").retryAfterSeconds(LONGEST)).isZero();
    }
}
