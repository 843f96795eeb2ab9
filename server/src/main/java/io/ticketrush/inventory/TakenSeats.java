package io.ticketrush.inventory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This instance's short memory of seats it has seen taken. When a sale opens, most attempts go
 * for the same few hundred seats; once one is held, every further attempt on it would open a
 * transaction, take a connection and write the person's quota only to be rolled back. Instead
 * the first loser (or the winner's own commit) records the seat here for
 * {@code ticketrush.inventory.taken-seat-memory} (1 s by default) and later attempts on it are
 * answered 409 {@code seat-unavailable} from memory. The database stays the only judge of a
 * claim: this can only turn an attempt away, never let one through. Seats released on this
 * instance are forgotten at once; one released on another instance may be refused here for at
 * most the memory's length (the fan sees it free on the seat map and tries again).
 * <p>
 * A Caffeine cache of (performance, seat) that expires an entry the memory's length after it was
 * last seen taken, measured by the injected {@link Ticker}.
 */
@Component
class TakenSeats {

    private record Seat(UUID performanceId, String seatId) {
    }

    private final boolean off;
    private final Cache<Seat, Boolean> taken;

    TakenSeats(InventorySettings settings, Ticker ticker) {
        this.off = !settings.takenSeatMemory().isPositive();
        this.taken = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(off ? Duration.ZERO : settings.takenSeatMemory())
                .build();
    }

    /** Those of {@code seatIds} seen taken within the memory's length. */
    List<String> knownTaken(UUID performanceId, List<String> seatIds) {
        if (off) {
            return List.of();
        }
        List<String> known = null;
        for (String seatId : seatIds) {
            if (taken.getIfPresent(new Seat(performanceId, seatId)) != null) {
                if (known == null) {
                    known = new ArrayList<>(seatIds.size());
                }
                known.add(seatId);
            }
        }
        return known == null ? List.of() : known;
    }

    /** Seats a claim found held, sold or being claimed. */
    void seen(UUID performanceId, Collection<String> seatIds) {
        if (off) {
            return;
        }
        for (String seatId : seatIds) {
            taken.put(new Seat(performanceId, seatId), Boolean.TRUE);
        }
    }

    /** Seats this transaction holds: remembered once it commits. */
    void heldOnCommit(UUID performanceId, Collection<String> seatIds) {
        afterCommit(() -> seen(performanceId, seatIds));
    }

    /** Seats this transaction puts back on sale: forgotten once it commits. */
    void returnedOnCommit(UUID performanceId, Collection<String> seatIds) {
        afterCommit(() -> seatIds.forEach(seatId -> taken.invalidate(new Seat(performanceId, seatId))));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
