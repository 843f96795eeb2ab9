package io.ticketrush.inventory;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.EventPublished;
import io.ticketrush.catalog.SellableSeat;
import io.ticketrush.inventory.persistence.SeatRows;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates seat inventory when an event is published, inside the publishing transaction: an
 * event is never on sale without its seats (a synchronous listener on purpose, see docs/adr).
 */
@Component
class InventoryCreation {

    private final Catalog catalog;
    private final SeatRows seats;

    InventoryCreation(Catalog catalog, SeatRows seats) {
        this.catalog = catalog;
        this.seats = seats;
    }

    @EventListener
    void on(EventPublished published) {
        List<SellableSeat> sellable = catalog.sellableSeats(published.eventId());
        for (UUID performanceId : published.performanceIds()) {
            seats.create(performanceId, sellable);
        }
    }
}
