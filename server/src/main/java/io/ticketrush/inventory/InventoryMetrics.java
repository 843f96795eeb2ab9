package io.ticketrush.inventory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Holds created, rejected (by reason) and expired, and how long a hold takes. */
@Component
class InventoryMetrics {

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter expired;
    private final Timer holdTimer;

    InventoryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("ticketrush.holds.placed").description("Holds placed").register(registry);
        this.expired = Counter.builder("ticketrush.holds.expired").description("Holds that ran out of time").register(registry);
        this.holdTimer = Timer.builder("ticketrush.hold").description("Time to place a hold").register(registry);
    }

    void created() {
        created.increment();
    }

    void expired(int count) {
        expired.increment(count);
    }

    void rejected(String reason) {
        Counter.builder("ticketrush.holds.rejected").tag("reason", reason).register(registry).increment();
    }

    Timer holdTimer() {
        return holdTimer;
    }
}
