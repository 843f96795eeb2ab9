package io.ticketrush.promotion;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.order.CouponRedemption;
import io.ticketrush.promotion.persistence.CouponRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Coupons on orders, called by the order module inside its own transactions. Reserving locks the
 * coupon row, checks it is the fan's, unused, free, in its usable window, for this event (or an event of
 * the campaign's organizer, unless site-wide) and above
 * the minimum amount, and puts it on the order; paying marks it used; an order that ends unpaid
 * frees it. One row per coupon with one {@code order_id}: a coupon can never pay two orders.
 */
@Component
class CouponRedemptions implements CouponRedemption {

    private final CouponRows rows;
    private final MyCoupons mine;
    private final PromotionMetrics metrics;
    private final Catalog catalog;
    private final Clock clock;

    CouponRedemptions(CouponRows rows, MyCoupons mine, PromotionMetrics metrics, Catalog catalog, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.mine = mine;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public long reserve(UUID couponId, UUID userId, UUID orderId, UUID eventId, long subtotal) {
        try {
            long discount = reserveChecked(couponId, userId, orderId, eventId, subtotal);
            metrics.redemption("reserved");
            return discount;
        } catch (DomainException e) {
            metrics.redemption(e.code());
            throw e;
        }
    }

    private long reserveChecked(UUID couponId, UUID userId, UUID orderId, UUID eventId, long subtotal) {
        Coupon coupon = rows.findForUpdate(couponId)
                .or(() -> storeOnDemand(couponId, userId))
                .filter(c -> c.userId().equals(userId))
                .orElseThrow(() -> DomainException.notFound("unknown-coupon", "No such coupon of yours"));
        Instant now = clock.instant();
        CouponCampaign campaign = coupon.campaign();
        if (coupon.usedAt() != null) {
            throw DomainException.conflict("coupon-used", "This coupon has already paid an order");
        }
        if (coupon.orderId() != null) {
            throw DomainException.conflict("coupon-in-use", "This coupon is on another order waiting for payment")
                    .with("orderId", coupon.orderId().toString());
        }
        if (now.isBefore(campaign.startsAt()) || !now.isBefore(campaign.usableUntil())) {
            throw new DomainException(422, "coupon-expired", "This coupon is usable until " + campaign.usableUntil())
                    .with("usableUntil", campaign.usableUntil().toString());
        }
        if (campaign.eventId() != null && !campaign.eventId().equals(eventId)) {
            throw new DomainException(422, "coupon-not-applicable", "This coupon is for another event")
                    .with("eventId", campaign.eventId().toString());
        }
        UUID eventOrganizer = catalog.organizerOf(eventId).orElse(null);
        if (eventOrganizer == null || !campaign.appliesTo(eventId, eventOrganizer)) {
            throw new DomainException(422, "coupon-not-applicable", "This coupon is for another organizer's events");
        }
        if (subtotal < campaign.minOrderAmount()) {
            throw new DomainException(422, "coupon-minimum-not-met",
                    "This coupon needs an order of at least %d won".formatted(campaign.minOrderAmount()))
                    .with("minOrderAmount", campaign.minOrderAmount());
        }
        long discount = campaign.discount().off(subtotal);
        if (!rows.reserve(couponId, userId, orderId, discount, now)) {
            throw DomainException.conflict("coupon-in-use", "This coupon is on another order");
        }
        return discount;
    }

    /** A coupon claimed a moment ago may not be stored yet: store it now (the writer's insert then does nothing). */
    private java.util.Optional<Coupon> storeOnDemand(UUID couponId, UUID userId) {
        return mine.unstored(couponId, userId).flatMap(issued -> {
            rows.storeAll(List.of(issued));
            return rows.findForUpdate(couponId);
        });
    }

    @Override
    public void consume(UUID orderId) {
        if (rows.consume(orderId, clock.instant()) > 0) {
            metrics.redemption("used");
        }
    }

    @Override
    public void release(UUID orderId) {
        if (rows.release(orderId) > 0) {
            metrics.redemption("released");
        }
    }
}
