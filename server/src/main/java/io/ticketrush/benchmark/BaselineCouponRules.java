package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineCouponRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What both coupon baselines do once they hold their lock, in the order the real claim script
 * checks it (claim window, the fan's count, the stock): read, check, insert the coupon, count it.
 * Must run inside the caller's transaction; the caller's lock is what keeps it exact.
 */
@Component
@Profile("benchmark")
class BaselineCouponRules {

    private final BaselineCouponRows rows;
    private final Clock clock;

    BaselineCouponRules(BaselineCouponRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    BaselineCoupon issue(BaselineCouponRows.Stock stock, UUID userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (now.isBefore(stock.startsAt()) || !now.isBefore(stock.endsAt())) {
            throw DomainException.conflict("campaign-not-active", "This campaign is not accepting claims now");
        }
        int held = rows.heldBy(stock.campaignId(), userId);
        if (held >= stock.perPersonLimit()) {
            throw DomainException.conflict("already-claimed",
                    "You already hold as many coupons of this campaign as one person may");
        }
        if (stock.issued() >= stock.totalQuantity()) {
            throw DomainException.conflict("sold-out", "All coupons of this campaign are gone");
        }
        BaselineCoupon coupon = new BaselineCoupon(Ids.next(), stock.campaignId(), userId, stock.issued() + 1, held + 1, now);
        rows.insertCoupon(coupon);
        rows.countIssued(stock.campaignId());
        return coupon;
    }

    static DomainException unknown() {
        return DomainException.notFound("unknown-campaign", "No such baseline campaign");
    }
}
