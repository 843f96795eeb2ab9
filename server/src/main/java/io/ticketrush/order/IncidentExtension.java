package io.ticketrush.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.inventory.HoldExtension;
import io.ticketrush.order.persistence.DeadlineExtensionRows;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentIncidents.PaymentIncidentDetected;
import io.ticketrush.payment.PaymentSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fans do not lose their seats to a payment outage that is not theirs: when the payment gateway's
 * circuit breaker opens, every order waiting to pay gets {@code ticketrush.payment.incident-extension}
 * more time, and its hold the same, in one transaction. Once per order, so that is also the cap: a
 * later opening (the outage goes on, or comes back) extends only orders placed since. Idempotent.
 */
@Component
public class IncidentExtension {

    private static final Log log = LogFactory.getLog(IncidentExtension.class);

    private final DeadlineExtensionRows rows;
    private final HoldExtension holds;
    private final PaymentGateway gateway;
    private final Duration extension;
    private final Counter extended;
    private final Clock clock;

    IncidentExtension(DeadlineExtensionRows rows, HoldExtension holds, PaymentGateway gateway, PaymentSettings settings,
            MeterRegistry meters, Clock clock) {
        this.rows = rows;
        this.holds = holds;
        this.gateway = gateway;
        this.extension = settings.incidentExtension();
        this.extended = Counter.builder("ticketrush.orders.deadline.extended")
                .description("Orders whose payment deadline moved because of a payment gateway incident")
                .register(meters);
        this.clock = clock;
    }

    /** What the checkout page tells the fan about a payment incident. */
    public record Notice(boolean incident, @Nullable Instant extendedAt) {

        public boolean shown() {
            return incident || extendedAt != null;
        }
    }

    /**
     * Orders first, then their holds, each locked with SKIP LOCKED so that this never waits for (or
     * deadlocks with) a payment settling the same order; an order whose hold could not be extended
     * keeps its deadline, so deadline and expiry stay equal.
     */
    @ApplicationModuleListener
    void on(PaymentIncidentDetected incident) {
        if (extension.isZero()) {
            return;
        }
        Map<UUID, UUID> orderByHold = new LinkedHashMap<>();
        for (DeadlineExtensionRows.Waiting waiting : rows.lockWaiting(clock.instant())) {
            orderByHold.put(waiting.holdId(), waiting.orderId());
        }
        List<HoldExtension.Extended> held = holds.extend(orderByHold, extension);
        int orders = rows.extend(held.stream()
                .map(h -> new DeadlineExtensionRows.NewDeadline(h.orderId(), h.expiresAt())).toList(), clock.instant());
        if (orders != held.size()) {
            throw new IllegalStateException("Extended %d holds but %d orders".formatted(held.size(), orders));
        }
        extended.increment(orders);
        if (orders > 0) {
            log.warn("Payment gateway incident (detected %s): %d orders waiting to pay and their holds get %s more"
                    .formatted(incident.at(), orders, extension));
        }
    }

    public Notice noticeFor(Order order) {
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return new Notice(false, null);
        }
        return new Notice(gateway.inIncident(), rows.extendedAt(order.id()).orElse(null));
    }
}
