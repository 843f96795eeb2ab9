package io.ticketrush.queue;

import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.queue.persistence.SaleRows;
import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The public record of an event's opening draw: the commitment from publication on; after the
 * pre-queue closed, the seed and the entry ids of the pre-queue, so anyone can recompute the order.
 */
@Component
public class DrawRecord {

    private final QueuedSales sales;
    private final SaleRows rows;
    private final Lines lines;

    DrawRecord(QueuedSales sales, SaleRows rows, Lines lines) {
        this.sales = sales;
        this.rows = rows;
        this.lines = lines;
    }

    public record Draw(UUID eventId, String commitment, String algorithm, Instant salesOpenAt, @Nullable String seed,
            @Nullable Instant revealedAt, @Nullable Integer entrants) {
    }

    public Draw of(UUID eventId) {
        sales.queued(eventId);
        SaleRows.SaleRow row = rows.find(eventId)
                .orElseThrow(() -> DomainException.notFound("unknown-event", "No draw for this event"));
        boolean revealed = row.revealedAt() != null;
        return new Draw(eventId, row.commitment(), FairDraw.ALGORITHM, row.salesOpenAt(), revealed ? row.seed() : null,
                row.revealedAt(), revealed ? lines.preQueue(eventId).size() : null);
    }

    /** Entry ids of the pre-queue, sorted (the order of this list carries no information); 409 before the opening. */
    public List<String> entrants(UUID eventId) {
        if (of(eventId).seed() == null) {
            throw DomainException.conflict("draw-not-revealed", "The pre-queue is drawn at the sale opening");
        }
        return lines.preQueue(eventId).values().stream().sorted().toList();
    }
}
