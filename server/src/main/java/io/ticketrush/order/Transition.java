package io.ticketrush.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a move did to an order: {@link Moved} to a new state (to be saved on the condition that the
 * order is still in {@code from}), with the event to publish once saved; or {@link Refused}.
 */
public sealed interface Transition {

    OrderMove move();

    /**
     * @param order   the order as it was read (its state is the expected one of the conditional save)
     * @param to      the new state
     * @param changes the columns the move sets besides the state
     * @param event   what to publish when the save succeeds (none: null)
     */
    record Moved(OrderMove move, Order order, OrderState to, Changes changes, @Nullable Object event)
            implements Transition {

        public OrderState from() {
            return OrderState.of(order);
        }
    }

    record Refused(OrderMove move, Order order) implements Transition {

        public OrderState state() {
            return OrderState.of(order);
        }
    }

    /**
     * Columns a move sets besides the state; null leaves a column as it is.
     *
     * @param restartSettling a new payment attempt: the reconciler's count and backoff start over
     */
    record Changes(@Nullable String paymentKey, @Nullable Instant paymentAttemptedAt, @Nullable Long approvedAmount,
            @Nullable Long refundAmount, @Nullable Long cancellationFee, @Nullable Instant paidAt,
            @Nullable Instant endedAt, @Nullable Instant nextSettleAt, @Nullable String settleNote,
            boolean restartSettling) {

        static final Changes NONE = new Changes(null, null, null, null, null, null, null, null, null, false);

        static Changes ended(Instant at) {
            return new Changes(null, null, null, null, null, null, at, null, null, false);
        }
    }
}
