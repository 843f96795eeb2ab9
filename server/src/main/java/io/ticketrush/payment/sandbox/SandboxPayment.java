package io.ticketrush.payment.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the sandbox gateway keeps it: created by a checkout, then approved or aborted
 * by the confirmation, then cancelled (refunded) in one or several parts. Each state change
 * checks its own precondition and returns the new state.
 */
public record SandboxPayment(String paymentKey, String orderId, TestCard card, Status status, long totalAmount,
        long balanceAmount, Instant requestedAt, @Nullable Instant approvedAt, @Nullable Failure failure,
        List<Cancel> cancels) {

    /** Toss Payments' payment statuses, as far as a card payment goes. */
    public enum Status {
        IN_PROGRESS, DONE, ABORTED, PARTIAL_CANCELED, CANCELED;

        public boolean captured() {
            return this == DONE || this == PARTIAL_CANCELED || this == CANCELED;
        }
    }

    public record Failure(String code, String message) {
    }

    public record Cancel(String transactionKey, long cancelAmount, String cancelReason, Instant canceledAt) {
    }

    public SandboxPayment {
        cancels = List.copyOf(cancels);
    }

    /** What the fan's browser gets from the payment widget: authorised, waiting for the merchant's confirmation. */
    public static SandboxPayment checkedOut(String paymentKey, String orderId, long amount, TestCard card, Instant now) {
        return new SandboxPayment(paymentKey, orderId, card, Status.IN_PROGRESS, amount, amount, now, null, null, List.of());
    }

    /** Whether a confirmation names this payment's order and amount. */
    public boolean matches(String orderId, long amount) {
        return this.orderId.equals(orderId) && this.totalAmount == amount;
    }

    public SandboxPayment approve(Instant now) {
        requireInProgress();
        return new SandboxPayment(paymentKey, orderId, card, Status.DONE, totalAmount, totalAmount, requestedAt, now, null,
                cancels);
    }

    public SandboxPayment abort(Failure why) {
        requireInProgress();
        return new SandboxPayment(paymentKey, orderId, card, Status.ABORTED, totalAmount, totalAmount, requestedAt, null,
                why, cancels);
    }

    /** Refunds {@code amount} (the whole balance when null); the last refund leaves the payment CANCELED. */
    public SandboxPayment cancel(@Nullable Long amount, String reason, String transactionKey, Instant now) {
        if (status == Status.CANCELED) {
            throw new GatewayRefusal(400, "ALREADY_CANCELED_PAYMENT", "이미 취소된 결제 입니다.");
        }
        if (status != Status.DONE && status != Status.PARTIAL_CANCELED) {
            throw new GatewayRefusal(400, "NOT_CANCELABLE_PAYMENT", "취소 할 수 없는 결제 입니다. (status " + status + ")");
        }
        long refund = amount == null ? balanceAmount : amount;
        if (refund <= 0 || refund > balanceAmount) {
            throw new GatewayRefusal(400, "NOT_CANCELABLE_AMOUNT",
                    "취소 할 수 없는 금액 입니다. (balance " + balanceAmount + ", requested " + refund + ")");
        }
        long balance = balanceAmount - refund;
        List<Cancel> all = new ArrayList<>(cancels);
        all.add(new Cancel(transactionKey, refund, reason, now));
        return new SandboxPayment(paymentKey, orderId, card, balance == 0 ? Status.CANCELED : Status.PARTIAL_CANCELED,
                totalAmount, balance, requestedAt, approvedAt, failure, all);
    }

    public Cancel lastCancel() {
        return cancels.getLast();
    }

    private void requireInProgress() {
        if (status != Status.IN_PROGRESS) {
            throw new IllegalStateException("Payment " + paymentKey + " is " + status + ", not IN_PROGRESS");
        }
    }
}
