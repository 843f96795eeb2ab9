package io.ticketrush.queue;

import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.queue.persistence.SaleRows;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * At the sale opening: closes the pre-queue, reveals the seed and numbers the pre-queue in the
 * drawn order (1..n, ahead of everyone who joins later). Every step is idempotent, so a
 * gatekeeper that dies half-way is simply followed by one that does it again.
 */
@Component
class OpeningDraw {

    private static final Log log = LogFactory.getLog(OpeningDraw.class);
    private static final int CHUNK = 1000;

    private final Lines lines;
    private final SaleRows rows;
    private final Clock clock;

    OpeningDraw(Lines lines, SaleRows rows, Clock clock) {
        this.lines = lines;
        this.rows = rows;
        this.clock = clock;
    }

    /** Runs the draw of a line that is not drawn yet (idempotent if someone else just did). */
    void run(UUID eventId) {
        long size = lines.open(eventId);
        rows.revealed(eventId, clock.instant());
        if (size > 0) {
            String seed = rows.find(eventId).orElseThrow(() -> new IllegalStateException("No seed for event " + eventId)).seed();
            Map<UUID, String> entries = lines.preQueue(eventId);
            if (entries.size() != size) {
                throw new IllegalStateException("Pre-queue of %s has %d entries, %d when it closed".formatted(eventId,
                        entries.size(), size));
            }
            List<UUID> order = FairDraw.order(seed, entries);
            for (int from = 0; from < order.size(); from += CHUNK) {
                Map<UUID, Long> tickets = new HashMap<>();
                for (int i = from; i < Math.min(order.size(), from + CHUNK); i++) {
                    tickets.put(order.get(i), (long) i + 1);
                }
                lines.assign(eventId, tickets);
            }
            log.info("Opening draw of event %s: %d fans of the pre-queue placed in seed order".formatted(eventId, size));
        }
        lines.markDrawn(eventId);
    }
}
