package io.ticketrush.benchmark.web;

import io.ticketrush.benchmark.BaselineCampaigns;
import io.ticketrush.benchmark.BaselineCoupon;
import io.ticketrush.benchmark.PessimisticCoupons;
import io.ticketrush.benchmark.RedissonCoupons;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coupon baselines over HTTP, with the shape of {@code POST /api/v1/coupon-campaigns/{id}/claims}
 * (201 {@code couponId}; 409 {@code sold-out}, {@code already-claimed}, {@code campaign-not-active}).
 * A baseline campaign is set up by an organizer with the real campaign's quantity, limit and window.
 * Exists only under the {@code benchmark} profile.
 */
@RestController
@Profile("benchmark")
class BaselineCouponController {

    private final BaselineCampaigns campaigns;
    private final PessimisticCoupons pessimistic;
    private final RedissonCoupons redisson;

    BaselineCouponController(BaselineCampaigns campaigns, PessimisticCoupons pessimistic, RedissonCoupons redisson) {
        this.campaigns = campaigns;
        this.pessimistic = pessimistic;
        this.redisson = redisson;
    }

    record CampaignBody(@NotNull @Min(1) @Max(10_000_000) Integer totalQuantity,
            @NotNull @Min(1) @Max(100) Integer perPersonLimit, @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt) {
    }

    record CampaignResponse(UUID campaignId, int totalQuantity, int perPersonLimit, Instant startsAt, Instant endsAt) {
    }

    record ClaimResponse(UUID couponId, UUID campaignId, Instant claimedAt) {
        static ClaimResponse of(BaselineCoupon c) {
            return new ClaimResponse(c.couponId(), c.campaignId(), c.claimedAt());
        }
    }

    @PostMapping("/benchmark/baseline/coupon-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignResponse create(@Valid @RequestBody CampaignBody body) {
        if (!Caller.current().hasRole("ORGANIZER")) {
            throw new DomainException(403, "forbidden", "Your role does not allow this");
        }
        if (!body.endsAt().isAfter(body.startsAt()) || body.perPersonLimit() > body.totalQuantity()) {
            throw DomainException.badRequest("validation-failed", "endsAt must follow startsAt; the limit cannot exceed the quantity")
                    .with("errors", List.of(Map.of("field", "endsAt", "message", "must follow startsAt and the limit the quantity")));
        }
        UUID id = campaigns.create(body.totalQuantity(), body.perPersonLimit(), body.startsAt().toInstant(),
                body.endsAt().toInstant());
        return new CampaignResponse(id, body.totalQuantity(), body.perPersonLimit(), body.startsAt().toInstant(),
                body.endsAt().toInstant());
    }

    @PostMapping("/benchmark/baseline/pessimistic/coupon-campaigns/{campaignId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimResponse pessimistic(@PathVariable UUID campaignId) {
        return ClaimResponse.of(pessimistic.claim(campaignId, Caller.current().userId()));
    }

    @PostMapping("/benchmark/baseline/redisson/coupon-campaigns/{campaignId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    ClaimResponse redisson(@PathVariable UUID campaignId) {
        return ClaimResponse.of(redisson.claim(campaignId, Caller.current().userId()));
    }
}
