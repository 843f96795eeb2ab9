package io.ticketrush.catalog;

import io.ticketrush.catalog.persistence.VenueRows;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and reading venues. An organizer sees and uses their own venues and the ones an ADMIN
 * marked shared; anyone else's venue is unknown to them.
 */
@Component
public class Venues {

    private final VenueRows rows;
    private final Clock clock;

    Venues(VenueRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional
    public Venue create(VenuePlan plan, UUID organizerId) {
        plan.check();
        UUID id = Ids.next();
        rows.insert(id, plan, organizerId, clock.instant());
        return rows.find(id).orElseThrow();
    }

    /** Any venue, whoever owns it: the venue of a published event, as fans see it. */
    public Venue find(UUID id) {
        return rows.find(id).orElseThrow(Venues::unknown);
    }

    /** The venue if the caller may use it; another organizer's unshared venue is 404 {@code unknown-venue}. */
    public Venue findUsable(UUID id, Caller caller) {
        return usable(id, caller).orElseThrow(Venues::unknown);
    }

    public Optional<Venue> usable(UUID id, Caller caller) {
        return rows.find(id).filter(v -> v.usableBy(caller.userId(), caller.hasRole("ADMIN")));
    }

    /** Any venue, whoever owns it: for reading the venue of an event that already exists. */
    public Optional<Venue> findOptional(UUID id) {
        return rows.find(id);
    }

    /** The caller's own venues and the shared ones, newest first (every venue for an ADMIN). */
    public List<Venue> usableBy(Caller caller) {
        return rows.usableBy(caller.userId(), caller.hasRole("ADMIN"));
    }

    /** ADMIN: lets every organizer use the venue (or takes that back); events already there stay. */
    @Transactional
    public Venue share(UUID id, boolean shared) {
        if (!rows.share(id, shared)) {
            throw unknown();
        }
        return rows.find(id).orElseThrow();
    }

    private static DomainException unknown() {
        return DomainException.notFound("unknown-venue", "No such venue");
    }
}
