package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.HoldRows;
import io.ticketrush.inventory.persistence.QuotaRows;
import io.ticketrush.inventory.persistence.SeatRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of holds after they are placed: read by their owner, let go, sold to an order,
 * released when payment fails, returned when a paid order is cancelled. Every change is a
 * conditional update, so doing it twice changes nothing the second time.
 */
@Component
public class SeatHolds {

    private final HoldRows holds;
    private final SeatRows seats;
    private final QuotaRows quotas;
    private final SeatMapChanges changes;
    private final TakenSeats taken;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SeatHolds(HoldRows holds, SeatRows seats, QuotaRows quotas, SeatMapChanges changes, TakenSeats taken,
            ApplicationEventPublisher events, Clock clock) {
        this.holds = holds;
        this.seats = seats;
        this.quotas = quotas;
        this.changes = changes;
        this.taken = taken;
        this.events = events;
        this.clock = clock;
    }

    /** The person's own hold; anyone else's is reported as not existing. */
    public Hold ownedBy(UUID holdId, UUID userId) {
        return holds.find(holdId).filter(h -> h.userId().equals(userId))
                .orElseThrow(() -> DomainException.notFound("unknown-hold", "No such hold"));
    }

    public List<Hold> activeOf(UUID userId) {
        return holds.activeOf(userId);
    }

    /** The event's holds that are active and unexpired now, of every fan. */
    public List<Hold> liveOfEvent(UUID eventId) {
        return holds.liveOfEvent(eventId, clock.instant());
    }

    public Optional<Hold> find(UUID holdId) {
        return holds.find(holdId);
    }

    /** The fan lets go of a hold. A hold an order is paying for is cancelled through the order. */
    @Transactional
    public void letGo(UUID holdId, UUID userId) {
        Hold hold = holds.findForUpdate(holdId).filter(h -> h.userId().equals(userId))
                .orElseThrow(() -> DomainException.notFound("unknown-hold", "No such hold"));
        if (hold.status() != HoldStatus.ACTIVE) {
            return;
        }
        if (hold.orderId() != null) {
            throw DomainException.conflict("hold-ordered", "An order is waiting for payment on this hold: cancel the order");
        }
        release(hold);
    }

    /** Records which order pays for the hold; false if the hold is no longer active. */
    @Transactional
    public boolean attachOrder(UUID holdId, UUID orderId) {
        return holds.attachOrder(holdId, orderId);
    }

    /** Turns the hold's seats into sold seats of the order; false if the hold expired or ended meanwhile. */
    @Transactional
    public boolean sell(UUID holdId, UUID orderId) {
        Hold hold = holds.findForUpdate(holdId).orElse(null);
        if (hold == null || !holds.sell(holdId, orderId, clock.instant())) {
            return false;
        }
        int sold = seats.sell(hold.performanceId(), holdId, orderId);
        if (sold != hold.seats().size()) {
            throw new IllegalStateException("Hold %s had %d seats but %d were held".formatted(holdId, hold.seats().size(), sold));
        }
        changes.changed(hold.performanceId());
        return true;
    }

    /** Gives the seats of an active hold back (payment declined, order cancelled before payment). */
    @Transactional
    public boolean release(UUID holdId) {
        return holds.findForUpdate(holdId).filter(h -> h.status() == HoldStatus.ACTIVE).map(this::release).orElse(false);
    }

    /** Puts the sold seats of a cancelled order back on sale and frees the person's quota. */
    @Transactional
    public boolean returnSold(UUID orderId) {
        Hold hold = holds.findByOrder(orderId).orElse(null);
        if (hold == null || !holds.markReturned(hold.id(), clock.instant())) {
            return false;
        }
        seats.returnSold(hold.performanceId(), orderId);
        taken.returnedOnCommit(hold.performanceId(), hold.seatIds());
        quotas.giveBack(hold.eventId(), hold.userId(), hold.seats().size());
        changes.changed(hold.performanceId());
        events.publishEvent(new HoldReleased(hold.id(), hold.performanceId(), hold.eventId(), hold.userId(), hold.seats().size()));
        return true;
    }

    private boolean release(Hold hold) {
        if (!holds.end(hold.id(), HoldStatus.RELEASED, clock.instant())) {
            return false;
        }
        seats.release(hold.performanceId(), hold.id());
        taken.returnedOnCommit(hold.performanceId(), hold.seatIds());
        quotas.giveBack(hold.eventId(), hold.userId(), hold.seats().size());
        changes.changed(hold.performanceId());
        events.publishEvent(new HoldReleased(hold.id(), hold.performanceId(), hold.eventId(), hold.userId(), hold.seats().size()));
        return true;
    }
}
