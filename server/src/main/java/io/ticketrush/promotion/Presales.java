package io.ticketrush.promotion;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.Event;
import io.ticketrush.promotion.persistence.PresaleRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The event's organizer sets a presale window, generates access codes in bulk and downloads them. */
@Component
public class Presales {

    /** A generated batch of codes. */
    public record Batch(UUID batchId, UUID eventId, int count, int usesPerCode) {
    }

    private final PresaleRows rows;
    private final Catalog catalog;
    private final PresaleGate gate;
    private final PromotionSettings settings;
    private final Clock clock;

    Presales(PresaleRows rows, Catalog catalog, PresaleGate gate, PromotionSettings settings, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.gate = gate;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens (or moves) the presale of the organizer's event: from {@code opensAt} to the general sale. */
    public PresaleWindow open(UUID eventId, UUID organizerId, Instant opensAt) {
        Event event = ownEvent(eventId, organizerId);
        if (!opensAt.isBefore(event.salesOpenAt())) {
            throw FieldErrors.single("opensAt", "must be before the general sale opens (" + event.salesOpenAt() + ")");
        }
        Instant at = opensAt.truncatedTo(ChronoUnit.MILLIS);
        rows.save(eventId, at, organizerId, clock.instant());
        gate.forget(eventId);
        return new PresaleWindow(eventId, at);
    }

    public Optional<PresaleWindow> window(UUID eventId) {
        return rows.window(eventId);
    }

    public Instant salesOpenAt(UUID eventId) {
        return catalog.event(eventId).map(Event::salesOpenAt)
                .orElseThrow(() -> DomainException.notFound("unknown-event", "No such event"));
    }

    @Transactional
    public Batch generate(UUID eventId, UUID organizerId, int count, int usesPerCode) {
        ownEvent(eventId, organizerId);
        if (rows.window(eventId).isEmpty()) {
            throw DomainException.conflict("no-presale", "Set the presale window of this event first");
        }
        new FieldErrors()
                .check(count >= 1 && count <= settings.maxCodesPerBatch(), "count",
                        "must be between 1 and " + settings.maxCodesPerBatch())
                .check(rows.countCodes(eventId) + (long) count <= settings.maxCodesPerEvent(), "count",
                        "an event has at most " + settings.maxCodesPerEvent() + " codes")
                .throwIfAny();
        UUID batchId = Ids.next();
        Instant now = clock.instant();
        int inserted = 0;
        while (inserted < count) {
            List<String> codes = new ArrayList<>(count - inserted);
            for (int i = inserted; i < count; i++) {
                codes.add(AccessCodes.next());
            }
            inserted += rows.insertCodes(eventId, batchId, codes, usesPerCode, now); // a taken code is drawn again
        }
        return new Batch(batchId, eventId, count, usesPerCode);
    }

    /** Writes every code of the event as CSV: code, uses_allowed, uses, batch_id, created_at. */
    public void writeCsv(UUID eventId, UUID organizerId, Writer out) {
        ownEvent(eventId, organizerId);
        try {
            out.write("code,uses_allowed,uses,batch_id,created_at\n");
            rows.eachCode(eventId, row -> {
                try {
                    out.write(AccessCodes.display(row.code()) + "," + row.usesAllowed() + "," + row.uses() + ","
                            + row.batchId() + "," + row.createdAt() + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 404 unknown-event, or 403 not-your-event unless the person organizes the event. */
    public void checkOrganizer(UUID eventId, UUID organizerId) {
        ownEvent(eventId, organizerId);
    }

    private Event ownEvent(UUID eventId, UUID organizerId) {
        Event event = catalog.event(eventId).orElseThrow(() -> DomainException.notFound("unknown-event", "No such event"));
        if (!event.ownedBy(organizerId)) {
            throw new DomainException(403, "not-your-event", "Only the event's organizer manages its presale");
        }
        return event;
    }
}
