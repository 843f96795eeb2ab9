package io.ticketrush.queue;

import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.QueueSettings;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the waiting room needs to know about an event's sale. The line is per event, inventory
 * per performance: the sale is over when the last performance's sale is over.
 */
public record QueuedSale(UUID eventId, UUID organizerId, QueueSettings queue, Instant salesOpenAt, Instant salesEndAt,
        List<UUID> performanceIds) {

    static QueuedSale of(Event event) {
        Instant end = event.performances().stream()
                .map(p -> p.startsAt().isBefore(event.salesCloseAt()) ? p.startsAt() : event.salesCloseAt())
                .max(Instant::compareTo)
                .orElse(event.salesCloseAt());
        return new QueuedSale(event.id(), event.organizerId(), event.queue(), event.salesOpenAt(), end,
                event.performances().stream().map(Event.Performance::performanceId).toList());
    }

    boolean overAt(Instant now) {
        return !now.isBefore(salesEndAt);
    }

    boolean openAt(Instant now) {
        return !now.isBefore(salesOpenAt);
    }
}
