package io.ticketrush.benchmark;

import io.ticketrush.benchmark.persistence.BaselineCouponRows;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Sets up a baseline campaign: its stock row, with the same quantity, limit and window as a real one. */
@Component
@Profile("benchmark")
public class BaselineCampaigns {

    private final BaselineCouponRows rows;
    private final Clock clock;

    BaselineCampaigns(BaselineCouponRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public UUID create(int totalQuantity, int perPersonLimit, Instant startsAt, Instant endsAt) {
        UUID id = Ids.next();
        rows.insertStock(id, totalQuantity, perPersonLimit, startsAt, endsAt, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return id;
    }
}
