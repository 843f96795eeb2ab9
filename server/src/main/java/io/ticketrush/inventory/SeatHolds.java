package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.HoldRows;
import io.ticketrush.inventory.persistence.SeatRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of holds after they are placed: read by their owner, let go, sold to an order,
 * released when payment fails, returned when a paid order is cancelled. Every change is a
 * conditional update, so doing it twice changes nothing the second time. Seats go back through
 * {@link ReturnSeats}, the one step the hold sweeper uses too.
 */
@Component
public class SeatHolds {

    private final HoldRows holds;
    private final SeatRows seats;
    private final SeatMapChanges changes;
    private final ReturnSeats returns;
    private final Clock clock;

    SeatHolds(HoldRows holds, SeatRows seats, SeatMapChanges changes, ReturnSeats returns, Clock clock) {
        this.holds = holds;
        this.seats = seats;
        this.changes = changes;
        this.returns = returns;
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
        returns.of(hold, ReturnSeats.Why.RELEASE, clock.instant());
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
        return holds.findForUpdate(holdId).filter(h -> h.status() == HoldStatus.ACTIVE)
                .map(hold -> returns.of(hold, ReturnSeats.Why.RELEASE, clock.instant()) instanceof ReturnSeats.Returned)
                .orElse(false);
    }

    /** Puts the sold seats of a cancelled order back on sale and frees the person's quota. */
    @Transactional
    public boolean returnSold(UUID orderId) {
        return holds.findByOrder(orderId)
                .map(hold -> returns.of(hold, ReturnSeats.Why.RETURN_SOLD, clock.instant()) instanceof ReturnSeats.Returned)
                .orElse(false);
    }
}
