package io.ticketrush.order;

import io.ticketrush.inventory.HoldExpired;
import io.ticketrush.order.persistence.OrderRows;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When the hold under an unpaid order expires, the order expires with it (idempotent). */
@Component
class OrderExpiry {

    private final OrderRows rows;
    private final OrderTransitions transitions;
    private final OrderMetrics metrics;
    private final OrderCoupons coupons;
    private final Clock clock;

    OrderExpiry(OrderRows rows, OrderTransitions transitions, OrderMetrics metrics, OrderCoupons coupons, Clock clock) {
        this.rows = rows;
        this.transitions = transitions;
        this.metrics = metrics;
        this.coupons = coupons;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HoldExpired expired) {
        if (expired.orderId() == null) {
            return;
        }
        Order order = rows.find(expired.orderId()).orElse(null);
        if (order != null && transitions.apply(order.expire(clock.instant()))) {
            coupons.release(order.id());
            metrics.outcome("expired");
        }
    }
}
