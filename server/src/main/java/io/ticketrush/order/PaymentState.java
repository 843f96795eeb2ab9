package io.ticketrush.order;

/**
 * Where the conversation with the payment gateway stands for an order. MANUAL_REVIEW is terminal:
 * the reconciler could not settle the payment (a refused refund, a capture it cannot account for)
 * and an operator has to.
 */
public enum PaymentState {
    NONE, CONFIRMING, UNKNOWN, APPROVED, DECLINED, REFUND_PENDING, REFUNDED, MANUAL_REVIEW;

    /** The gateway's answer is still owed or money still has to go back: the reconciler looks at it. */
    public boolean unsettled() {
        return this == CONFIRMING || this == UNKNOWN || this == REFUND_PENDING;
    }
}
