package io.ticketrush.payment;

import java.time.Instant;

/** What happens to the payment gateway, for other modules. Past tense, immutable. */
public final class PaymentIncidents {

    private PaymentIncidents() {
    }

    /**
     * Calls to the gateway were failing or slow, and the circuit breaker opened on one instance: for
     * a while confirmations are refused at once. Published at every opening (a failed trial after the
     * wait opens it again), so listeners must be idempotent.
     */
    public record PaymentIncidentDetected(Instant at) {
    }

    /** The trial calls after an opening succeeded and the circuit breaker closed again. */
    public record PaymentIncidentResolved(Instant at) {
    }
}
