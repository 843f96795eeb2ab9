package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a hold in one short transaction, in three steps: {@link SaleEntry} (on sale, guards, sale
 * window), {@link SeatClaim} (grade, taken-seat memory, quota, the seats, all-or-nothing) and
 * {@link RecordHold} (price, row, seat map, event). A refusal is thrown as its problem, and the
 * whole attempt rolls back.
 */
@Component
public class HoldSeats {

    private final SaleEntry entry;
    private final SeatClaim claim;
    private final RecordHold record;
    private final InventoryMetrics metrics;
    private final Clock clock;

    HoldSeats(SaleEntry entry, SeatClaim claim, RecordHold record, InventoryMetrics metrics, Clock clock) {
        this.entry = entry;
        this.claim = claim;
        this.record = record;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The sale terms of a performance on sale, or 404 unknown-performance. */
    public PerformanceSale saleOf(UUID performanceId) {
        return entry.saleOf(performanceId);
    }

    /** A hold without credentials. Transactional itself: a call to the overload below would bypass its proxy. */
    @Transactional
    public Hold hold(UUID performanceId, UUID userId, HoldRequest request) {
        return hold(performanceId, userId, request, HoldCredentials.NONE);
    }

    @Transactional
    public Hold hold(UUID performanceId, UUID userId, HoldRequest request, HoldCredentials credentials) {
        long started = System.nanoTime();
        try {
            Hold hold = place(performanceId, userId, request, credentials);
            metrics.created();
            return hold;
        } catch (DomainException e) {
            metrics.rejected(e.code());
            throw e;
        } finally {
            metrics.holdTimer().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Hold place(UUID performanceId, UUID userId, HoldRequest request, HoldCredentials credentials) {
        PerformanceSale sale = entry.enter(performanceId, userId, request, credentials);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID holdId = Ids.next();
        return switch (claim.claim(sale, userId, request, holdId)) {
            case SeatClaim.Claimed claimed -> record.placed(holdId, sale, userId, claimed.seats(), now);
            case SeatClaim.Refused refused -> throw refused.problem();
        };
    }
}
