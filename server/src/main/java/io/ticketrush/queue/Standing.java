package io.ticketrush.queue;

import io.ticketrush.queue.persistence.FanEntry;
import io.ticketrush.queue.persistence.LineState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rule that turns the shared line state and one fan's entry into what the fan sees. Pure:
 * the HTTP answer and every SSE push are computed by it from one read of the line.
 */
final class Standing {

    private Standing() {
    }

    /** Empty if the fan is not in this line. */
    static Optional<Place> of(QueuedSale sale, LineState line, FanEntry fan, Instant now,
            Function<Instant, AdmissionToken> tokenFor, Function<AdmissionToken, String> sign) {
        if (!fan.inLine()) {
            return Optional.empty();
        }
        Long seatsLeft = line.seatsLeft();
        long queueLength = line.waiting();
        Long ticket = fan.ticket();
        if (ticket != null && ticket <= line.serving()) {
            FanEntry.Session session = fan.session();
            if (session == null || !session.live()) {
                String reason = session != null && session.state() == 'X' ? "no-show" : "admission-used";
                return Optional.of(new Place(QueueStatus.EXPIRED, null, null, null, null, null, null, seatsLeft, reason,
                        queueLength, fan.entryId(), null, null, null));
            }
            if (sale.overAt(now)) {
                return Optional.of(closed(sale, "sale-over", null, null, seatsLeft, queueLength, fan));
            }
            AdmissionToken token = tokenFor.apply(Instant.ofEpochMilli(session.admittedAtMillis()));
            return Optional.of(new Place(QueueStatus.ADMITTED, 0L, 0L, 0L, sign.apply(token), token.expiresAt(),
                    token.holdBy(), seatsLeft, null, queueLength, fan.entryId(), null, null, null));
        }
        Long position = ticket == null ? null : ticket - line.serving();
        Long ahead = position == null ? null : position - 1;
        if (sale.overAt(now)) {
            return Optional.of(closed(sale, "sale-over", position, ahead, seatsLeft, queueLength, fan));
        }
        if (seatsLeft != null && seatsLeft == 0) {
            return Optional.of(closed(sale, "sold-out", position, ahead, seatsLeft, queueLength, fan));
        }
        boolean pre = ticket == null;
        Long eta = line.paused() ? null : eta(sale, line, position, now);
        return Optional.of(new Place(QueueStatus.WAITING, position, ahead, eta, null, null, null, seatsLeft, null,
                queueLength, fan.entryId(), pre ? sale.salesOpenAt() : null, pre ? Boolean.TRUE : null,
                line.paused() ? Boolean.TRUE : null));
    }

    private static Place closed(QueuedSale sale, String reason, @Nullable Long position, @Nullable Long ahead,
            @Nullable Long seatsLeft, long queueLength, FanEntry fan) {
        return new Place(QueueStatus.CLOSED, position, ahead, null, null, null, null, seatsLeft, reason, queueLength,
                fan.entryId(), null, fan.ticket() == null ? Boolean.TRUE : null, null);
    }

    /**
     * Seconds until admission at the measured rate (the configured outflow before any was
     * measured); in the pre-queue, the time until the opening plus half of the pre-queue.
     */
    static @Nullable Long eta(QueuedSale sale, LineState line, @Nullable Long position, Instant now) {
        int outflow = line.outflowOverride() != null ? line.outflowOverride() : sale.queue().outflowPerSecond();
        double rate = line.rate() >= 0.5 ? line.rate() : Math.max(1, outflow);
        if (position == null) {
            long untilOpen = Math.max(0, Duration.between(now, sale.salesOpenAt()).toSeconds());
            return untilOpen + (long) Math.ceil(line.preQueue() / 2.0 / Math.max(1, outflow));
        }
        return (long) Math.ceil(position / rate);
    }
}
