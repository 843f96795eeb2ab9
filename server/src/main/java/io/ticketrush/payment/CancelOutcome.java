package io.ticketrush.payment;

/** What the gateway said about a cancellation (refund). */
public sealed interface CancelOutcome {

    record Cancelled(long cancelledAmount) implements CancelOutcome {
    }

    record Failed(String code, String message) implements CancelOutcome {
    }

    /** No trustworthy answer: retry with the same idempotency key. */
    record Unknown(String reason) implements CancelOutcome {
    }
}
