package io.ticketrush.queue;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fan's place in the waiting room, as the API shows it.
 *
 * @param position       1 = next to be admitted; absent in the pre-queue until the opening draw
 * @param ahead          fans in front of this one
 * @param etaSeconds     estimated wait, from the measured admission rate (or the configured outflow)
 * @param admissionToken while ADMITTED: the value of the {@code Admission-Token} header for holds and orders
 * @param expiresAt      while ADMITTED: when the admission token stops working
 * @param holdBy         while ADMITTED: seats must be held before this instant
 * @param seatsLeft      seats on sale right now across the event's performances
 * @param reason         for CLOSED and EXPIRED: {@code sold-out}, {@code sale-over}, {@code no-show}, {@code admission-used}
 * @param queueLength    fans waiting in the whole line
 * @param entryId        the fan's entry in the pre-queue draw (to find oneself in the published list)
 * @param drawAt         in the pre-queue: when the order is drawn (the sale opening)
 * @param preQueue       true until the fan has a numbered place
 * @param paused         true while the organizer has paused admission
 */
public record Place(QueueStatus status, @Nullable Long position, @Nullable Long ahead, @Nullable Long etaSeconds,
        @Nullable String admissionToken, @Nullable Instant expiresAt, @Nullable Instant holdBy,
        @Nullable Long seatsLeft, @Nullable String reason, @Nullable Long queueLength, @Nullable String entryId,
        @Nullable Instant drawAt, @Nullable Boolean preQueue, @Nullable Boolean paused) {

    private static final long SOLD_OUT_POLL_SECONDS = 30;
    private static final long FANS_PER_SECOND_OF_PACE = 50;

    static Place closed(String reason) {
        return new Place(QueueStatus.CLOSED, null, null, null, null, null, null, null, reason, null, null, null, null,
                null);
    }

    /**
     * Seconds a polling client should wait before asking again: half of the estimated wait, but
     * no more than 1 s per 50 fans ahead (so the fans about to be let in, whose slot waits for them
     * until they notice, notice within a few seconds even when the line moves slowly), between 1 s
     * and {@code longest}; without an estimate (the line is paused) 1 s per 1,000 fans ahead, plus 1.
     * A fan whose estimate holds asks about log2(wait) times in all, and a line of 100,000 costs a
     * few hundred polls a second instead of tens of thousands. A line closed because it sold out is
     * asked every 30 s (at most {@code longest}): seats may come back, but a crowd told "sold out"
     * must not hammer the servers. Polling is what the waiting fans cost the servers when they do
     * not use the stream (docs/performance.md).
     */
    public long retryAfterSeconds(Duration longest) {
        long cap = Math.max(1, longest.toSeconds());
        if (status == QueueStatus.ADMITTED || status == QueueStatus.EXPIRED) {
            return 0;
        }
        if (status == QueueStatus.CLOSED) {
            return "sale-over".equals(reason) ? 0 : Math.min(cap, SOLD_OUT_POLL_SECONDS);
        }
        long pace;
        if (etaSeconds == null) {
            long behind = ahead == null ? (queueLength == null ? 0 : queueLength) : ahead;
            pace = 1 + behind / 1000;
        } else {
            long behind = ahead == null ? 0 : ahead;
            pace = Math.min((etaSeconds + 1) / 2, 1 + behind / FANS_PER_SECOND_OF_PACE);
        }
        return Math.max(1, Math.min(cap, pace));
    }
}
