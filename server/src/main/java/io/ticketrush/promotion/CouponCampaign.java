package io.ticketrush.promotion;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A limited coupon campaign: {@code totalQuantity} coupons, at most {@code perPersonLimit} per fan,
 * claimable from {@code startsAt} until {@code endsAt}, usable on orders until {@code usableUntil},
 * optionally only for one event and from a minimum order amount. It belongs to its organizer: its
 * coupons pay only for that organizer's events, unless an ADMIN made it {@code siteWide}.
 */
public record CouponCampaign(UUID id, UUID organizerId, String name, Discount discount, int totalQuantity,
        int perPersonLimit, Instant startsAt, Instant endsAt, Instant usableUntil, long minOrderAmount,
        @Nullable UUID eventId, boolean siteWide, Instant createdAt, @Nullable Instant settledAt,
        @Nullable Integer settledIssued) {

    /** Whether a coupon of this campaign may pay for {@code eventId}, an event of {@code eventOrganizerId}. */
    public boolean appliesTo(UUID eventId, UUID eventOrganizerId) {
        if (this.eventId != null) {
            return this.eventId.equals(eventId);
        }
        return siteWide || organizerId.equals(eventOrganizerId);
    }

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
