package io.ticketrush.queue;

import io.ticketrush.queue.persistence.LineState;
import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an event's organizer (or an admin) can do while the sale runs: look at the line, pause
 * and resume admission, change the outflow and the cap on active shoppers. Changes are kept in
 * Redis with the line, so every instance and the next gatekeeper see them at once.
 */
@Component
public class AdmissionControls {

    private final QueuedSales sales;
    private final Lines lines;

    AdmissionControls(QueuedSales sales, Lines lines) {
        this.sales = sales;
        this.lines = lines;
    }

    /** The line as an operator sees it. */
    public record LineReport(UUID eventId, boolean paused, int outflowPerSecond, int maxActiveShoppers, long waiting,
            long preQueue, long activeShoppers, long admittedTotal, double admissionRate, @Nullable Long seatsLeft,
            long serving, long lastTicket, boolean opened, boolean drawn) {
    }

    public LineReport report(UUID eventId, Caller caller) {
        QueuedSale sale = operated(eventId, caller);
        LineState line = lines.look(eventId, null).line();
        return new LineReport(eventId, line.paused(),
                line.outflowOverride() != null ? line.outflowOverride() : sale.queue().outflowPerSecond(),
                line.maxActiveOverride() != null ? line.maxActiveOverride() : sale.queue().maxActiveShoppers(),
                line.waiting(), line.drawn() ? 0 : line.preQueue(), line.active(), line.admittedTotal(),
                Math.round(line.rate() * 100) / 100.0, line.seatsLeft(), line.serving(), line.lastTicket(),
                line.opened(), line.drawn());
    }

    public LineReport pause(UUID eventId, Caller caller, boolean paused) {
        operated(eventId, caller);
        lines.pause(eventId, paused);
        return report(eventId, caller);
    }

    public LineReport tune(UUID eventId, Caller caller, @Nullable Integer outflowPerSecond,
            @Nullable Integer maxActiveShoppers) {
        operated(eventId, caller);
        lines.tune(eventId, outflowPerSecond, maxActiveShoppers);
        return report(eventId, caller);
    }

    private QueuedSale operated(UUID eventId, Caller caller) {
        QueuedSale sale = sales.queued(eventId);
        boolean owner = caller.hasRole("ORGANIZER") && sale.organizerId().equals(caller.userId());
        if (!owner && !caller.hasRole("ADMIN")) {
            throw new DomainException(403, "not-your-event", "Only the event's organizer or an admin runs its waiting room");
        }
        return sale;
    }
}
