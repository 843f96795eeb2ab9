package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.HoldRows;
import io.ticketrush.inventory.persistence.QuotaRows;
import io.ticketrush.inventory.persistence.SeatRows;
import java.time.Clock;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the seats of expired holds back on sale. Runs on one instance at a time (ShedLock) and
 * locks the holds it works on with SKIP LOCKED, so it never fights a payment that is selling one.
 */
@Component
public class HoldSweeper {

    private final HoldRows holds;
    private final SeatRows seats;
    private final QuotaRows quotas;
    private final SeatMapChanges changes;
    private final TakenSeats taken;
    private final ApplicationEventPublisher events;
    private final InventorySettings settings;
    private final InventoryMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldSweeper(HoldRows holds, SeatRows seats, QuotaRows quotas, SeatMapChanges changes, TakenSeats taken,
            ApplicationEventPublisher events, InventorySettings settings, InventoryMetrics metrics,
            TransactionTemplate transactions, Clock clock) {
        this.holds = holds;
        this.seats = seats;
        this.quotas = quotas;
        this.changes = changes;
        this.taken = taken;
        this.events = events;
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

    private int sweepBatch() {
        List<Hold> expired = holds.lockExpired(clock.instant(), settings.sweepBatch());
        for (Hold hold : expired) {
            holds.end(hold.id(), HoldStatus.EXPIRED, clock.instant());
            seats.release(hold.performanceId(), hold.id());
            taken.returnedOnCommit(hold.performanceId(), hold.seatIds());
            quotas.giveBack(hold.eventId(), hold.userId(), hold.seats().size());
            changes.changed(hold.performanceId());
            events.publishEvent(new HoldExpired(hold.id(), hold.performanceId(), hold.eventId(), hold.userId(),
                    hold.seats().size(), hold.orderId()));
        }
        metrics.expired(expired.size());
        return expired.size();
    }
}
