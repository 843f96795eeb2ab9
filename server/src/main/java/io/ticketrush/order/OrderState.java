package io.ticketrush.order;

/**
 * Where an order stands, as one value: its status and where its payment stands. Every change of
 * an order is a {@link OrderMove} from one state to the next, saved only if the order is still in
 * the state the move started from (ADR 9 has the table).
 */
public record OrderState(OrderStatus status, PaymentState payment) {

    static OrderState of(Order order) {
        return new OrderState(order.status(), order.paymentState());
    }

    @Override
    public String toString() {
        return status + "/" + payment;
    }
}
