package io.ticketrush.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.queue.persistence.LineState;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Waiting-room meters. Per event (tag {@code event}): queue length, active shoppers, measured
 * admission rate, seats left — read from the line state each instance looks at every push
 * tick. Per instance: SSE connections held. Counters: joins, admissions, no-shows, shoppers done.
 */
@Component
class QueueMetrics {

    private final MeterRegistry registry;
    private final Counter joins;
    private final Counter noShows;
    private final Counter left;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<UUID, LineState> latest = new ConcurrentHashMap<>();

    QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.joins = Counter.builder("ticketrush.queue.joins").description("Fans who joined a waiting room").register(registry);
        this.noShows = Counter.builder("ticketrush.queue.no.shows").description("Admissions that expired unused").register(registry);
        this.left = Counter.builder("ticketrush.queue.shoppers.done").description("Admissions ended by payment or the last hold ending").register(registry);
        Gauge.builder("ticketrush.queue.sse.connections", connections, AtomicInteger::get)
                .description("Waiting-room SSE streams held by this instance").register(registry);
    }

    void joined() {
        joins.increment();
    }

    void admitted(UUID eventId, int count, int expired) {
        Counter.builder("ticketrush.queue.admitted").tag("event", eventId.toString()).description("Fans admitted")
                .register(registry).increment(count);
        noShows.increment(expired);
    }

    void left() {
        left.increment();
    }

    void connected() {
        connections.incrementAndGet();
    }

    void disconnected() {
        connections.decrementAndGet();
    }

    int connections() {
        return connections.get();
    }

    /** The line as last seen by this instance. */
    void observed(UUID eventId, LineState state) {
        if (latest.put(eventId, state) == null) {
            String tag = eventId.toString();
            Gauge.builder("ticketrush.queue.length", () -> latest.getOrDefault(eventId, LineState.EMPTY).waiting())
                    .tag("event", tag).description("Fans waiting").register(registry);
            Gauge.builder("ticketrush.queue.active.shoppers", () -> latest.getOrDefault(eventId, LineState.EMPTY).active())
                    .tag("event", tag).description("Admitted fans still shopping").register(registry);
            Gauge.builder("ticketrush.queue.admission.rate", () -> latest.getOrDefault(eventId, LineState.EMPTY).rate())
                    .tag("event", tag).description("Measured admissions per second").register(registry);
            Gauge.builder("ticketrush.queue.seats.left", () -> {
                Long seats = latest.getOrDefault(eventId, LineState.EMPTY).seatsLeft();
                return seats == null ? Double.NaN : seats;
            }).tag("event", tag).description("Seats on sale at the last gatekeeper step").register(registry);
        }
    }
}
