package io.ticketrush.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the door admits a performance's tickets: from {@code opensBefore} before the start until the
 * end of the performance's day in {@code zone} (and never sooner than {@code closesAfter} after the
 * start, so a late show still admits latecomers after midnight).
 *
 * @param zone        whose calendar day "the performance's day" is
 * @param opensBefore how long before the start the door opens
 * @param closesAfter the least time after the start the door stays open
 */
@ConfigurationProperties("ticketrush.ticket.check-in-window")
public record CheckInWindow(@DefaultValue("Asia/Seoul") ZoneId zone, @DefaultValue("PT6H") Duration opensBefore,
        @DefaultValue("PT4H") Duration closesAfter) {

    public Instant opensAt(Instant startsAt) {
        return startsAt.minus(opensBefore);
    }

    public Instant closesAt(Instant startsAt) {
        Instant endOfDay = day(startsAt).plusDays(1).atStartOfDay(zone).toInstant();
        Instant latest = startsAt.plus(closesAfter);
        return endOfDay.isAfter(latest) ? endOfDay : latest;
    }

    public boolean admitsAt(Instant startsAt, Instant now) {
        return !now.isBefore(opensAt(startsAt)) && now.isBefore(closesAt(startsAt));
    }

    /** The performance's day in the window's zone. */
    public LocalDate day(Instant startsAt) {
        return LocalDate.ofInstant(startsAt, zone);
    }
}
