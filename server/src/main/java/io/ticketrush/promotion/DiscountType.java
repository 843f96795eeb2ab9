package io.ticketrush.promotion;

public enum DiscountType {
    /** A fixed number of won off the order. */
    FIXED,
    /** A percentage (1–100) of the order's subtotal, rounded down to whole won. */
    PERCENT
}
