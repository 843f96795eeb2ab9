package io.ticketrush.order;

public enum OrderStatus {
    PENDING_PAYMENT, PAID, EXPIRED, PAYMENT_FAILED, CANCELLED, REFUNDED
}
