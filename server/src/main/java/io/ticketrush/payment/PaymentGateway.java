package io.ticketrush.payment;

/**
 * The payment provider as the order module sees it. Implementations talk HTTP to a
 * Toss-Payments-compatible gateway; they never throw for a provider answer — every outcome,
 * including "we do not know" (timeout, 5xx, network), is a value the caller must handle.
 */
public interface PaymentGateway {

    /** Confirms (captures) an authorised payment. Repeating with the same idempotency key is safe. */
    PaymentOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey);

    /**
     * Asks the gateway what happened to the payment of an order: used to reconcile an Unknown.
     * Approved: captured (for a partly refunded payment, the amount still held); Declined: refused,
     * or {@link PaymentOutcome.Declined#CANCELED} when refunded in full; NotFound: nothing was
     * captured (no payment, or not confirmed yet); Unknown: no trustworthy answer, ask again later.
     */
    PaymentOutcome lookup(String orderId);

    /**
     * Cancels (refunds) an approved payment by {@code amount}, or fully when {@code amount} is zero
     * or less. Repeating with the same idempotency key refunds once.
     */
    CancelOutcome cancel(String paymentKey, long amount, String reason, String idempotencyKey);

    /**
     * Refuses at once, before anything is changed, when calls to the gateway are not being made
     * (an incident: the circuit breaker is open). While refused, {@link #confirm}, {@link #lookup}
     * and {@link #cancel} answer Unknown without calling the gateway.
     *
     * @throws PaymentGatewayUnavailable 503 {@code payment-gateway-unavailable}
     */
    default void requireAvailable() {
    }

    /** Whether the gateway has an incident right now (the circuit breaker is not closed): for a notice to fans. */
    default boolean inIncident() {
        return false;
    }
}
