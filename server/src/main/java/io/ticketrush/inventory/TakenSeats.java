package io.ticketrush.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 */
@Component
class TakenSeats {

    private final long memoryNanos;
    private final Map<UUID, Map<String, Long>> taken = new ConcurrentHashMap<>();

    TakenSeats(InventorySettings settings) {
        this.memoryNanos = settings.takenSeatMemory().toNanos();
    }

    /** Those of {@code seatIds} seen taken within the memory's length. */
    List<String> knownTaken(UUID performanceId, List<String> seatIds) {
        Map<String, Long> seats = taken.get(performanceId);
        if (seats == null || memoryNanos <= 0) {
            return List.of();
        }
        long now = System.nanoTime();
        List<String> known = null;
        for (String seatId : seatIds) {
            Long until = seats.get(seatId);
            if (until != null) {
                if (until - now > 0) {
                    if (known == null) {
                        known = new ArrayList<>(seatIds.size());
                    }
                    known.add(seatId);
                } else {
                    seats.remove(seatId, until);
                }
            }
        }
        return known == null ? List.of() : known;
    }

    /** Seats a claim found held, sold or being claimed. */
    void seen(UUID performanceId, Collection<String> seatIds) {
        if (memoryNanos <= 0 || seatIds.isEmpty()) {
            return;
        }
        long until = System.nanoTime() + memoryNanos;
        Map<String, Long> seats = taken.computeIfAbsent(performanceId, id -> new ConcurrentHashMap<>());
        for (String seatId : seatIds) {
            seats.put(seatId, until);
        }
    }

    /** Seats this transaction holds: remembered once it commits. */
    void heldOnCommit(UUID performanceId, Collection<String> seatIds) {
        afterCommit(() -> seen(performanceId, seatIds));
    }

    /** Seats this transaction puts back on sale: forgotten once it commits. */
    void returnedOnCommit(UUID performanceId, Collection<String> seatIds) {
        afterCommit(() -> {
            Map<String, Long> seats = taken.get(performanceId);
            if (seats != null) {
                seatIds.forEach(seats::remove);
            }
        });
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
