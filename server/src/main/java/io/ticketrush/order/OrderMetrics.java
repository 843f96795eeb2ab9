package io.ticketrush.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ticketrush.order.persistence.OrderRows;
import org.springframework.stereotype.Component;

/** Orders by outcome (paid, failed, refunded, expired, cancelled, manual_review), the payment-confirm timer, orders in manual review. */
@Component
class OrderMetrics {

    private final MeterRegistry registry;
    private final Timer confirm;

    OrderMetrics(MeterRegistry registry, OrderRows rows) {
        this.registry = registry;
        Gauge.builder("ticketrush.orders.manual.review", rows, OrderRows::countInManualReview)
                .description("Orders whose payment the reconciler could not settle: an operator must (see /console/orders/review)")
                .register(registry);
        this.confirm = Timer.builder("ticketrush.payment.confirm").description("Payment confirmation, gateway included")
                .register(registry);
    }

    void outcome(String outcome) {
        Counter.builder("ticketrush.orders").tag("outcome", outcome).register(registry).increment();
    }

    Timer confirmTimer() {
        return confirm;
    }
}
