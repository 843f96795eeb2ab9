package io.ticketrush.promotion;

import io.ticketrush.catalog.Catalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the pages offer a fan: the campaigns of an event open for claims right now, and which of
 * the fan's coupons would apply to an order (with the discount each gives). The same checks as
 * {@link CouponRedemptions#reserve} decide, which still has the last word when the order is placed.
 */
@Component
public class CouponOffers {

    /** One of the fan's coupons that applies to an order of {@code subtotal}, and the won it takes off. */
    public record Usable(Coupon coupon, long discount) {
    }

    private final LiveCampaigns live;
    private final CouponCampaigns campaigns;
    private final MyCoupons mine;
    private final Catalog catalog;
    private final Clock clock;

    CouponOffers(LiveCampaigns live, CouponCampaigns campaigns, MyCoupons mine, Catalog catalog, Clock clock) {
        this.live = live;
        this.campaigns = campaigns;
        this.mine = mine;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Campaigns for this event that accept claims now, with their live counts. */
    public List<CouponCampaigns.View> claimableFor(UUID eventId) {
        Instant now = clock.instant();
        return live.current().stream()
                .filter(c -> eventId.equals(c.eventId()) && c.statusAt(now) == CampaignStatus.ACTIVE)
                .map(c -> campaigns.view(c.id()))
                .toList();
    }

    /** The fan's coupons that can pay part of an order of {@code subtotal} for this event, best discount first. */
    public List<Usable> usableOn(UUID userId, UUID eventId, long subtotal) {
        Instant now = clock.instant();
        UUID organizer = catalog.organizerOf(eventId).orElse(null);
        if (organizer == null) {
            return List.of();
        }
        return mine.of(userId).stream()
                .filter(c -> c.stateAt(now) == Coupon.State.AVAILABLE)
                .filter(c -> c.campaign().usableAt(now))
                .filter(c -> c.campaign().appliesTo(eventId, organizer))
                .filter(c -> subtotal >= c.campaign().minOrderAmount())
                .map(c -> new Usable(c, c.campaign().discount().off(subtotal)))
                .sorted(java.util.Comparator.comparingLong(Usable::discount).reversed())
                .toList();
    }
}
