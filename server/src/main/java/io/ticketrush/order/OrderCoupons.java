package io.ticketrush.order;

import io.ticketrush.shared.DomainException;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The coupon side of an order's life, when a module provides coupons; without one, no coupon exists. */
@Component
class OrderCoupons {

    private final ObjectProvider<CouponRedemption> redemption;

    OrderCoupons(ObjectProvider<CouponRedemption> redemption) {
        this.redemption = redemption;
    }

    long reserve(UUID couponId, UUID userId, UUID orderId, UUID eventId, long subtotal) {
        CouponRedemption coupons = redemption.getIfAvailable();
        if (coupons == null) {
            throw DomainException.notFound("unknown-coupon", "No such coupon of yours");
        }
        long discount = coupons.reserve(couponId, userId, orderId, eventId, subtotal);
        if (discount < 0 || discount > subtotal) {
            throw new IllegalStateException("Discount %d outside 0..%d".formatted(discount, subtotal));
        }
        return discount;
    }

    void consume(UUID orderId) {
        redemption.ifAvailable(coupons -> coupons.consume(orderId));
    }

    void release(UUID orderId) {
        redemption.ifAvailable(coupons -> coupons.release(orderId));
    }
}
