package io.ticketrush.promotion;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fan's coupon. {@code stored} is false while it is only in Redis (issued, not yet written to
 * PostgreSQL by the stream writer); such a coupon is stored on demand when an order uses it.
 */
public record Coupon(UUID id, CouponCampaign campaign, UUID userId, int seq, int fanSeq, Instant claimedAt,
        @Nullable UUID orderId, @Nullable Long discount, @Nullable Instant reservedAt, @Nullable Instant usedAt,
        boolean stored) {

    public enum State {
        /** Can be put on an order. */
        AVAILABLE,
        /** On an order waiting for payment. */
        RESERVED,
        /** Paid an order. */
        USED,
        /** Its campaign's usable period is over. */
        EXPIRED
    }

    static Coupon unstored(IssuedCoupon issued, CouponCampaign campaign) {
        return new Coupon(issued.couponId(), campaign, issued.userId(), issued.seq(), issued.fanSeq(),
                issued.claimedAt(), null, null, null, null, false);
    }

    public State stateAt(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (orderId != null) {
            return State.RESERVED;
        }
        return now.isBefore(campaign.usableUntil()) ? State.AVAILABLE : State.EXPIRED;
    }
}
