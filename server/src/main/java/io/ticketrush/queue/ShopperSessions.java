package io.ticketrush.queue;

import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.HoldExpired;
import io.ticketrush.inventory.HoldReleased;
import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.inventory.SeatsHeld;
import io.ticketrush.order.OrderEvents;
import io.ticketrush.queue.persistence.Lines;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the count of active shoppers true. Holding seats marks the admission as used; paying,
 * or the last hold being released or expiring, ends it and frees the slot for the next fan.
 * Each reaction runs right after the transaction that caused it commits, in Redis, and is
 * idempotent (a second delivery finds the admission already in the target state). If one is
 * ever lost (the instance dies between commit and Redis), the admission still ends at its hard
 * deadline; see docs/adr/0005-waiting-room.md.
 */
@Component
class ShopperSessions {

    private final QueuedSales sales;
    private final Lines lines;
    private final SeatHolds holds;
    private final AdmissionPolicy policy;
    private final QueueMetrics metrics;

    ShopperSessions(QueuedSales sales, Lines lines, SeatHolds holds, AdmissionPolicy policy, QueueMetrics metrics) {
        this.sales = sales;
        this.lines = lines;
        this.holds = holds;
        this.policy = policy;
        this.metrics = metrics;
    }

    @EventListener
    void on(SeatsHeld held) {
        if (sales.queueEnabled(held.eventId())) {
            afterCommit(() -> lines.shopping(held.eventId(), held.userId(), policy.lifetime()));
        }
    }

    @EventListener
    void on(HoldReleased released) {
        finishedHold(released.eventId(), released.userId());
    }

    @EventListener
    void on(HoldExpired expired) {
        finishedHold(expired.eventId(), expired.userId());
    }

    @EventListener
    void on(OrderEvents.OrderPaid paid) {
        finishedHold(paid.eventId(), paid.userId());
    }

    private void finishedHold(UUID eventId, UUID userId) {
        if (!sales.queueEnabled(eventId)) {
            return;
        }
        afterCommit(() -> {
            boolean stillHolding = holds.activeOf(userId).stream().map(Hold::eventId).anyMatch(eventId::equals);
            if (!stillHolding && lines.leave(eventId, userId)) {
                metrics.left();
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
