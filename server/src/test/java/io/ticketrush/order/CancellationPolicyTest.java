package io.ticketrush.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.shared.DomainException;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CancellationPolicyTest {

    private static final Instant SHOW = ZonedDateTime.parse("2026-12-24T19:00:00+09:00[Asia/Seoul]").toInstant();
    private static final Instant PAID_LONG_AGO = ZonedDateTime.parse("2026-11-01T12:00:00+09:00[Asia/Seoul]").toInstant();

    private static Instant daysBefore(int days, String time) {
        return ZonedDateTime.parse("2026-12-24T" + time + "+09:00[Asia/Seoul]").minusDays(days).toInstant();
    }

    @Test
    void feeGrowsAsTheShowApproaches() {
        assertThat(CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(10, "23:59:00")).fee()).isZero();
        assertThat(CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(9, "00:01:00")).fee()).isEqualTo(10_000);
        assertThat(CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(7, "12:00:00")).fee()).isEqualTo(10_000);
        assertThat(CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(6, "12:00:00")).fee()).isEqualTo(20_000);
        assertThat(CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(3, "12:00:00")).fee()).isEqualTo(20_000);
        assertThat(CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(2, "12:00:00")).fee()).isEqualTo(30_000);
        CancellationPolicy.Terms dayBefore = CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(1, "23:00:00"));
        assertThat(dayBefore.fee()).isEqualTo(30_000);
        assertThat(dayBefore.refund()).isEqualTo(70_000);
        assertThat(dayBefore.daysBefore()).isEqualTo(1);
    }

    @Test
    void noCancellationOnTheDayOfTheShow() {
        assertThatThrownBy(() -> CancellationPolicy.terms(100_000, PAID_LONG_AGO, SHOW, daysBefore(0, "09:00:00")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("cancellation-closed");
    }

    @Test
    void cancellingOnTheDayOfPurchaseIsFreeUnlessTheShowIsTomorrow() {
        Instant paid = daysBefore(5, "10:00:00");
        assertThat(CancellationPolicy.terms(100_000, paid, SHOW, daysBefore(5, "22:00:00")).fee()).isZero();
        assertThat(CancellationPolicy.terms(100_000, paid, SHOW, daysBefore(4, "00:10:00")).fee()).isEqualTo(20_000);
        Instant paidDayBefore = daysBefore(1, "10:00:00");
        assertThat(CancellationPolicy.terms(100_000, paidDayBefore, SHOW, daysBefore(1, "11:00:00")).fee()).isEqualTo(30_000);
    }

    @Test
    void feesRoundDownToWholeWon() {
        CancellationPolicy.Terms terms = CancellationPolicy.terms(99_999, PAID_LONG_AGO, SHOW, daysBefore(8, "12:00:00"));
        assertThat(terms.fee()).isEqualTo(9_999);
        assertThat(terms.refund()).isEqualTo(90_000);
    }
}
