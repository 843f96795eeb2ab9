package io.ticketrush.promotion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.HoldCredentials;
import io.ticketrush.inventory.HoldGuard;
import io.ticketrush.inventory.HoldRequest;
import io.ticketrush.inventory.SaleOpening;
import io.ticketrush.promotion.persistence.PresaleRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The presale at the hold: opens holds from the presale's start ({@link SaleOpening}) and, until
 * the general sale opens, lets through only holds with a valid access code, counting one use of
 * it ({@link HoldGuard}). The use is a conditional update inside the hold's transaction: if the
 * hold fails (seats taken, limit reached), the use is not counted. Each event's window is kept for
 * {@code ticketrush.promotion.presale-cache-ttl} (a Caffeine entry measured by the injected {@link Ticker}),
 * and forgotten at once when the organizer changes it on this instance.
 */
@Component
@Order(100)
class PresaleGate implements HoldGuard, SaleOpening {

    private final PresaleRows rows;
    private final PromotionMetrics metrics;
    private final Clock clock;
    private final Cache<UUID, Optional<PresaleWindow>> windows;

    PresaleGate(PresaleRows rows, PromotionSettings settings, PromotionMetrics metrics, Clock clock, Ticker ticker) {
        this.rows = rows;
        this.metrics = metrics;
        this.clock = clock;
        this.windows = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(settings.presaleCacheTtl()).build();
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
        windows.invalidate(eventId);
    }

    private Optional<PresaleWindow> window(UUID eventId) {
        return windows.get(eventId, rows::window);
    }
}
