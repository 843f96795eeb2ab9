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
                Place.ExpiredReason reason = session != null && session.state() == 'X'
                        ? Place.ExpiredReason.NO_SHOW : Place.ExpiredReason.ADMISSION_USED;
                return Optional.of(new Place.Expired(reason, seatsLeft, queueLength, fan.entryId()));
            }
            if (sale.overAt(now)) {
                return Optional.of(closed(Place.ClosedReason.SALE_OVER, null, seatsLeft, queueLength, fan));
            }
            AdmissionToken token = tokenFor.apply(Instant.ofEpochMilli(session.admittedAtMillis()));
            return Optional.of(new Place.Admitted(sign.apply(token), token.expiresAt(), token.holdBy(), seatsLeft,
                    queueLength, fan.entryId()));
        }
        Long position = ticket == null ? null : ticket - line.serving();
        if (sale.overAt(now)) {
            return Optional.of(closed(Place.ClosedReason.SALE_OVER, position, seatsLeft, queueLength, fan));
        }
        if (seatsLeft != null && seatsLeft == 0) {
            return Optional.of(closed(Place.ClosedReason.SOLD_OUT, position, seatsLeft, queueLength, fan));
        }
        Long eta = line.paused() ? null : eta(sale, line, position, now);
        return Optional.of(new Place.Waiting(position, eta, seatsLeft, queueLength, fan.entryId(),
                ticket == null ? sale.salesOpenAt() : null, line.paused()));
    }

    private static Place closed(Place.ClosedReason reason, @Nullable Long position, @Nullable Long seatsLeft,
            long queueLength, FanEntry fan) {
        return new Place.Closed(reason, position, seatsLeft, queueLength, fan.entryId(), fan.ticket() == null);
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
