package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory ages by the injected ticker: no waiting, the test moves time itself. */
class TakenSeatsTest {

    private static InventorySettings settings(Duration memory) {
        return new InventorySettings(Duration.ofMinutes(5), Duration.ofSeconds(1), 500, Duration.ofMillis(200), memory);
    }

    private final UUID performance = UUID.randomUUID();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void remembersSeatsSeenTakenForItsLengthOnly() {
        TakenSeats taken = new TakenSeats(settings(Duration.ofMillis(300)), ticker);
        taken.seen(performance, List.of("A-1-1", "A-1-2"));

        assertThat(taken.knownTaken(performance, List.of("A-1-2", "A-1-3"))).containsExactly("A-1-2");
        assertThat(taken.knownTaken(UUID.randomUUID(), List.of("A-1-2"))).as("per performance").isEmpty();
        advance(Duration.ofMillis(299));
        assertThat(taken.knownTaken(performance, List.of("A-1-1", "A-1-2"))).containsExactly("A-1-1", "A-1-2");
        advance(Duration.ofMillis(1));
        assertThat(taken.knownTaken(performance, List.of("A-1-1", "A-1-2"))).isEmpty();
    }

    @Test
    void aSeatSeenTakenAgainIsRememberedFromThen() {
        TakenSeats taken = new TakenSeats(settings(Duration.ofSeconds(1)), ticker);
        taken.seen(performance, List.of("A-1-1", "A-1-2"));
        advance(Duration.ofMillis(600));
        taken.seen(performance, List.of("A-1-2"));
        advance(Duration.ofMillis(600));

        assertThat(taken.knownTaken(performance, List.of("A-1-1", "A-1-2"))).containsExactly("A-1-2");
        advance(Duration.ofMillis(400));
        assertThat(taken.knownTaken(performance, List.of("A-1-1", "A-1-2"))).isEmpty();
    }

    @Test
    void forgetsSeatsPutBackOnSale() {
        TakenSeats taken = new TakenSeats(settings(Duration.ofMinutes(1)), ticker);
        taken.heldOnCommit(performance, List.of("B-1-1", "B-1-2"));   // no transaction here: at once
        assertThat(taken.knownTaken(performance, List.of("B-1-1", "B-1-2"))).containsExactly("B-1-1", "B-1-2");

        taken.returnedOnCommit(performance, List.of("B-1-1"));
        assertThat(taken.knownTaken(performance, List.of("B-1-1", "B-1-2"))).containsExactly("B-1-2");
    }

    @Test
    void zeroTurnsTheMemoryOff() {
        TakenSeats taken = new TakenSeats(settings(Duration.ZERO), ticker);
        taken.seen(performance, List.of("A-1-1"));
        assertThat(taken.knownTaken(performance, List.of("A-1-1"))).isEmpty();
    }
}
