package io.ticketrush.catalog;

import io.ticketrush.catalog.persistence.VenueRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creating and reading venues. */
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
        return find(id);
    }

    public Venue find(UUID id) {
        return rows.find(id).orElseThrow(() -> DomainException.notFound("unknown-venue", "No such venue"));
    }

    public java.util.Optional<Venue> findOptional(UUID id) {
        return rows.find(id);
    }

    public java.util.List<Venue> list() {
        return rows.list();
    }
}
