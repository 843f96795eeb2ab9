package io.ticketrush.promotion;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.promotion.persistence.CampaignRows;
import io.ticketrush.promotion.persistence.CouponRows;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Organizers create campaigns; anyone reads one with its live counts. A campaign is stored in
 * PostgreSQL, then opened in Redis; if opening fails, the first claim opens it (from PostgreSQL).
 */
@Component
public class CouponCampaigns {

    private static final Log log = LogFactory.getLog(CouponCampaigns.class);

    /** A campaign with what Redis (or, once settled, PostgreSQL) says has been issued. */
    public record View(CouponCampaign campaign, int issued, CampaignStatus status) {
        public int remaining() {
            return Math.max(0, campaign.totalQuantity() - issued);
        }
    }

    private final CampaignRows rows;
    private final CouponRows coupons;
    private final ClaimGate gate;
    private final ClaimStream stream;
    private final LiveCampaigns live;
    private final Catalog catalog;
    private final Clock clock;

    CouponCampaigns(CampaignRows rows, CouponRows coupons, ClaimGate gate, ClaimStream stream, LiveCampaigns live,
            Catalog catalog, Clock clock) {
        this.rows = rows;
        this.coupons = coupons;
        this.gate = gate;
        this.stream = stream;
        this.live = live;
        this.catalog = catalog;
        this.clock = clock;
    }

    public CouponCampaign create(Caller caller, CampaignPlan plan) {
        if (plan.siteWide() && !caller.hasRole("ADMIN")) {
            throw new DomainException(403, "site-wide-campaign-forbidden",
                    "Only an administrator creates a campaign for every organizer's events");
        }
        UUID organizerId = caller.userId();
        Instant now = clock.instant();
        Instant usableUntil = plan.usableUntil() == null ? plan.endsAt() : plan.usableUntil();
        FieldErrors errors = new FieldErrors()
                .check(plan.endsAt().isAfter(plan.startsAt()), "endsAt", "must be after startsAt")
                .check(plan.endsAt().isAfter(now), "endsAt", "must be in the future")
                .check(!usableUntil.isBefore(plan.endsAt()), "usableUntil", "must not be before endsAt")
                .check(plan.perPersonLimit() <= plan.totalQuantity(), "perPersonLimit", "must not exceed totalQuantity")
                .check(plan.discount().type() != DiscountType.PERCENT || plan.discount().value() <= 100,
                        "discount.value", "a percentage is at most 100")
                .check(!plan.siteWide() || plan.eventId() == null, "siteWide", "a site-wide campaign has no event");
        if (plan.eventId() != null) {
            boolean ownEvent = catalog.event(plan.eventId()).filter(e -> e.ownedBy(organizerId)).isPresent();
            errors.check(ownEvent, "eventId", "no such event of yours");
        }
        errors.throwIfAny();
        CouponCampaign campaign = new CouponCampaign(Ids.next(), organizerId, plan.name(), plan.discount(),
                plan.totalQuantity(), plan.perPersonLimit(), millis(plan.startsAt()), millis(plan.endsAt()),
                millis(usableUntil), plan.minOrderAmount(), plan.eventId(), plan.siteWide(), millis(now), null, null);
        rows.insert(campaign);
        try {
            gate.restore(campaign, List.of(), 0, true);
            stream.ensureGroup(campaign.id());
        } catch (RuntimeException e) {
            log.warn("Campaign %s stored but not opened in Redis; the first claim opens it: %s".formatted(campaign.id(), e));
        }
        live.opened(campaign);
        return campaign;
    }

    public CouponCampaign find(UUID campaignId) {
        return rows.find(campaignId).orElseThrow(CouponCampaigns::unknown);
    }

    public View view(UUID campaignId) {
        return view(find(campaignId));
    }

    private View view(CouponCampaign campaign) {
        UUID campaignId = campaign.id();
        int issued = campaign.settled() && campaign.settledIssued() != null ? campaign.settledIssued()
                : gate.issued(campaignId).orElseGet(() -> coupons.count(campaignId));
        return new View(campaign, issued, campaign.statusAt(clock.instant()));
    }

    public List<View> ofOrganizer(UUID organizerId) {
        return rows.ofOrganizer(organizerId, 100).stream().map(this::view).toList();
    }

    static DomainException unknown() {
        return DomainException.notFound("unknown-campaign", "No such coupon campaign");
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
