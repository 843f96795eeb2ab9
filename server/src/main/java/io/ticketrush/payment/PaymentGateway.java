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
}
