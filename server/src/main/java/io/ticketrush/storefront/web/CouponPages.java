package io.ticketrush.storefront.web;

import io.ticketrush.promotion.ClaimCoupon;
import io.ticketrush.promotion.Coupon;
import io.ticketrush.promotion.CouponCampaign;
import io.ticketrush.promotion.CouponCampaigns;
import io.ticketrush.promotion.MyCoupons;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Coupons on pages: claiming one from an event's page (the promotion module's one-step claim, the
 * same as {@code POST /api/v1/coupon-campaigns/{id}/claims}) and the fan's coupon box.
 */
@Controller
@PageFrame
class CouponPages {

    private final ClaimCoupon claimCoupon;
    private final CouponCampaigns campaigns;
    private final MyCoupons myCoupons;
    private final Clock clock;

    CouponPages(ClaimCoupon claimCoupon, CouponCampaigns campaigns, MyCoupons myCoupons, Clock clock) {
        this.claimCoupon = claimCoupon;
        this.campaigns = campaigns;
        this.myCoupons = myCoupons;
        this.clock = clock;
    }

    /** A coupon as the coupon box lists it, with the state it is in now. */
    record CouponLine(Coupon coupon, Coupon.State state) {
    }

    @PostMapping("/coupon-campaigns/{campaignId}/claim")
    String claim(@PathVariable UUID campaignId) {
        CouponCampaign campaign = campaigns.find(campaignId);
        UriComponentsBuilder back = campaign.eventId() == null ? UriComponentsBuilder.fromPath("/my/coupons")
                : UriComponentsBuilder.fromPath("/events/{id}").uriVariables(java.util.Map.of("id", campaign.eventId()));
        try {
            claimCoupon.claim(campaignId, Caller.current().userId());
            back.queryParam("claimed", campaignId);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            back.queryParam("couponError", e.code());
        }
        return "redirect:" + back.fragment("coupons").build().toUriString();
    }

    @GetMapping("/my/coupons")
    String myCoupons(Model model) {
        Instant now = clock.instant();
        List<CouponLine> lines = myCoupons.of(Caller.current().userId()).stream()
                .map(c -> new CouponLine(c, c.stateAt(now)))
                .toList();
        model.addAttribute("coupons", lines);
        model.addAttribute("tab", "coupons");
        return "storefront/my";
    }
}
