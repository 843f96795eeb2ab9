package io.ticketrush.queue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Event;
import io.ticketrush.catalog.EventPublished;
import io.ticketrush.catalog.EventStatus;
import io.ticketrush.queue.persistence.SaleRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sales the waiting room knows. The terms of a published event do not change, so they are
 * kept in memory after the first read (the order guard never reads the database twice). The
 * draw seed is created when an event is published, in the publishing transaction, so its
 * commitment exists before anyone can join. The events with a live line are re-read from the database
 * at most once a second (a Caffeine entry measured by the injected {@link Ticker}), and at once after
 * this instance records a sale.
 */
@Component
public class QueuedSales {

    private static final Duration LIVE_FRESHNESS = Duration.ofSeconds(1);

    private final Catalog catalog;
    private final SaleRows rows;
    private final Clock clock;
    private final Map<UUID, QueuedSale> terms = new ConcurrentHashMap<>();
    private final Set<UUID> recorded = ConcurrentHashMap.newKeySet();
    private final Cache<Boolean, List<UUID>> live;

    QueuedSales(Catalog catalog, SaleRows rows, Clock clock, Ticker ticker) {
        this.catalog = catalog;
        this.rows = rows;
        this.clock = clock;
        this.live = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(LIVE_FRESHNESS).build();
    }

    @EventListener
    void on(EventPublished published) {
        catalog.event(published.eventId()).ifPresent(this::record);
    }

    /** The published event's sale terms, if it exists. */
    public Optional<QueuedSale> find(UUID eventId) {
        QueuedSale cached = terms.get(eventId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<QueuedSale> sale = catalog.event(eventId).filter(e -> e.status() == EventStatus.PUBLISHED).map(QueuedSale::of);
        sale.ifPresent(s -> terms.put(eventId, s));
        return sale;
    }

    /** A published event whose waiting room is on; 404 unknown-event or 409 queue-disabled otherwise. */
    public QueuedSale queued(UUID eventId) {
        QueuedSale sale = find(eventId).orElseThrow(() -> DomainException.notFound("unknown-event", "No such event"));
        if (!sale.queue().enabled()) {
            throw DomainException.conflict("queue-disabled", "This event has no waiting room: go straight to the seats");
        }
        if (recorded.add(eventId)) {
            // events published before the waiting room existed get their seed on first use
            catalog.event(eventId).ifPresent(this::record);
        }
        return sale;
    }

    public boolean queueEnabled(UUID eventId) {
        return find(eventId).map(s -> s.queue().enabled()).orElse(false);
    }

    /** Events with a live line, re-read at most every second. */
    public List<UUID> live() {
        return live.get(Boolean.TRUE, any -> List.copyOf(rows.live()));
    }

    private void record(Event event) {
        QueuedSale sale = QueuedSale.of(event);
        String seed = FairDraw.newSeed();
        rows.insertIfAbsent(event.id(), event.queue().enabled(), seed, FairDraw.commitment(seed), sale.salesOpenAt(),
                sale.salesEndAt(), clock.instant());
        recorded.add(event.id());
        live.invalidateAll();
    }
}
