package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.sandbox.persistence.SandboxPaymentRows;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code POST /v1/payments/confirm}: captures a checked-out payment, or declines it, as its
 * test card says. The timeout and slow cards commit the approval first and hold the answer back
 * afterwards, like a gateway whose reply is lost or late: the money is taken either way. In the
 * {@code declining} incident mode every card is declined.
 */
@Component
@ConditionalOnSandbox
public class SandboxConfirmation {

    static final String REJECTED_MESSAGE = "한도초과 혹은 잔액부족으로 결제에 실패했습니다.";

    private final IdempotentReplies replies;
    private final SandboxPaymentRows payments;
    private final PaymentSettings settings;
    private final SandboxIncident incident;
    private final Clock clock;

    SandboxConfirmation(IdempotentReplies replies, SandboxPaymentRows payments, PaymentSettings settings,
            SandboxIncident incident, Clock clock) {
        this.replies = replies;
        this.payments = payments;
        this.settings = settings;
        this.incident = incident;
        this.clock = clock;
    }

    public GatewayReply confirm(String paymentKey, String orderId, long amount, @Nullable String idempotencyKey) {
        GatewayReply reply = replies.once(idempotencyKey, "POST /v1/payments/confirm",
                () -> decide(paymentKey, orderId, amount));
        SimulatedLatency.holdBack(reply.delay());
        return reply;
    }

    private GatewayReply decide(String paymentKey, String orderId, long amount) {
        payments.lockOrder(orderId);
        SandboxPayment payment = payments.findForUpdate(paymentKey).orElseThrow(GatewayRefusal::notFound);
        if (!payment.matches(orderId, amount)) {
            throw GatewayRefusal.invalidRequest("orderId 또는 amount가 결제 요청 정보와 일치하지 않습니다.");
        }
        switch (payment.status()) {
            case IN_PROGRESS -> {
            }
            case ABORTED -> {
                SandboxPayment.Failure failure = java.util.Objects.requireNonNull(payment.failure());
                return GatewayReply.error(403, failure.code(), failure.message());
            }
            case DONE, PARTIAL_CANCELED, CANCELED ->
                    throw new GatewayRefusal(400, "ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다.");
        }
        if (payments.orderIsCapturedByAnother(orderId, paymentKey)) {
            throw new GatewayRefusal(400, "DUPLICATED_ORDER_ID", "이미 승인 및 취소가 진행된 중복된 주문번호 입니다.");
        }
        if (payment.card().declines() || incident.declinesEveryCard()) {
            SandboxPayment aborted = payment.abort(new SandboxPayment.Failure("REJECT_CARD_PAYMENT", REJECTED_MESSAGE));
            payments.update(payment, aborted);
            return GatewayReply.error(403, "REJECT_CARD_PAYMENT", REJECTED_MESSAGE);
        }
        SandboxPayment approved = payment.approve(clock.instant());
        payments.update(payment, approved);
        return GatewayReply.ok(approved).delayedBy(payment.card().delayAfterApproval(settings.sandbox()));
    }
}
