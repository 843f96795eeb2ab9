package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TakenSeatsTest {

    private static InventorySettings settings(Duration memory) {
        return new InventorySettings(Duration.ofMinutes(5), Duration.ofSeconds(1), 500, Duration.ofMillis(200), memory);
    }

    private final UUID performance = UUID.randomUUID();

    @Test
    void remembersSeatsSeenTakenForItsLengthOnly() {
        TakenSeats taken = new TakenSeats(settings(Duration.ofMillis(300)));
        taken.seen(performance, List.of("A-1-1", "A-1-2"));

        assertThat(taken.knownTaken(performance, List.of("A-1-2", "A-1-3"))).containsExactly("A-1-2");
        assertThat(taken.knownTaken(UUID.randomUUID(), List.of("A-1-2"))).as("per performance").isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.knownTaken(performance, List.of("A-1-1", "A-1-2")).isEmpty());
    }

    @Test
    void forgetsSeatsPutBackOnSale() {
        TakenSeats taken = new TakenSeats(settings(Duration.ofMinutes(1)));
        taken.heldOnCommit(performance, List.of("B-1-1", "B-1-2"));   // no transaction here: at once
        assertThat(taken.knownTaken(performance, List.of("B-1-1", "B-1-2"))).containsExactly("B-1-1", "B-1-2");

        taken.returnedOnCommit(performance, List.of("B-1-1"));
        assertThat(taken.knownTaken(performance, List.of("B-1-1", "B-1-2"))).containsExactly("B-1-2");
    }

    @Test
    void zeroTurnsTheMemoryOff() {
        TakenSeats taken = new TakenSeats(settings(Duration.ZERO));
        taken.seen(performance, List.of("A-1-1"));
        assertThat(taken.knownTaken(performance, List.of("A-1-1"))).isEmpty();
    }
}
