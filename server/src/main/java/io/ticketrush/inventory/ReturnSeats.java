package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.HoldRows;
import io.ticketrush.inventory.persistence.QuotaRows;
import io.ticketrush.inventory.persistence.SeatRows;
import java.time.Instant;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a hold's seats back, the one way every path does it: the fan let go or payment failed
 * ({@link Why#RELEASE}), the hold ran out of time ({@link Why#EXPIRE}), a paid order was cancelled
 * ({@link Why#RETURN_SOLD}). First the hold's state moves by one conditional update; only if it
 * moved do the seats go back on sale, this instance forget them as taken (at commit), the fan get
 * the quota back, every seat map learn of it (at commit) and the event go out. Doing it twice
 * changes nothing the second time. Runs in the caller's transaction.
 */
@Component
class ReturnSeats {

    /** Why seats go back: the hold state it starts from, and the one it ends in. */
    enum Why {
        RELEASE(HoldStatus.ACTIVE, HoldStatus.RELEASED),
        EXPIRE(HoldStatus.ACTIVE, HoldStatus.EXPIRED),
        RETURN_SOLD(HoldStatus.SOLD, HoldStatus.RETURNED);

        final HoldStatus from;
        final HoldStatus to;

        Why(HoldStatus from, HoldStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    /** What came of it. */
    sealed interface Outcome permits Returned, Unchanged {
    }

    /** The hold is now {@code to} and its seats are on sale again. */
    record Returned(Hold hold, HoldStatus to) implements Outcome {
    }

    /** The hold was no longer {@code why.from} (someone else moved it first): nothing changed. */
    record Unchanged(Hold hold, Why why) implements Outcome {
    }

    private final HoldRows holds;
    private final SeatRows seats;
    private final QuotaRows quotas;
    private final SeatMapChanges changes;
    private final TakenSeats taken;
    private final ApplicationEventPublisher events;

    ReturnSeats(HoldRows holds, SeatRows seats, QuotaRows quotas, SeatMapChanges changes, TakenSeats taken,
            ApplicationEventPublisher events) {
        this.holds = holds;
        this.seats = seats;
        this.quotas = quotas;
        this.changes = changes;
        this.taken = taken;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Outcome of(Hold hold, Why why, Instant now) {
        boolean moved = switch (why) {
            case RELEASE, EXPIRE -> holds.end(hold.id(), why.to, now);
            case RETURN_SOLD -> holds.markReturned(hold.id(), now);
        };
        if (!moved) {
            return new Unchanged(hold, why);
        }
        switch (why) {
            case RELEASE, EXPIRE -> seats.release(hold.performanceId(), hold.id());
            case RETURN_SOLD -> seats.returnSold(hold.performanceId(), Objects.requireNonNull(hold.orderId()));
        }
        taken.returnedOnCommit(hold.performanceId(), hold.seatIds());
        quotas.giveBack(hold.eventId(), hold.userId(), hold.seats().size());
        changes.changed(hold.performanceId());
        events.publishEvent(switch (why) {
            case RELEASE, RETURN_SOLD -> new HoldReleased(hold.id(), hold.performanceId(), hold.eventId(), hold.userId(),
                    hold.seats().size());
            case EXPIRE -> new HoldExpired(hold.id(), hold.performanceId(), hold.eventId(), hold.userId(),
                    hold.seats().size(), hold.orderId());
        });
        return new Returned(hold, why.to);
    }
}
