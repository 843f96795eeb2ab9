package io.ticketrush.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fan's place in the waiting room: one of four states, each holding only what it knows. The API
 * and the streams show it as one flat {@link Document} (shared/API.md, docs/waiting-room.md), the
 * same JSON as before the states were types.
 */
public sealed interface Place permits Place.Waiting, Place.Admitted, Place.Expired, Place.Closed {

    QueueStatus status();

    /** Seats on sale right now across the event's performances, if known. */
    @Nullable Long seatsLeft();

    /** The JSON of this place. */
    @JsonValue
    Document document();

    /**
     * In line, or in the pre-queue until the opening draw.
     *
     * @param position    1 = next to be admitted; null in the pre-queue (no number before the draw)
     * @param etaSeconds  estimated wait; null while the organizer has paused admission
     * @param queueLength fans waiting in the whole line
     * @param entryId     the fan's entry in the pre-queue draw (to find oneself in the published list)
     * @param drawAt      in the pre-queue: when the order is drawn (the sale opening); null once numbered
     * @param paused      the organizer has paused admission
     */
    record Waiting(@Nullable Long position, @Nullable Long etaSeconds, @Nullable Long seatsLeft, long queueLength,
            @Nullable String entryId, @Nullable Instant drawAt, boolean paused) implements Place {

        public Waiting {
            if ((position == null) != (drawAt != null)) {
                throw new IllegalArgumentException("a fan without a number waits for the draw, and only then");
            }
        }

        public boolean preQueue() {
            return position == null;
        }

        public @Nullable Long ahead() {
            return position == null ? null : position - 1;
        }

        @Override
        public QueueStatus status() {
            return QueueStatus.WAITING;
        }

        @Override
        public Document document() {
            return new Document(status(), position, ahead(), etaSeconds, null, null, null, seatsLeft, null, queueLength,
                    entryId, drawAt, preQueue() ? Boolean.TRUE : null, paused ? Boolean.TRUE : null);
        }
    }

    /**
     * Let in: the token opens holds and orders of the event until it expires.
     *
     * @param admissionToken the value of the {@code Admission-Token} header for holds and orders
     * @param expiresAt      when the admission token stops working
     * @param holdBy         seats must be held before this instant
     */
    record Admitted(String admissionToken, Instant expiresAt, Instant holdBy, @Nullable Long seatsLeft,
            long queueLength, @Nullable String entryId) implements Place {

        @Override
        public QueueStatus status() {
            return QueueStatus.ADMITTED;
        }

        @Override
        public Document document() {
            return new Document(status(), 0L, 0L, 0L, admissionToken, expiresAt, holdBy, seatsLeft, null, queueLength,
                    entryId, null, null, null);
        }
    }

    /** Admitted, but the admission is over: joining again is a new place at the back. */
    record Expired(ExpiredReason reason, @Nullable Long seatsLeft, long queueLength, @Nullable String entryId)
            implements Place {

        @Override
        public QueueStatus status() {
            return QueueStatus.EXPIRED;
        }

        @Override
        public Document document() {
            return new Document(status(), null, null, null, null, null, null, seatsLeft, reason.code(), queueLength,
                    entryId, null, null, null);
        }
    }

    /**
     * Admission stopped. The fan's number (or pre-queue entry) is kept and shown; a fan who never
     * joined (the sale was over at the join) has neither.
     *
     * @param preQueue the fan had no number yet
     */
    record Closed(ClosedReason reason, @Nullable Long position, @Nullable Long seatsLeft, @Nullable Long queueLength,
            @Nullable String entryId, boolean preQueue) implements Place {

        /** The answer to a fan who comes after the sale ended: nothing about a line. */
        static Closed saleOver() {
            return new Closed(ClosedReason.SALE_OVER, null, null, null, null, false);
        }

        public @Nullable Long ahead() {
            return position == null ? null : position - 1;
        }

        @Override
        public QueueStatus status() {
            return QueueStatus.CLOSED;
        }

        @Override
        public Document document() {
            return new Document(status(), position, ahead(), null, null, null, null, seatsLeft, reason.code(),
                    queueLength, entryId, null, preQueue ? Boolean.TRUE : null, null);
        }
    }

    enum ExpiredReason {
        NO_SHOW("no-show"), ADMISSION_USED("admission-used");

        private final String code;

        ExpiredReason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    enum ClosedReason {
        SOLD_OUT("sold-out"), SALE_OVER("sale-over");

        private final String code;

        ClosedReason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
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
    default long retryAfterSeconds(Duration longest) {
        long cap = Math.max(1, longest.toSeconds());
        return switch (this) {
            case Admitted a -> 0;
            case Expired e -> 0;
            case Closed c -> c.reason() == ClosedReason.SALE_OVER ? 0 : Math.min(cap, 30);
            case Waiting w -> {
                long pace;
                if (w.etaSeconds() == null) {
                    long behind = w.ahead() == null ? w.queueLength() : w.ahead();
                    pace = 1 + behind / 1000;
                } else {
                    long behind = w.ahead() == null ? 0 : w.ahead();
                    pace = Math.min((w.etaSeconds() + 1) / 2, 1 + behind / 50);
                }
                yield Math.max(1, Math.min(cap, pace));
            }
        };
    }

    /**
     * The place as the API shows it: every state's fields in one object, absent where null.
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
    @Schema(name = "Place") // the API document's schema keeps its name
    record Document(QueueStatus status, @Nullable Long position, @Nullable Long ahead, @Nullable Long etaSeconds,
            @Nullable String admissionToken, @Nullable Instant expiresAt, @Nullable Instant holdBy,
            @Nullable Long seatsLeft, @Nullable String reason, @Nullable Long queueLength, @Nullable String entryId,
            @Nullable Instant drawAt, @Nullable Boolean preQueue, @Nullable Boolean paused) {

        /**
         * Without the fields that drift on their own (the estimate follows the measured rate, which
         * decays every gatekeeper step; the line length and the seats left move with other fans).
         */
        Document withoutDrift() {
            return new Document(status, position, ahead, null, admissionToken, expiresAt, holdBy, null, reason, null,
                    entryId, drawAt, preQueue, paused);
        }
    }
}
