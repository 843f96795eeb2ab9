package io.ticketrush.order;

import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The cancellation fee by days before the show, as Korean ticket sites apply it (Asia/Seoul
 * calendar days): 10 days or more before — no fee; 9–7 days — 10%; 6–3 days — 20%; 2–1 days —
 * 30%; on the day of the show — no cancellation. Cancelling on the day of purchase is free as
 * long as the show is not that day or the next. Fees are whole won, rounded down.
 */
public final class CancellationPolicy {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private CancellationPolicy() {
    }

    public record Terms(long fee, long refund, int daysBefore) {
    }

    public static Terms terms(long paidAmount, Instant paidAt, Instant showStartsAt, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, SEOUL);
        LocalDate showDay = LocalDate.ofInstant(showStartsAt, SEOUL);
        int daysBefore = (int) ChronoUnit.DAYS.between(today, showDay);
        if (daysBefore < 1 || !now.isBefore(showStartsAt)) {
            throw DomainException.conflict("cancellation-closed", "Tickets cannot be cancelled on the day of the show");
        }
        boolean boughtToday = LocalDate.ofInstant(paidAt, SEOUL).equals(today);
        int percent = boughtToday && daysBefore >= 2 ? 0 : percentFor(daysBefore);
        long fee = paidAmount * percent / 100;
        return new Terms(fee, paidAmount - fee, daysBefore);
    }

    static int percentFor(int daysBefore) {
        if (daysBefore >= 10) {
            return 0;
        }
        if (daysBefore >= 7) {
            return 10;
        }
        if (daysBefore >= 3) {
            return 20;
        }
        return 30;
    }
}
