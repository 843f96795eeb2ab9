package io.ticketrush.promotion;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A limited coupon campaign: {@code totalQuantity} coupons, at most {@code perPersonLimit} per fan,
 * claimable from {@code startsAt} until {@code endsAt}, usable on orders until {@code usableUntil},
 * optionally only for one event and from a minimum order amount.
 */
public record CouponCampaign(UUID id, UUID organizerId, String name, Discount discount, int totalQuantity,
        int perPersonLimit, Instant startsAt, Instant endsAt, Instant usableUntil, long minOrderAmount,
        @Nullable UUID eventId, Instant createdAt, @Nullable Instant settledAt, @Nullable Integer settledIssued) {

    public CampaignStatus statusAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return CampaignStatus.SCHEDULED;
        }
        return now.isBefore(endsAt) ? CampaignStatus.ACTIVE : CampaignStatus.ENDED;
    }

    public boolean settled() {
        return settledAt != null;
    }

    /** Whether a coupon of this campaign may pay an order at {@code now}. */
    public boolean usableAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(usableUntil);
    }
}
