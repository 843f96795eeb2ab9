package io.ticketrush.payment.toss;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The members of a Toss Payments {@code Payment} object this client reads; the rest (card,
 * receipt, method details ...) is ignored.
 */
record TossPayment(@Nullable String paymentKey, @Nullable String orderId, @Nullable String status,
        long totalAmount, long balanceAmount, @Nullable String approvedAt, @Nullable List<Cancel> cancels,
        @Nullable Failure failure) {

    record Cancel(long cancelAmount, @Nullable String transactionKey, @Nullable String canceledAt) {
    }

    record Failure(@Nullable String code, @Nullable String message) {
    }
}
