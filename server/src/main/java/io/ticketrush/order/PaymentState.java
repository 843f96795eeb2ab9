package io.ticketrush.order;

/** Where the conversation with the payment gateway stands for an order. */
public enum PaymentState {
    NONE, CONFIRMING, UNKNOWN, APPROVED, DECLINED, REFUND_PENDING, REFUNDED
}
