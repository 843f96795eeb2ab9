package io.ticketrush.payment;

import java.time.Instant;

/** What the gateway said about a payment. */
public sealed interface PaymentOutcome {

    /** The money was captured. */
    record Approved(String paymentKey, String orderId, long amount, Instant approvedAt) implements PaymentOutcome {
    }

    /**
     * The gateway refused (card declined, invalid request ...); nothing was captured. A lookup also
     * answers Declined with code {@link #CANCELED} for a payment that was captured and then cancelled
     * (refunded) in full: no money is held for the order any more.
     */
    record Declined(String code, String message) implements PaymentOutcome {

        /** The code of a looked-up payment that was cancelled (refunded) in full. */
        public static final String CANCELED = "CANCELED";
    }

    /** No answer we can trust (timeout, 5xx, network): reconcile by {@link PaymentGateway#lookup}. */
    record Unknown(String reason) implements PaymentOutcome {
    }

    /** Lookup only: the gateway has no captured payment for this order. */
    record NotFound() implements PaymentOutcome {
    }
}
