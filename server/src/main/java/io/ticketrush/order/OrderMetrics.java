package io.ticketrush.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Orders by outcome (paid, failed, refunded, expired, cancelled) and the payment-confirm timer. */
@Component
class OrderMetrics {

    private final MeterRegistry registry;
    private final Timer confirm;

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
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
