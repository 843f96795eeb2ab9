package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.HoldRows;
import io.ticketrush.inventory.persistence.SeatRows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The last step of a hold, after its seats are claimed: prices it ({@link Hold#placed}), writes its
 * row, tells every instance's seat map at commit, remembers its seats as taken here at commit and
 * publishes {@link SeatsHeld}. Runs in the hold's transaction.
 */
@Component
class RecordHold {

    private final HoldRows holds;
    private final SeatMapChanges changes;
    private final TakenSeats taken;
    private final ApplicationEventPublisher events;
    private final InventorySettings settings;

    RecordHold(HoldRows holds, SeatMapChanges changes, TakenSeats taken, ApplicationEventPublisher events,
            InventorySettings settings) {
        this.holds = holds;
        this.changes = changes;
        this.taken = taken;
        this.events = events;
        this.settings = settings;
    }

    Hold placed(UUID holdId, PerformanceSale sale, UUID userId, List<SeatRows.Claimed> claimed, Instant now) {
        Hold hold = Hold.placed(holdId, sale, userId, claimed, now, settings.holdTtl());
        holds.insert(hold);
        changes.changed(hold.performanceId());
        taken.heldOnCommit(hold.performanceId(), hold.seatIds());
        events.publishEvent(new SeatsHeld(holdId, hold.performanceId(), hold.eventId(), userId, hold.seatIds()));
        return hold;
    }
}
