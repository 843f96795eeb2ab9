package io.ticketrush.inventory;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The first step of a hold: the performance is on sale, every contributed {@link HoldGuard}
 * (waiting-room admission, presale code) lets the fan in, then the {@link SaleWindow} is open now.
 * Nothing here touches seats or quotas.
 */
@Component
class SaleEntry {

    private final Catalog catalog;
    private final List<HoldGuard> guards;
    private final SaleWindow window;
    private final Clock clock;

    SaleEntry(Catalog catalog, List<HoldGuard> guards, SaleWindow window, Clock clock) {
        this.catalog = catalog;
        this.guards = List.copyOf(guards);
        this.window = window;
        this.clock = clock;
    }

    /** The sale terms of a performance on sale, or 404 unknown-performance. */
    PerformanceSale saleOf(UUID performanceId) {
        return catalog.performance(performanceId).filter(PerformanceSale::published)
                .orElseThrow(() -> DomainException.notFound("unknown-performance", "No such performance on sale"));
    }

    /** The sale, if this fan may hold on it now; otherwise the guard's or the window's problem. */
    PerformanceSale enter(UUID performanceId, UUID userId, HoldRequest request, HoldCredentials credentials) {
        PerformanceSale sale = saleOf(performanceId);
        for (HoldGuard guard : guards) {
            guard.check(sale, userId, request, credentials);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return switch (window.at(sale, now)) {
            case SaleWindow.Open open -> sale;
            case SaleWindow.Refused refused -> throw refused.problem();
        };
    }
}
