package io.ticketrush.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The order lifecycle's transition table, Spring-free: every move from every one of the 6 × 8
 * states, the allowed ones listed with the state they lead to, all others refused.
 */
class OrderLifecycleTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    /** Every allowed move: "MOVE from -> to". Anything not listed here must be refused. */
    static final List<String> ALLOWED = List.of(
            "START_PAYMENT PENDING_PAYMENT/NONE -> PENDING_PAYMENT/CONFIRMING",
            "START_PAYMENT PENDING_PAYMENT/DECLINED -> PENDING_PAYMENT/CONFIRMING",
            "START_PAYMENT PENDING_PAYMENT/CONFIRMING -> PENDING_PAYMENT/CONFIRMING",
            "START_PAYMENT PENDING_PAYMENT/UNKNOWN -> PENDING_PAYMENT/CONFIRMING",
            "LOSE_ANSWER PENDING_PAYMENT/CONFIRMING -> PENDING_PAYMENT/UNKNOWN",
            "PAY PENDING_PAYMENT/CONFIRMING -> PAID/APPROVED",
            "PAY PENDING_PAYMENT/UNKNOWN -> PAID/APPROVED",
            "DECLINE PENDING_PAYMENT/CONFIRMING -> PAYMENT_FAILED/DECLINED",
            "DECLINE PENDING_PAYMENT/UNKNOWN -> PAYMENT_FAILED/DECLINED",
            "NOTHING_CAPTURED PENDING_PAYMENT/CONFIRMING -> PENDING_PAYMENT/DECLINED",
            "NOTHING_CAPTURED PENDING_PAYMENT/UNKNOWN -> PENDING_PAYMENT/DECLINED",
            "NOTHING_CAPTURED EXPIRED/CONFIRMING -> EXPIRED/DECLINED",
            "NOTHING_CAPTURED EXPIRED/UNKNOWN -> EXPIRED/DECLINED",
            "NOTHING_CAPTURED CANCELLED/CONFIRMING -> CANCELLED/DECLINED",
            "NOTHING_CAPTURED CANCELLED/UNKNOWN -> CANCELLED/DECLINED",
            "EXPIRE PENDING_PAYMENT/NONE -> EXPIRED/NONE",
            "EXPIRE PENDING_PAYMENT/DECLINED -> EXPIRED/DECLINED",
            "EXPIRE PENDING_PAYMENT/CONFIRMING -> EXPIRED/CONFIRMING",
            "EXPIRE PENDING_PAYMENT/UNKNOWN -> EXPIRED/UNKNOWN",
            "EXPIRE PENDING_PAYMENT/MANUAL_REVIEW -> EXPIRED/MANUAL_REVIEW",
            "CANCEL_UNPAID PENDING_PAYMENT/NONE -> CANCELLED/NONE",
            "CANCEL_UNPAID PENDING_PAYMENT/DECLINED -> CANCELLED/DECLINED",
            "CANCEL_PAID PAID/APPROVED -> CANCELLED/REFUND_PENDING",
            "OWE_REFUND PENDING_PAYMENT/NONE -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND PENDING_PAYMENT/CONFIRMING -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND PENDING_PAYMENT/UNKNOWN -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND PENDING_PAYMENT/DECLINED -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND EXPIRED/NONE -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND EXPIRED/CONFIRMING -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND EXPIRED/UNKNOWN -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND EXPIRED/DECLINED -> EXPIRED/REFUND_PENDING",
            "OWE_REFUND CANCELLED/NONE -> CANCELLED/REFUND_PENDING",
            "OWE_REFUND CANCELLED/CONFIRMING -> CANCELLED/REFUND_PENDING",
            "OWE_REFUND CANCELLED/UNKNOWN -> CANCELLED/REFUND_PENDING",
            "OWE_REFUND CANCELLED/DECLINED -> CANCELLED/REFUND_PENDING",
            "OWE_REFUND PAYMENT_FAILED/NONE -> PAYMENT_FAILED/REFUND_PENDING",
            "OWE_REFUND PAYMENT_FAILED/CONFIRMING -> PAYMENT_FAILED/REFUND_PENDING",
            "OWE_REFUND PAYMENT_FAILED/UNKNOWN -> PAYMENT_FAILED/REFUND_PENDING",
            "OWE_REFUND PAYMENT_FAILED/DECLINED -> PAYMENT_FAILED/REFUND_PENDING",
            // an unpaid order (no paid_at in these samples) ends REFUNDED; a paid-then-cancelled one stays CANCELLED
            "SETTLE_REFUND EXPIRED/REFUND_PENDING -> REFUNDED/REFUNDED",
            "SETTLE_REFUND CANCELLED/REFUND_PENDING -> REFUNDED/REFUNDED",
            "SETTLE_REFUND PAYMENT_FAILED/REFUND_PENDING -> REFUNDED/REFUNDED",
            "CONFIRM_CAPTURE PAID/CONFIRMING -> PAID/APPROVED",
            "CONFIRM_CAPTURE PAID/UNKNOWN -> PAID/APPROVED");

    @Test
    void everyMoveFromEveryStateIsAllowedExactlyAsTheTableSays() {
        List<String> allowed = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            for (PaymentState payment : PaymentState.values()) {
                Order order = order(status, payment, null);
                for (OrderMove move : OrderMove.values()) {
                    if (move == OrderMove.GIVE_UP) {
                        continue; // below: from every status
                    }
                    if (move(order, move) instanceof Transition.Moved moved) {
                        assertThat(moved.from()).isEqualTo(order.state());
                        allowed.add(move + " " + moved.from() + " -> " + moved.to());
                    }
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    @Test
    void onlyAnUnsettledPaymentCanBeGivenUpToManualReviewAndItKeepsItsStatus() {
        for (OrderStatus status : OrderStatus.values()) {
            for (PaymentState payment : PaymentState.values()) {
                Transition t = order(status, payment, null).giveUp("why", NOW);
                if (payment.unsettled()) {
                    assertThat(t).isInstanceOf(Transition.Moved.class);
                    assertThat(((Transition.Moved) t).to()).isEqualTo(new OrderState(status, PaymentState.MANUAL_REVIEW));
                } else {
                    assertThat(t).as(status + "/" + payment).isInstanceOf(Transition.Refused.class);
                }
            }
        }
    }

    @Test
    void aCancelledPaidOrderStaysCancelledWhenItsRefundSettlesAndAnnouncesTheRefund() {
        Order cancelledPaid = order(OrderStatus.CANCELLED, PaymentState.REFUND_PENDING, NOW.minusSeconds(3600));
        Transition.Moved moved = (Transition.Moved) cancelledPaid.settleRefund(NOW, "cancelled by the fan");
        assertThat(moved.to()).isEqualTo(new OrderState(OrderStatus.CANCELLED, PaymentState.REFUNDED));
        assertThat(moved.event()).isEqualTo(new OrderEvents.OrderRefunded(cancelledPaid.id(), cancelledPaid.userId(),
                7_000, "cancelled by the fan"));
    }

    @Test
    void cancellingAPaidOrderRecordsTheRefundOwedAndAnnouncesTheCancellation() {
        Order paid = order(OrderStatus.PAID, PaymentState.APPROVED, NOW.minusSeconds(3600));
        Transition.Moved moved = (Transition.Moved) paid.cancelPaid(new CancellationPolicy.Terms(3_000, 7_000, 5), NOW,
                NOW.plusSeconds(5));
        assertThat(moved.to()).isEqualTo(new OrderState(OrderStatus.CANCELLED, PaymentState.REFUND_PENDING));
        assertThat(moved.changes().refundAmount()).isEqualTo(7_000);
        assertThat(moved.changes().cancellationFee()).isEqualTo(3_000);
        assertThat(moved.event()).isEqualTo(new OrderEvents.OrderCancelled(paid.id(), paid.userId(), paid.performanceId(),
                7_000, 3_000));
    }

    @Test
    void anotherPaymentKeyCannotStartWhileOneIsInFlight() {
        Order confirming = order(OrderStatus.PENDING_PAYMENT, PaymentState.CONFIRMING, null);
        assertThat(confirming.startPayment("pk-other", NOW)).isInstanceOf(Transition.Refused.class);
        assertThat(confirming.startPayment("pk-1", NOW)).isInstanceOf(Transition.Moved.class);
    }

    private static Transition move(Order order, OrderMove move) {
        return switch (move) {
            case START_PAYMENT -> order.startPayment("pk-1", NOW);
            case LOSE_ANSWER -> order.loseAnswer();
            case PAY -> order.pay(10_000, NOW);
            case DECLINE -> order.decline("REJECT_CARD_PAYMENT", NOW);
            case NOTHING_CAPTURED -> order.nothingCaptured();
            case EXPIRE -> order.expire(NOW);
            case CANCEL_UNPAID -> order.cancelUnpaid(NOW);
            case CANCEL_PAID -> order.cancelPaid(new CancellationPolicy.Terms(0, 10_000, 40), NOW, NOW);
            case OWE_REFUND -> order.oweRefund("pk-1", 10_000, NOW, NOW);
            case SETTLE_REFUND -> order.settleRefund(NOW, "test");
            case CONFIRM_CAPTURE -> order.confirmCapture();
            case GIVE_UP -> order.giveUp("test", NOW);
        };
    }

    private static Order order(OrderStatus status, PaymentState payment, Instant paidAt) {
        return new Order(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                NOW.plusSeconds(86_400 * 40), status, List.of(new Order.Item("A-1-1", "R", 10_000)), 10_000, 0, 10_000,
                null, NOW.plusSeconds(300), payment, "pk-1", paidAt == null ? null : 7_000L, null, NOW.minusSeconds(60),
                paidAt, 0);
    }
}
