package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineRows;
import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What both baselines do around their lock, identical to the real hold so that only the
 * locking differs: sale window, per-person limit, all-or-nothing check, pricing, the hold row
 * and the seat-map version bump after commit. Must run inside the caller's transaction.
 */
@Component
@Profile("benchmark")
class BaselineRules {

    private final Catalog catalog;
    private final BaselineRows rows;
    private final BenchmarkSettings settings;
    private final Clock clock;

    BaselineRules(Catalog catalog, BaselineRows rows, BenchmarkSettings settings, Clock clock) {
        this.catalog = catalog;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    PerformanceSale openSale(UUID performanceId) {
        PerformanceSale sale = catalog.performance(performanceId).filter(PerformanceSale::published)
                .orElseThrow(() -> DomainException.notFound("unknown-performance", "No such performance on sale"));
        Instant now = clock.instant();
        if (now.isBefore(sale.salesOpenAt())) {
            throw DomainException.conflict("sale-not-open", "The sale opens at " + sale.salesOpenAt());
        }
        if (!now.isBefore(sale.salesEndAt())) {
            throw DomainException.conflict("sale-closed", "The sale for this performance is over");
        }
        return sale;
    }

    void takeQuota(PerformanceSale sale, UUID userId, int count) {
        int limit = sale.maxTicketsPerPerson();
        if (!rows.takeQuota(sale.eventId(), userId, count, limit)) {
            throw new DomainException(422, "limit-exceeded",
                    "At most %d tickets per person for this event".formatted(limit)).with("limit", limit);
        }
    }

    /** All requested seats exist and are AVAILABLE in {@code found} (read under the caller's lock), or a 404/409. */
    void requireAvailable(List<String> requested, List<BaselineRows.SeatRow> found) {
        if (found.size() != requested.size()) {
            LinkedHashSet<String> unknown = new LinkedHashSet<>(requested);
            found.forEach(s -> unknown.remove(s.seatId()));
            throw DomainException.notFound("unknown-seat", "No such seat for sale in this performance: " + unknown)
                    .with("seatIds", List.copyOf(unknown));
        }
        List<String> taken = found.stream().filter(s -> !"AVAILABLE".equals(s.status()))
                .map(BaselineRows.SeatRow::seatId).toList();
        if (!taken.isEmpty()) {
            throw DomainException.conflict("seat-unavailable", "These seats are held or sold: " + taken)
                    .with("seatIds", taken);
        }
    }

    /** Writes the hold for seats the caller has checked and locked. */
    BaselineHold place(PerformanceSale sale, UUID userId, List<BaselineRows.SeatRow> seats) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID holdId = Ids.next();
        Map<String, Long> prices = sale.grades().stream().collect(Collectors.toMap(Grade::code, Grade::price));
        List<BaselineHold.Seat> held = seats.stream()
                .map(s -> new BaselineHold.Seat(s.seatId(), s.gradeCode(), prices.get(s.gradeCode())))
                .sorted(Comparator.comparing(BaselineHold.Seat::seatId))
                .toList();
        BaselineHold hold = new BaselineHold(holdId, sale.performanceId(), sale.eventId(), userId, held,
                held.stream().mapToLong(BaselineHold.Seat::price).sum(), now.plus(settings.holdTtl()));
        int marked = rows.markHeld(sale.performanceId(), hold.seatIds(), holdId);
        if (marked != held.size()) {
            throw new IllegalStateException("Expected to mark %d seats, marked %d".formatted(held.size(), marked));
        }
        rows.insertHold(hold, now);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rows.seatMapChanged(sale.performanceId());
            }
        });
        return hold;
    }
}
