package io.ticketrush.ticket;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.shared.Caller;
import io.ticketrush.ticket.persistence.StaffRows;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A performance's door is open to its organizer, to the staff that organizer assigned (to all its
 * events or to this one) and to an ADMIN; to anyone else the ticket does not exist.
 */
@Component
class StaffedDoors implements Doors {

    private final Catalog catalog;
    private final StaffRows staff;

    StaffedDoors(Catalog catalog, StaffRows staff) {
        this.catalog = catalog;
        this.staff = staff;
    }

    @Override
    public Door of(UUID performanceId, Caller scanner) {
        PerformanceSale sale = catalog.performance(performanceId).orElse(null);
        if (sale == null) {
            return new Door.Unknown();
        }
        boolean works = scanner.hasRole("ADMIN") || sale.organizerId().equals(scanner.userId())
                || staff.admits(sale.organizerId(), scanner.userId(), sale.eventId());
        return works ? new Door.Open(performanceId, sale.eventId(), sale.startsAt()) : new Door.NotYours();
    }
}
