package io.ticketrush.queue;

import io.ticketrush.inventory.Hold;
import io.ticketrush.inventory.SeatHolds;
import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Joining an event's waiting room and reading one's place in it. */
@Component
public class WaitingRoom {

    private final QueuedSales sales;
    private final Lines lines;
    private final AdmissionPolicy policy;
    private final AdmissionTokens tokens;
    private final QueueMetrics metrics;
    private final SeatHolds holds;
    private final Clock clock;

    WaitingRoom(QueuedSales sales, Lines lines, AdmissionPolicy policy, AdmissionTokens tokens, QueueMetrics metrics,
            SeatHolds holds, Clock clock) {
        this.sales = sales;
        this.lines = lines;
        this.policy = policy;
        this.tokens = tokens;
        this.metrics = metrics;
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * Takes a place at the back of the line (the pre-queue before the sale opens). Joining
     * again, from any tab or device, keeps the place held; after an admission ended, it is a new
     * place at the back. O(1) in Redis.
     */
    public Place join(UUID eventId, UUID fanId) {
        QueuedSale sale = sales.queued(eventId);
        Instant now = clock.instant();
        if (sale.overAt(now)) {
            return Place.Closed.saleOver();
        }
        Lines.Joined joined = lines.join(eventId, fanId, Ids.next().toString(), sale.openAt(now));
        if (joined.added()) {
            metrics.joined();
        }
        return standing(sale, fanId, joined.look(), now).orElseThrow(() -> new IllegalStateException("Joined but not in line"));
    }

    /**
     * An admitted fan gives their turn up (they found nothing, or changed their mind): the
     * admission ends now rather than at its deadline and the slot goes to the next fan. A fan who
     * still holds seats of the event must let them go (or pay) first: 409 {@code holding-seats}.
     * A fan who is still waiting simply stays in line (closing the page is enough: an admission
     * nobody uses expires). Idempotent.
     */
    public void leave(UUID eventId, UUID fanId) {
        QueuedSale sale = sales.queued(eventId);
        boolean holding = holds.activeOf(fanId).stream().map(Hold::eventId).anyMatch(sale.eventId()::equals);
        if (holding) {
            throw DomainException.conflict("holding-seats",
                    "You still hold seats of this event: let them go or pay for them first");
        }
        if (lines.leave(sale.eventId(), fanId)) {
            metrics.left();
        }
    }

    /** The fan's place; 404 {@code not-in-queue} if they have not joined. */
    public Place place(UUID eventId, UUID fanId) {
        return findPlace(eventId, fanId)
                .orElseThrow(() -> DomainException.notFound("not-in-queue", "You are not in this event's waiting room: join it first"));
    }

    /** The fan's place, or nothing if they have not joined; reads only. */
    public Optional<Place> findPlace(UUID eventId, UUID fanId) {
        return look(sales.queued(eventId), fanId, clock.instant());
    }

    private Optional<Place> look(QueuedSale sale, UUID fanId, Instant now) {
        return standing(sale, fanId, lines.look(sale.eventId(), fanId), now);
    }

    private Optional<Place> standing(QueuedSale sale, UUID fanId, Lines.Look look, Instant now) {
        return Standing.of(sale, look.line(), look.fan(), now, at -> policy.token(sale.eventId(), fanId, at), tokens::issue);
    }
}
