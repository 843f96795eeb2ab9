package io.ticketrush.catalog;

import io.ticketrush.account.Accounts;
import io.ticketrush.account.Role;
import io.ticketrush.catalog.persistence.EventRows;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Drafting, publishing, listing and reading events. */
@Component
public class Events {

    private final EventRows rows;
    private final Venues venues;
    private final Accounts accounts;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Events(EventRows rows, Venues venues, Accounts accounts, ApplicationEventPublisher publisher, Clock clock) {
        this.rows = rows;
        this.venues = venues;
        this.accounts = accounts;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public Event draft(EventPlan plan, UUID organizerId) {
        // another organizer's unshared venue is answered like a venue that does not exist
        boolean admin = accounts.findById(organizerId).filter(a -> a.roles().contains(Role.ADMIN)).isPresent();
        plan.checkAgainst(venues.findOptional(plan.venueId()).filter(v -> v.usableBy(organizerId, admin)).orElse(null));
        UUID eventId = Ids.next();
        rows.insert(eventId, organizerId, plan, clock.instant());
        return rows.find(eventId).orElseThrow();
    }

    /** DRAFT → PUBLISHED; inventory for every performance is created in the same transaction. */
    @Transactional
    public Event publish(UUID eventId, Caller caller) {
        Event event = ownEvent(eventId, caller);
        if (!rows.markPublished(eventId, clock.instant())) {
            throw DomainException.conflict("already-published", "The event is already published");
        }
        publisher.publishEvent(new EventPublished(eventId,
                event.performances().stream().map(Event.Performance::performanceId).toList()));
        return rows.find(eventId).orElseThrow();
    }

    /** Anyone sees published events; drafts only by their organizer (or an admin). */
    public Event find(UUID eventId, java.util.Optional<Caller> caller) {
        Event event = rows.find(eventId).orElseThrow(Events::unknownEvent);
        boolean manages = caller.map(c -> event.ownedBy(c.userId()) || c.hasRole("ADMIN")).orElse(false);
        if (event.status() == EventStatus.DRAFT && !manages) {
            throw unknownEvent();
        }
        return event;
    }

    public Page list(EventQuery query) {
        return new Page(rows.search(query), query.page(), query.size(), rows.count(query));
    }

    public List<Event> ownedBy(UUID organizerId) {
        return rows.ownedBy(organizerId);
    }

    public record Page(List<EventSummary> items, int number, int size, long totalItems) {
    }

    private Event ownEvent(UUID eventId, Caller caller) {
        Event event = rows.find(eventId).orElseThrow(Events::unknownEvent);
        if (!event.ownedBy(caller.userId()) && !caller.hasRole("ADMIN")) {
            throw unknownEvent();
        }
        return event;
    }

    private static DomainException unknownEvent() {
        return DomainException.notFound("unknown-event", "No such event");
    }
}
