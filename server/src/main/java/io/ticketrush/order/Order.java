package io.ticketrush.order;

import io.ticketrush.order.Transition.Changes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order for the seats of one hold. Its state changes only through the moves below: each checks
 * the {@link OrderMove} table and returns the {@link Transition} (the next state and the event)
 * that {@code OrderRows.save} writes on the condition that nobody moved the order meanwhile.
 */
public record Order(UUID id, UUID userId, UUID holdId, UUID performanceId, UUID eventId, Instant performanceStartsAt,
        OrderStatus status, List<Item> items, long subtotal, long discount, long amount, @Nullable UUID couponId,
        Instant paymentDeadline, PaymentState paymentState, @Nullable String paymentKey,
        @Nullable Long refundAmount, @Nullable Long cancellationFee, Instant createdAt, @Nullable Instant paidAt,
        int settleAttempts) {

    public record Item(String seatId, String gradeCode, long price) {
    }

    public boolean ownedBy(UUID person) {
        return userId.equals(person);
    }

    public List<String> seatIds() {
        return items.stream().map(Item::seatId).toList();
    }

    public OrderState state() {
        return OrderState.of(this);
    }

    /** What a refund of this order gives back: the recorded refund, else (an order recorded before that) the amount. */
    public long owedRefund() {
        return refundAmount != null ? refundAmount : amount;
    }

    Transition startPayment(String key, Instant now) {
        boolean anotherInFlight = (paymentState == PaymentState.CONFIRMING || paymentState == PaymentState.UNKNOWN)
                && !key.equals(paymentKey);
        return anotherInFlight ? new Transition.Refused(OrderMove.START_PAYMENT, this)
                : move(OrderMove.START_PAYMENT, new Changes(key, now, null, null, null, null, null, null, null, true), null);
    }

    Transition loseAnswer() {
        return move(OrderMove.LOSE_ANSWER, Changes.NONE, null);
    }

    Transition pay(long approvedAmount, Instant now) {
        return move(OrderMove.PAY, new Changes(null, null, approvedAmount, null, null, now, null, null, null, false),
                new OrderEvents.OrderPaid(id, userId, performanceId, eventId, seatIds(), approvedAmount));
    }

    Transition decline(String reason, Instant now) {
        return move(OrderMove.DECLINE, Changes.ended(now), new OrderEvents.OrderPaymentFailed(id, userId, reason));
    }

    Transition nothingCaptured() {
        return move(OrderMove.NOTHING_CAPTURED, Changes.NONE, null);
    }

    Transition expire(Instant now) {
        return move(OrderMove.EXPIRE, Changes.ended(now), new OrderEvents.OrderExpired(id, userId, performanceId));
    }

    Transition cancelUnpaid(Instant now) {
        return move(OrderMove.CANCEL_UNPAID, new Changes(null, null, null, 0L, 0L, null, now, null, null, false),
                new OrderEvents.OrderCancelled(id, userId, performanceId, 0, 0));
    }

    Transition cancelPaid(CancellationPolicy.Terms terms, Instant now, Instant firstRetryAt) {
        return move(OrderMove.CANCEL_PAID,
                new Changes(null, null, null, terms.refund(), terms.fee(), null, now, firstRetryAt, null, false),
                new OrderEvents.OrderCancelled(id, userId, performanceId, terms.refund(), terms.fee()));
    }

    Transition oweRefund(String capturedPaymentKey, long approvedAmount, Instant now, Instant firstRetryAt) {
        return move(OrderMove.OWE_REFUND,
                new Changes(capturedPaymentKey, null, approvedAmount, approvedAmount, 0L, null, now, firstRetryAt, null, false), null);
    }

    Transition settleRefund(Instant now, String reason) {
        return move(OrderMove.SETTLE_REFUND, Changes.ended(now),
                new OrderEvents.OrderRefunded(id, userId, owedRefund(), reason));
    }

    Transition confirmCapture() {
        return move(OrderMove.CONFIRM_CAPTURE, Changes.NONE, null);
    }

    Transition giveUp(String note, Instant now) {
        return move(OrderMove.GIVE_UP, new Changes(null, null, null, null, null, null, now, null, note, false), null);
    }

    private Transition move(OrderMove move, Changes changes, @Nullable Object event) {
        return move.allowedFrom(state()) ? new Transition.Moved(move, this, move.target(this), changes, event)
                : new Transition.Refused(move, this);
    }
}
