package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollingPaceTest {

    private static Place waiting(long ahead, Long etaSeconds) {
        return new Place(QueueStatus.WAITING, ahead + 1, ahead, etaSeconds, null, null, null, 100L, null, ahead + 10,
                null, null, null, null);
    }

    @Test
    void nearTheFrontAFanAsksEverySecond() {
        assertThat(waiting(0, 0L).retryAfterSeconds()).isEqualTo(1);
        assertThat(waiting(50, 5L).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void furtherBackOrInASlowLineLessOften() {
        assertThat(waiting(5_000, 10L).retryAfterSeconds()).as("by the line").isEqualTo(6);
        assertThat(waiting(500, 200L).retryAfterSeconds()).as("a tenth of the wait").isEqualTo(20);
        assertThat(waiting(500, null).retryAfterSeconds()).as("no estimate (paused)").isEqualTo(1);
        assertThat(waiting(100_000, 5_000L).retryAfterSeconds()).as("never more than 30 s").isEqualTo(30);
    }

    @Test
    void closedOrDecidedLines() {
        assertThat(Place.closed("sold-out").retryAfterSeconds()).isEqualTo(10);
        assertThat(Place.closed("sale-over").retryAfterSeconds()).isZero();
    }
}
