package io.ticketrush.promotion;

import io.ticketrush.promotion.persistence.PresaleRows;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The batches of access codes an event's organizer generated, with how many uses each has seen. */
@Component
public class PresaleBatches {

    private final Presales presales;
    private final PresaleRows rows;

    PresaleBatches(Presales presales, PresaleRows rows) {
        this.presales = presales;
        this.rows = rows;
    }

    /** 404 unknown-event or 403 not-your-event unless the person organizes the event. */
    public List<PresaleRows.BatchRow> of(UUID eventId, UUID organizerId) {
        presales.checkOrganizer(eventId, organizerId);
        return rows.batches(eventId);
    }
}
