package io.ticketrush.queue;

/** Where a fan stands in an event's waiting room. */
public enum QueueStatus {
    /** In line (or in the pre-queue before the sale opens). */
    WAITING,
    /** Let in: the admission token opens holds and orders of the event until it expires. */
    ADMITTED,
    /** Admitted but not used in time (reason {@code no-show}), or the admission was used up ({@code admission-used}). */
    EXPIRED,
    /** Admission stopped: nothing left to sell right now ({@code sold-out}) or the sale is over ({@code sale-over}). */
    CLOSED
}
