package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.HoldRows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the seats of expired holds back on sale. Runs on one instance at a time (ShedLock) and
 * locks the holds it works on with SKIP LOCKED, so it never fights a payment that is selling one.
 * Each hold goes back through {@link ReturnSeats}, as a released one does.
 */
@Component
public class HoldSweeper {

    private final HoldRows holds;
    private final ReturnSeats returns;
    private final InventorySettings settings;
    private final InventoryMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldSweeper(HoldRows holds, ReturnSeats returns, InventorySettings settings, InventoryMetrics metrics,
            TransactionTemplate transactions, Clock clock) {
        this.holds = holds;
        this.returns = returns;
        this.settings = settings;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ticketrush.inventory.sweep-interval:PT1S}")
    @SchedulerLock(name = "inventory-hold-sweeper", lockAtMostFor = "PT10S")
    public void sweepScheduled() {
        sweep();
    }

    /** Releases every hold expired by now; returns how many. */
    public int sweep() {
        int total = 0;
        int released;
        do {
            released = transactions.execute(status -> sweepBatch());
            total += released;
        } while (released == settings.sweepBatch());
        return total;
    }

    /** Returns how many holds it locked (all of them expire: each is locked and ACTIVE). */
    private int sweepBatch() {
        Instant now = clock.instant();
        List<Hold> expired = holds.lockExpired(now, settings.sweepBatch());
        for (Hold hold : expired) {
            returns.of(hold, ReturnSeats.Why.EXPIRE, now);
        }
        metrics.expired(expired.size());
        return expired.size();
    }
}
