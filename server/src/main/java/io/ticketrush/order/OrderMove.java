package io.ticketrush.order;

import static io.ticketrush.order.OrderStatus.CANCELLED;
import static io.ticketrush.order.OrderStatus.EXPIRED;
import static io.ticketrush.order.OrderStatus.PAID;
import static io.ticketrush.order.OrderStatus.PAYMENT_FAILED;
import static io.ticketrush.order.OrderStatus.PENDING_PAYMENT;
import static io.ticketrush.order.OrderStatus.REFUNDED;
import static io.ticketrush.order.PaymentState.APPROVED;
import static io.ticketrush.order.PaymentState.CONFIRMING;
import static io.ticketrush.order.PaymentState.DECLINED;
import static io.ticketrush.order.PaymentState.MANUAL_REVIEW;
import static io.ticketrush.order.PaymentState.NONE;
import static io.ticketrush.order.PaymentState.REFUND_PENDING;
import static io.ticketrush.order.PaymentState.UNKNOWN;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The order lifecycle as one table: every move, the states it may start from, and the state it
 * leads to. A move from any other state is refused; the save of a move is conditional on the
 * order still being in the state it started from (expected → new), so two writers never both win.
 */
public enum OrderMove {

    /** The fan's confirm call asks the gateway (again, after a decline; or a repeat of the same key). */
    START_PAYMENT(Set.of(PENDING_PAYMENT), EnumSet.of(NONE, DECLINED, CONFIRMING, UNKNOWN),
            (order, from) -> new OrderState(PENDING_PAYMENT, CONFIRMING)),
    /** The gateway did not answer the confirm call: the reconciler will ask. */
    LOSE_ANSWER(Set.of(PENDING_PAYMENT), EnumSet.of(CONFIRMING),
            (order, from) -> new OrderState(PENDING_PAYMENT, UNKNOWN)),
    /** The gateway captured the money and the hold was still ours: sold, tickets issued. */
    PAY(Set.of(PENDING_PAYMENT), EnumSet.of(CONFIRMING, UNKNOWN),
            (order, from) -> new OrderState(PAID, APPROVED)),
    /** The gateway refused the payment: the hold is released. */
    DECLINE(Set.of(PENDING_PAYMENT), EnumSet.of(CONFIRMING, UNKNOWN),
            (order, from) -> new OrderState(PAYMENT_FAILED, DECLINED)),
    /** The gateway holds no money for an order that has moved on (or can no longer be paid). */
    NOTHING_CAPTURED(Set.of(PENDING_PAYMENT, EXPIRED, CANCELLED), EnumSet.of(CONFIRMING, UNKNOWN),
            (order, from) -> new OrderState(from.status(), DECLINED)),
    /** The hold under an unpaid order expired. */
    EXPIRE(Set.of(PENDING_PAYMENT), EnumSet.of(NONE, DECLINED, CONFIRMING, UNKNOWN, MANUAL_REVIEW),
            (order, from) -> new OrderState(EXPIRED, from.payment())),
    /** The fan cancels before paying. */
    CANCEL_UNPAID(Set.of(PENDING_PAYMENT), EnumSet.of(NONE, DECLINED),
            (order, from) -> new OrderState(CANCELLED, from.payment())),
    /** The fan cancels a paid order: tickets void, seats back on sale, refund owed (recorded before it is sent). */
    CANCEL_PAID(Set.of(PAID), EnumSet.of(APPROVED),
            (order, from) -> new OrderState(CANCELLED, REFUND_PENDING)),
    /** The gateway captured money for an order that cannot be sold any more: it must go back. */
    OWE_REFUND(Set.of(PENDING_PAYMENT, EXPIRED, CANCELLED, PAYMENT_FAILED), EnumSet.of(NONE, CONFIRMING, UNKNOWN, DECLINED),
            (order, from) -> new OrderState(from.status() == PENDING_PAYMENT ? EXPIRED : from.status(), REFUND_PENDING)),
    /** The gateway confirmed the refund. A cancelled paid order stays CANCELLED; a late approval ends REFUNDED. */
    SETTLE_REFUND(Set.of(EXPIRED, CANCELLED, PAYMENT_FAILED), EnumSet.of(REFUND_PENDING),
            (order, from) -> new OrderState(from.status() == CANCELLED && order.paidAt() != null ? CANCELLED : REFUNDED,
                    PaymentState.REFUNDED)),
    /** A paid order whose payment state a lost answer left open: the gateway confirms the capture. */
    CONFIRM_CAPTURE(Set.of(PAID), EnumSet.of(CONFIRMING, UNKNOWN),
            (order, from) -> new OrderState(PAID, APPROVED)),
    /** The reconciler cannot settle it: an operator must (terminal). */
    GIVE_UP(EnumSet.allOf(OrderStatus.class), EnumSet.of(CONFIRMING, UNKNOWN, REFUND_PENDING),
            (order, from) -> new OrderState(from.status(), MANUAL_REVIEW));

    private final Set<OrderStatus> fromStatuses;
    private final Set<PaymentState> fromPayments;
    private final BiFunction<Order, OrderState, OrderState> target;

    OrderMove(Set<OrderStatus> fromStatuses, Set<PaymentState> fromPayments,
            BiFunction<Order, OrderState, OrderState> target) {
        this.fromStatuses = Set.copyOf(fromStatuses);
        this.fromPayments = Set.copyOf(fromPayments);
        this.target = target;
    }

    /** Whether this move may start from {@code state}. */
    public boolean allowedFrom(OrderState state) {
        return fromStatuses.contains(state.status()) && fromPayments.contains(state.payment());
    }

    /** The state this move leads {@code order} to; only for a state it is {@link #allowedFrom allowed from}. */
    OrderState target(Order order) {
        OrderState from = OrderState.of(order);
        if (!allowedFrom(from)) {
            throw new IllegalStateException(this + " is not allowed from " + from);
        }
        return target.apply(order, from);
    }
}
