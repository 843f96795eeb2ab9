package io.ticketrush.promotion.web;

import io.ticketrush.promotion.CampaignPlan;
import io.ticketrush.promotion.ClaimCoupon;
import io.ticketrush.promotion.Coupon;
import io.ticketrush.promotion.CouponCampaign;
import io.ticketrush.promotion.CouponCampaigns;
import io.ticketrush.promotion.Discount;
import io.ticketrush.promotion.DiscountType;
import io.ticketrush.promotion.MyCoupons;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignController {

    private final CouponCampaigns campaigns;
    private final ClaimCoupon claimCoupon;
    private final MyCoupons myCoupons;
    private final Clock clock;

    CampaignController(CouponCampaigns campaigns, ClaimCoupon claimCoupon, MyCoupons myCoupons, Clock clock) {
        this.campaigns = campaigns;
        this.claimCoupon = claimCoupon;
        this.myCoupons = myCoupons;
        this.clock = clock;
    }

    record DiscountBody(@NotNull @Pattern(regexp = "FIXED|PERCENT", message = "FIXED or PERCENT") String type,
            @NotNull @Min(1) @Max(100_000_000) Long value) {
    }

    record CampaignBody(@NotBlank @Size(max = 100) String name, @NotNull @Valid DiscountBody discount,
            @NotNull @Min(1) @Max(10_000_000) Integer totalQuantity, @NotNull @Min(1) @Max(100) Integer perPersonLimit,
            @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, @Nullable OffsetDateTime usableUntil,
            @Nullable @PositiveOrZero @Max(1_000_000_000) Long minOrderAmount,
            @Nullable @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an event id") String eventId,
            @Nullable Boolean siteWide) {

        CampaignPlan toPlan() {
            DiscountType type = DiscountType.valueOf(discount.type());
            if (type == DiscountType.PERCENT && discount.value() > 100) {
                throw invalid("discount.value", "a percentage is at most 100");
            }
            UUID event;
            try {
                event = eventId == null ? null : UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                throw invalid("eventId", "must be an event id");
            }
            return new CampaignPlan(name.strip(), new Discount(type, discount.value()), totalQuantity, perPersonLimit,
                    startsAt.toInstant(), endsAt.toInstant(), usableUntil == null ? null : usableUntil.toInstant(),
                    minOrderAmount == null ? 0 : minOrderAmount, event, Boolean.TRUE.equals(siteWide));
        }

        private static DomainException invalid(String field, String message) {
            return DomainException.badRequest("validation-failed", "The request has invalid fields")
                    .with("errors", List.of(Map.of("field", field, "message", message)));
        }
    }

    record CampaignResponse(UUID campaignId, String name, Discount discount, int totalQuantity, int perPersonLimit,
            int issued, int remaining, Instant startsAt, Instant endsAt, Instant usableUntil, long minOrderAmount,
            @Nullable UUID eventId, boolean siteWide, String status) {

        static CampaignResponse of(CouponCampaigns.View v) {
            CouponCampaign c = v.campaign();
            return new CampaignResponse(c.id(), c.name(), c.discount(), c.totalQuantity(), c.perPersonLimit(), v.issued(),
                    v.remaining(), c.startsAt(), c.endsAt(), c.usableUntil(), c.minOrderAmount(), c.eventId(),
                    c.siteWide(), v.status().name());
        }
    }

    record ClaimResponse(UUID couponId, UUID campaignId, Discount discount, Instant claimedAt) {
    }

    record CouponResponse(UUID couponId, UUID campaignId, String campaignName, Discount discount, String status,
            Instant claimedAt, Instant usableUntil, long minOrderAmount, @Nullable UUID eventId,
            @Nullable UUID orderId, @Nullable Instant usedAt) {

        static CouponResponse of(Coupon c, Instant now) {
            CouponCampaign k = c.campaign();
            return new CouponResponse(c.id(), k.id(), k.name(), k.discount(), c.stateAt(now).name(), c.claimedAt(),
                    k.usableUntil(), k.minOrderAmount(), k.eventId(), c.orderId(), c.usedAt());
        }
    }

    @PostMapping("/api/v1/coupon-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    CampaignResponse create(@Valid @RequestBody CampaignBody body) {
        CouponCampaign campaign = campaigns.create(Caller.current(), body.toPlan());
        return CampaignResponse.of(campaigns.view(campaign.id()));
    }

    @GetMapping("/api/v1/coupon-campaigns/{campaignId}")
    CampaignResponse get(@PathVariable UUID campaignId) {
        return CampaignResponse.of(campaigns.view(campaignId));
    }

    @GetMapping("/api/v1/organizer/coupon-campaigns")
    Map<String, List<CampaignResponse>> own() {
        return Map.of("items", campaigns.ofOrganizer(Caller.current().userId()).stream().map(CampaignResponse::of).toList());
    }

    @PostMapping("/api/v1/coupon-campaigns/{campaignId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimResponse claim(@PathVariable UUID campaignId) {
        ClaimCoupon.Claimed claimed = claimCoupon.claim(campaignId, Caller.current().userId());
        return new ClaimResponse(claimed.couponId(), claimed.campaignId(), claimed.discount(), claimed.claimedAt());
    }

    @GetMapping("/api/v1/me/coupons")
    Map<String, List<CouponResponse>> mine() {
        Instant now = clock.instant();
        return Map.of("items", myCoupons.of(Caller.current().userId()).stream().map(c -> CouponResponse.of(c, now)).toList());
    }
}
