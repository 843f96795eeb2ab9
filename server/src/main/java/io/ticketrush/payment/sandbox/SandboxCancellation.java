package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.sandbox.persistence.SandboxPaymentRows;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@code POST /v1/payments/{paymentKey}/cancel}: refunds a captured payment in full or in part. */
@Component
@ConditionalOnSandbox
public class SandboxCancellation {

    private final IdempotentReplies replies;
    private final SandboxPaymentRows payments;
    private final Clock clock;

    SandboxCancellation(IdempotentReplies replies, SandboxPaymentRows payments, Clock clock) {
        this.replies = replies;
        this.payments = payments;
        this.clock = clock;
    }

    /** Cancels {@code amount}, or the whole balance when it is null. */
    public GatewayReply cancel(String paymentKey, @Nullable String reason, @Nullable Long amount,
            @Nullable String idempotencyKey) {
        return replies.once(idempotencyKey, "POST /v1/payments/" + paymentKey + "/cancel", () -> {
            if (reason == null || reason.isBlank() || reason.length() > 200) {
                throw GatewayRefusal.invalidRequest("cancelReason은 1자 이상 200자 이하로 입력해야 합니다.");
            }
            SandboxPayment payment = payments.findForUpdate(paymentKey).orElseThrow(GatewayRefusal::notFound);
            String transactionKey = "tsbx_tx_" + Ids.next().toString().replace("-", "");
            SandboxPayment cancelled = payment.cancel(amount, reason, transactionKey, clock.instant());
            payments.update(payment, cancelled);
            return GatewayReply.ok(cancelled);
        });
    }
}
