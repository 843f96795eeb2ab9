package io.ticketrush.promotion;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an organizer asks for. {@code usableUntil} defaults to {@code endsAt}: a coupon is
 * usable from the campaign's start until then. Without an event, the coupons pay for any event of
 * the organizer; {@code siteWide} (ADMIN only, no event) for every organizer's events.
 */
public record CampaignPlan(String name, Discount discount, int totalQuantity, int perPersonLimit, Instant startsAt,
        Instant endsAt, @Nullable Instant usableUntil, long minOrderAmount, @Nullable UUID eventId, boolean siteWide) {

    public CampaignPlan(String name, Discount discount, int totalQuantity, int perPersonLimit, Instant startsAt,
            Instant endsAt, @Nullable Instant usableUntil, long minOrderAmount, @Nullable UUID eventId) {
        this(name, discount, totalQuantity, perPersonLimit, startsAt, endsAt, usableUntil, minOrderAmount, eventId, false);
    }
}
