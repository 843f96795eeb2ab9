package io.ticketrush.storefront;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * How the pages write money, dates and seats, in the reader's language. Times are shown in
 * Korea's time zone whatever the server's: the shows are there. Used from templates as {@code @fmt}.
 */
@NamedInterface("frame")
@Component("fmt")
public class PageFormats {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KO_DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static boolean korean() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** 165,000원 — or ₩165,000 in English. */
    public String money(long won) {
        String digits = NumberFormat.getIntegerInstance(Locale.KOREA).format(won);
        return korean() ? digits + "원" : "₩" + digits;
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(value);
    }

    /** 2026.12.24 (목) — or Thu, Dec 24, 2026. */
    public String date(Instant instant) {
        var day = instant.atZone(SEOUL);
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, korean() ? Locale.KOREAN : Locale.ENGLISH);
        return korean() ? day.format(KO_DATE) + " (" + weekday + ")" : weekday + ", " + day.format(EN_DATE);
    }

    public String time(Instant instant) {
        return instant.atZone(SEOUL).format(TIME);
    }

    public String timeWithSeconds(Instant instant) {
        return instant.atZone(SEOUL).format(TIME_SECONDS);
    }

    public String dateTime(Instant instant) {
        return date(instant) + " " + time(instant);
    }

    /** For countdowns in the browser: an ISO-8601 instant. */
    public String iso(Instant instant) {
        return instant.toString();
    }

    /** 4:59 — minutes and seconds left until {@code end}, never negative. */
    public String clock(Instant end, Instant now) {
        long seconds = Math.max(0, Duration.between(now, end).toSeconds());
        return "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    /** Hue (0–359) of an event's generated poster: stable for the event, varied across events. */
    public int hue(UUID id) {
        return Math.floorMod(id.hashCode() * 37, 360);
    }
}
