package io.ticketrush.payment;

import java.time.Instant;

/** What the gateway said about a payment. */
public sealed interface PaymentOutcome {

    /** The money was captured. */
    record Approved(String paymentKey, String orderId, long amount, Instant approvedAt) implements PaymentOutcome {
    }

    /** The gateway refused (card declined, invalid request ...); nothing was captured. */
    record Declined(String code, String message) implements PaymentOutcome {
    }

    /** No answer we can trust (timeout, 5xx, network): reconcile by {@link PaymentGateway#lookup}. */
    record Unknown(String reason) implements PaymentOutcome {
    }

    /** Lookup only: the gateway has no captured payment for this order. */
    record NotFound() implements PaymentOutcome {
    }
}
