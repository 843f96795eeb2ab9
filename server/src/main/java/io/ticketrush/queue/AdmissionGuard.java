package io.ticketrush.queue;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.HoldCredentials;
import io.ticketrush.inventory.HoldGuard;
import io.ticketrush.inventory.HoldRequest;
import io.ticketrush.order.OrderGuard;
import io.ticketrush.queue.persistence.Lines;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds and orders of an event with a waiting room need the fan's admission token. The token is
 * checked from its signature alone; a hold additionally asks Redis (one O(1) script, no
 * database) whether the admission is still the fan's live one, so an admission that ended (paid,
 * released, no-show) cannot start a new round of shopping past the cap on active shoppers.
 */
@Component
@Order(10)
class AdmissionGuard implements HoldGuard, OrderGuard {

    private final QueuedSales sales;
    private final AdmissionTokens tokens;
    private final Lines lines;
    private final WaitingRoomSettings settings;
    private final Clock clock;

    AdmissionGuard(QueuedSales sales, AdmissionTokens tokens, Lines lines, WaitingRoomSettings settings, Clock clock) {
        this.sales = sales;
        this.tokens = tokens;
        this.lines = lines;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void check(PerformanceSale sale, UUID userId, HoldRequest request, HoldCredentials credentials) {
        if (!sale.queue().enabled()) {
            return;
        }
        Instant now = clock.instant();
        AdmissionToken token = tokens.verify(credentials.admissionToken(), sale.eventId(), userId, now);
        if (!now.isBefore(token.holdBy())) {
            throw AdmissionTokens.refused("window-over", "The time to choose seats after admission is over: join the waiting room again");
        }
        Instant keepUntil = now.plus(settings.holdAttemptGrace());
        String answer = lines.use(sale.eventId(), userId, token.admittedAt().toEpochMilli(), now.toEpochMilli(),
                keepUntil.toEpochMilli());
        if (!"ok".equals(answer)) {
            throw AdmissionTokens.refused(answer, "This admission is no longer active: join the waiting room again");
        }
    }

    @Override
    public void check(UUID eventId, UUID userId, @Nullable String admissionToken) {
        if (sales.queueEnabled(eventId)) {
            tokens.verify(admissionToken, eventId, userId, clock.instant());
        }
    }
}
