package io.ticketrush.payment;

/**
 * The payment provider as the order module sees it. Implementations talk HTTP to a
 * Toss-Payments-compatible gateway; they never throw for a provider answer — every outcome,
 * including "we do not know" (timeout, 5xx, network), is a value the caller must handle.
 */
public interface PaymentGateway {

    /** Confirms (captures) an authorised payment. Repeating with the same idempotency key is safe. */
    PaymentOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey);

    /** Asks the gateway what happened to the payment of an order: used to reconcile an Unknown. */
    PaymentOutcome lookup(String orderId);

    /** Cancels (refunds) an approved payment, fully or by {@code amount}. */
    CancelOutcome cancel(String paymentKey, long amount, String reason, String idempotencyKey);
}
