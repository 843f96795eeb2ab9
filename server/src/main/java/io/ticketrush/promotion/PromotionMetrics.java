package io.ticketrush.promotion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Claims by outcome, the claim timer, the stream writer's backlog and lag, how long a claim took
 * to reach PostgreSQL, reconciler repairs by kind, redemptions and presale holds by outcome.
 */
@Component
class PromotionMetrics {

    private final MeterRegistry registry;
    private final Timer claim;
    private final Timer storeDelay;
    private final Counter stored;
    private final Counter redelivered;
    private final AtomicReference<ClaimStream.Backlog> backlog = new AtomicReference<>(ClaimStream.Backlog.NONE);

    PromotionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claim = Timer.builder("ticketrush.coupon.claim").description("Time to answer a coupon claim").register(registry);
        this.storeDelay = Timer.builder("ticketrush.coupon.store.delay")
                .description("From a coupon's claim in Redis to its row in PostgreSQL").register(registry);
        this.stored = Counter.builder("ticketrush.coupon.stored").description("Coupons written to PostgreSQL by the stream writer")
                .register(registry);
        this.redelivered = Counter.builder("ticketrush.coupon.redelivered")
                .description("Stream entries taken over from a writer that did not acknowledge them").register(registry);
        Gauge.builder("ticketrush.coupon.stream.backlog", backlog, b -> b.get().entries())
                .description("Issued coupons waiting in the streams to be written to PostgreSQL").register(registry);
        Gauge.builder("ticketrush.coupon.stream.lag", backlog, b -> b.get().oldest().toMillis() / 1000.0)
                .description("Seconds the oldest unwritten claim has waited").baseUnit("seconds").register(registry);
    }

    Timer claimTimer() {
        return claim;
    }

    void claimed(String outcome) {
        Counter.builder("ticketrush.coupon.claims").tag("outcome", outcome).register(registry).increment();
    }

    void stored(int count) {
        stored.increment(count);
    }

    void storeDelay(Duration delay) {
        storeDelay.record(delay);
    }

    void redelivered(int count) {
        redelivered.increment(count);
    }

    void backlog(ClaimStream.Backlog now) {
        backlog.set(now);
    }

    void repaired(String kind, int count) {
        Counter.builder("ticketrush.coupon.reconciler.repairs").tag("kind", kind).register(registry).increment(count);
    }

    void conflict(int count) {
        Counter.builder("ticketrush.coupon.store.conflicts")
                .description("Issued coupons PostgreSQL refused because their number was taken (Redis lost data)")
                .register(registry).increment(count);
    }

    void redemption(String outcome) {
        Counter.builder("ticketrush.coupon.redemptions").tag("outcome", outcome).register(registry).increment();
    }

    void presaleHold(String outcome) {
        Counter.builder("ticketrush.presale.holds").tag("outcome", outcome).register(registry).increment();
    }
}
