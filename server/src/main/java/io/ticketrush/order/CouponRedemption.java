package io.ticketrush.order;

import java.util.UUID;

/**
 * Coupons on orders, implemented by the promotion module (which depends on orders, not the other
 * way round). Every method is called inside the transaction that changes the order, so a coupon
 * always agrees with its order: reserved when the order is placed, used when it is paid, free
 * again when it fails, expires or is cancelled before payment.
 */
public interface CouponRedemption {

    /**
     * Reserves the person's coupon for the order and returns the discount in whole won, between 0
     * and {@code subtotal}. Throws a {@link io.ticketrush.shared.DomainException} when the coupon is
     * not theirs, not valid for this event or amount, outside its window, used or reserved.
     */
    long reserve(UUID couponId, UUID userId, UUID orderId, UUID eventId, long subtotal);

    /** The order was paid: its coupon (if any) is used for good. Doing it twice changes nothing. */
    void consume(UUID orderId);

    /** The order ended unpaid: its coupon (if any) can be used again. Nothing happens to a used coupon. */
    void release(UUID orderId);
}
