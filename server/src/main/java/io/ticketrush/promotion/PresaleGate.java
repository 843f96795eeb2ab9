package io.ticketrush.promotion;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.HoldCredentials;
import io.ticketrush.inventory.HoldGuard;
import io.ticketrush.inventory.HoldRequest;
import io.ticketrush.inventory.SaleOpening;
import io.ticketrush.promotion.persistence.PresaleRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The presale at the hold: opens holds from the presale's start ({@link SaleOpening}) and, until
 * the general sale opens, lets through only holds with a valid access code, counting one use of
 * it ({@link HoldGuard}). The use is a conditional update inside the hold's transaction: if the
 * hold fails (seats taken, limit reached), the use is not counted.
 */
@Component
@Order(100)
class PresaleGate implements HoldGuard, SaleOpening {

    private record Cached(Optional<PresaleWindow> window, long loadedAt) {
    }

    private final PresaleRows rows;
    private final PromotionSettings settings;
    private final PromotionMetrics metrics;
    private final Clock clock;
    private final Map<UUID, Cached> windows = new ConcurrentHashMap<>();

    PresaleGate(PresaleRows rows, PromotionSettings settings, PromotionMetrics metrics, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> opensEarly(PerformanceSale sale) {
        return window(sale.eventId()).map(PresaleWindow::opensAt).filter(at -> at.isBefore(sale.salesOpenAt()));
    }

    @Override
    public void check(PerformanceSale sale, UUID userId, HoldRequest request, HoldCredentials credentials) {
        Optional<PresaleWindow> window = window(sale.eventId());
        Instant now = clock.instant();
        if (window.isEmpty() || !window.get().appliesAt(now, sale.salesOpenAt())) {
            return;
        }
        String code = credentials.accessCode() == null ? "" : AccessCodes.normalise(credentials.accessCode());
        if (code.isEmpty()) {
            metrics.presaleHold("presale-code-required");
            throw new DomainException(403, "presale-code-required",
                    "Until the general sale opens, holds need a presale access code")
                    .with("salesOpenAt", sale.salesOpenAt().toString());
        }
        if (rows.use(sale.eventId(), code, now)) {
            metrics.presaleHold("admitted");
            return;
        }
        if (rows.exists(sale.eventId(), code)) {
            metrics.presaleHold("presale-code-used-up");
            throw DomainException.conflict("presale-code-used-up", "This access code has no uses left");
        }
        metrics.presaleHold("presale-code-invalid");
        throw new DomainException(403, "presale-code-invalid", "This access code is not valid for this event");
    }

    /** The organizer changed the window: this instance reads it again at once (others within the cache time). */
    void forget(UUID eventId) {
        windows.remove(eventId);
    }

    private Optional<PresaleWindow> window(UUID eventId) {
        long now = System.nanoTime();
        Cached cached = windows.get(eventId);
        if (cached == null || now - cached.loadedAt() > settings.presaleCacheTtl().toNanos()) {
            cached = new Cached(rows.window(eventId), now);
            windows.put(eventId, cached);
        }
        return cached.window();
    }
}
