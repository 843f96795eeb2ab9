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
    private final java.util.Map<String, Counter> rejected = new java.util.concurrent.ConcurrentHashMap<>();

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
        // looked up once per reason: registering on every rejection showed up in the rush profile
        rejected.computeIfAbsent(reason, r -> Counter.builder("ticketrush.holds.rejected").tag("reason", r)
                .description("Holds refused, by problem code").register(registry)).increment();
    }

    Timer holdTimer() {
        return holdTimer;
    }
}
