package io.ticketrush.order;

import io.ticketrush.inventory.HoldExpired;
import io.ticketrush.order.persistence.OrderRows;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When the hold under an unpaid order expires, the order expires with it (idempotent). */
@Component
class OrderExpiry {

    private final OrderRows rows;
    private final ApplicationEventPublisher events;
    private final OrderMetrics metrics;
    private final OrderCoupons coupons;
    private final Clock clock;

    OrderExpiry(OrderRows rows, ApplicationEventPublisher events, OrderMetrics metrics, OrderCoupons coupons,
            Clock clock) {
        this.rows = rows;
        this.events = events;
        this.metrics = metrics;
        this.coupons = coupons;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HoldExpired expired) {
        if (expired.orderId() != null && rows.markExpired(expired.orderId(), clock.instant())) {
            coupons.release(expired.orderId());
            events.publishEvent(new OrderEvents.OrderExpired(expired.orderId(), expired.userId(), expired.performanceId()));
            metrics.outcome("expired");
        }
    }
}
