package io.ticketrush.catalog;

import io.ticketrush.catalog.persistence.EventRows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What other modules read from the catalog. Sale terms of published events do not change,
 * so they are kept in memory after the first read: the hold path never queries the catalog twice.
 */
@Component
public class Catalog {

    private final EventRows rows;
    private final Map<UUID, PerformanceSale> published = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> organizers = new ConcurrentHashMap<>();

    Catalog(EventRows rows) {
        this.rows = rows;
    }

    public Optional<PerformanceSale> performance(UUID performanceId) {
        PerformanceSale cached = published.get(performanceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PerformanceSale> sale = rows.eventOfPerformance(performanceId)
                .flatMap(rows::find)
                .map(event -> toSale(event, performanceId));
        sale.filter(PerformanceSale::published).ifPresent(s -> published.put(performanceId, s));
        return sale;
    }

    public Optional<Event> event(UUID eventId) {
        return rows.find(eventId);
    }

    /** The organizer an event belongs to (it never changes, so it is kept in memory after the first read). */
    public Optional<UUID> organizerOf(UUID eventId) {
        UUID cached = organizers.get(eventId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UUID> organizer = rows.find(eventId).map(Event::organizerId);
        organizer.ifPresent(o -> organizers.put(eventId, o));
        return organizer;
    }

    public List<SellableSeat> sellableSeats(UUID eventId) {
        return rows.sellableSeats(eventId);
    }

    private static PerformanceSale toSale(Event event, UUID performanceId) {
        Event.Performance performance = event.performances().stream()
                .filter(p -> p.performanceId().equals(performanceId)).findFirst().orElseThrow();
        return new PerformanceSale(performanceId, event.id(), event.organizerId(), event.title(),
                performance.startsAt(), event.salesOpenAt(), event.salesCloseAt(), event.maxTicketsPerPerson(),
                event.grades(), event.queue(), event.status());
    }
}
