package io.ticketrush.promotion;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an organizer asks for. {@code usableUntil} defaults to {@code endsAt}: a coupon is
 * usable from the campaign's start until then.
 */
public record CampaignPlan(String name, Discount discount, int totalQuantity, int perPersonLimit, Instant startsAt,
        Instant endsAt, @Nullable Instant usableUntil, long minOrderAmount, @Nullable UUID eventId) {
}
