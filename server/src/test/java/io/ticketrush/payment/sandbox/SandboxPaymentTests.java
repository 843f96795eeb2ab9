package io.ticketrush.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.payment.sandbox.SandboxPayment.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sandbox payment's own rules, without a server. */
class SandboxPaymentTests {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final SandboxPayment checkedOut = SandboxPayment.checkedOut("pk", "order-1", 10_000, TestCard.APPROVES, NOW);

    @Test
    void testCardsAreKnownWithOrWithoutDashes() {
        assertThat(TestCard.byNumber("4000-0000-0000-0009")).contains(TestCard.TIMES_OUT_ONCE);
        assertThat(TestCard.byNumber("4000 0000 0000 0010")).contains(TestCard.SLOW);
        assertThat(TestCard.byNumber("4000000000000002")).contains(TestCard.DECLINES);
        assertThat(TestCard.byNumber("4000-0000-0000-0001")).isEmpty();
        assertThat(TestCard.APPROVES.maskedNumber()).isEqualTo("40000000****000*");
    }

    @Test
    void anApprovedPaymentIsCancelledInPartsDownToZero() {
        SandboxPayment approved = checkedOut.approve(NOW);
        SandboxPayment partly = approved.cancel(4_000L, "one seat", "tx1", NOW.plusSeconds(60));
        SandboxPayment fully = partly.cancel(null, "the rest", "tx2", NOW.plusSeconds(120));

        assertThat(approved.status()).isEqualTo(Status.DONE);
        assertThat(partly.status()).isEqualTo(Status.PARTIAL_CANCELED);
        assertThat(partly.balanceAmount()).isEqualTo(6_000);
        assertThat(fully.status()).isEqualTo(Status.CANCELED);
        assertThat(fully.balanceAmount()).isZero();
        assertThat(fully.lastCancel().cancelAmount()).isEqualTo(6_000);
        assertThat(fully.cancels()).hasSize(2);
        assertThat(fully.approvedAt()).isEqualTo(NOW);
    }

    @Test
    void refundsAreRefusedBeyondTheBalanceAndBeforeTheCapture() {
        SandboxPayment approved = checkedOut.approve(NOW);
        assertThatThrownBy(() -> approved.cancel(10_001L, "too much", "tx", NOW))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> assertThat(r.code()).isEqualTo("NOT_CANCELABLE_AMOUNT"));
        assertThatThrownBy(() -> approved.cancel(0L, "nothing", "tx", NOW))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> assertThat(r.code()).isEqualTo("NOT_CANCELABLE_AMOUNT"));
        assertThatThrownBy(() -> checkedOut.cancel(null, "not captured", "tx", NOW))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> assertThat(r.code()).isEqualTo("NOT_CANCELABLE_PAYMENT"));
        SandboxPayment cancelled = approved.cancel(null, "all", "tx", NOW);
        assertThatThrownBy(() -> cancelled.cancel(null, "again", "tx2", NOW))
                .isInstanceOfSatisfying(GatewayRefusal.class, r -> assertThat(r.code()).isEqualTo("ALREADY_CANCELED_PAYMENT"));
    }

    @Test
    void aPaymentIsDecidedOnlyOnce() {
        SandboxPayment aborted = checkedOut.abort(new SandboxPayment.Failure("REJECT_CARD_PAYMENT", "declined"));
        assertThat(aborted.status()).isEqualTo(Status.ABORTED);
        assertThat(aborted.status().captured()).isFalse();
        assertThatThrownBy(() -> aborted.approve(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> checkedOut.approve(NOW).approve(NOW)).isInstanceOf(IllegalStateException.class);
    }
}
