package io.ticketrush.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The door's window: the performance's day in Seoul, from six hours before the start. */
class CheckInWindowTest {

    private final CheckInWindow window = new CheckInWindow(ZoneId.of("Asia/Seoul"), Duration.ofHours(6), Duration.ofHours(4));

    @Test
    void anEveningShowAdmitsFromSixHoursBeforeUntilMidnightInSeoul() {
        Instant start = Instant.parse("2027-01-09T10:00:00Z"); // 19:00 KST

        assertThat(window.admitsAt(start, Instant.parse("2027-01-09T03:59:59Z"))).as("13:59 KST").isFalse();
        assertThat(window.admitsAt(start, Instant.parse("2027-01-09T04:00:00Z"))).as("14:00 KST").isTrue();
        assertThat(window.admitsAt(start, Instant.parse("2027-01-09T14:59:59Z"))).as("23:59:59 KST").isTrue();
        assertThat(window.admitsAt(start, Instant.parse("2027-01-09T15:00:00Z"))).as("midnight KST").isFalse();
        assertThat(window.admitsAt(start, Instant.parse("2027-01-08T10:00:00Z"))).as("the day before").isFalse();
        assertThat(window.day(start)).isEqualTo(LocalDate.parse("2027-01-09"));
    }

    @Test
    void aLateShowStillAdmitsLatecomersAfterMidnight() {
        Instant start = Instant.parse("2027-01-09T14:00:00Z"); // 23:00 KST

        assertThat(window.closesAt(start)).isEqualTo(Instant.parse("2027-01-09T18:00:00Z"));
        assertThat(window.admitsAt(start, Instant.parse("2027-01-09T15:30:00Z"))).as("00:30 KST the next day").isTrue();
        assertThat(window.admitsAt(start, Instant.parse("2027-01-09T18:00:00Z"))).isFalse();
    }

    @Test
    void theDayIsSeoulsEvenWhenUtcSaysOtherwise() {
        Instant start = Instant.parse("2027-01-08T23:30:00Z"); // 08:30 KST on the 9th

        assertThat(window.day(start)).isEqualTo(LocalDate.parse("2027-01-09"));
        assertThat(window.opensAt(start)).isEqualTo(Instant.parse("2027-01-08T17:30:00Z"));
        assertThat(window.closesAt(start)).isEqualTo(Instant.parse("2027-01-09T15:00:00Z"));
    }
}
