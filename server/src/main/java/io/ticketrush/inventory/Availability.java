package io.ticketrush.inventory;

import io.ticketrush.inventory.persistence.SeatRows;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How many seats are on sale right now, for modules that gate on it (the waiting room). */
@Component
public class Availability {

    private final SeatRows seats;

    Availability(SeatRows seats) {
        this.seats = seats;
    }

    /** AVAILABLE seats across the given performances: one count over the partial index of available seats. */
    public long availableSeats(Collection<UUID> performanceIds) {
        return performanceIds.isEmpty() ? 0 : seats.countAvailable(performanceIds);
    }
}
