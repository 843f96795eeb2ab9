package io.ticketrush.promotion;

/** What a coupon takes off an order: a fixed amount or a percentage, in whole won. */
public record Discount(DiscountType type, long value) {

    public Discount {
        if (value <= 0 || (type == DiscountType.PERCENT && value > 100)) {
            throw new IllegalArgumentException("Invalid discount " + type + " " + value);
        }
    }

    /** The won taken off {@code subtotal}: PERCENT rounds down, and an order never goes below 0. */
    public long off(long subtotal) {
        if (subtotal <= 0) {
            return 0;
        }
        long discount = switch (type) {
            case FIXED -> value;
            case PERCENT -> Math.multiplyExact(subtotal, value) / 100;
        };
        return Math.min(discount, subtotal);
    }
}
