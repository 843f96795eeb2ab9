package io.ticketrush.queue;

import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.queue.persistence.SaleRows;
import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The public record of an event's opening draw: the commitment from publication on; after the
 * pre-queue closed, the seed and the entry ids of the pre-queue, so anyone can recompute the order.
 * Both are public, so once revealed they are computed once per instance and served from memory.
 */
@Component
public class DrawRecord {

    private final QueuedSales sales;
    private final SaleRows rows;
    private final Lines lines;
    private final Map<UUID, Draw> revealed = new ConcurrentHashMap<>();
    private final Map<UUID, String> entrants = new ConcurrentHashMap<>();

    DrawRecord(QueuedSales sales, SaleRows rows, Lines lines) {
        this.sales = sales;
        this.rows = rows;
        this.lines = lines;
    }

    public record Draw(UUID eventId, String commitment, String algorithm, Instant salesOpenAt, @Nullable String seed,
            @Nullable Instant revealedAt, @Nullable Long entrants) {
    }

    public Draw of(UUID eventId) {
        Draw known = revealed.get(eventId);
        if (known != null) {
            return known;
        }
        sales.queued(eventId);
        SaleRows.SaleRow row = rows.find(eventId)
                .orElseThrow(() -> DomainException.notFound("unknown-event", "No draw for this event"));
        if (row.revealedAt() == null) {
            return new Draw(eventId, row.commitment(), FairDraw.ALGORITHM, row.salesOpenAt(), null, null, null);
        }
        Draw draw = new Draw(eventId, row.commitment(), FairDraw.ALGORITHM, row.salesOpenAt(), row.seed(),
                row.revealedAt(), lines.look(eventId, null).line().preQueue());
        revealed.put(eventId, draw);
        return draw;
    }

    /** Entry ids of the pre-queue, sorted, one per line (the order of this list carries no information); 409 before the opening. */
    public String entrants(UUID eventId) {
        if (of(eventId).seed() == null) {
            throw DomainException.conflict("draw-not-revealed", "The pre-queue is drawn at the sale opening");
        }
        return entrants.computeIfAbsent(eventId, id -> {
            StringBuilder text = new StringBuilder();
            lines.preQueue(id).values().stream().sorted().forEach(entry -> text.append(entry).append('\n'));
            return text.toString();
        });
    }
}
