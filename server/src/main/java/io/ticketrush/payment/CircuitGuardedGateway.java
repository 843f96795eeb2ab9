package io.ticketrush.payment;

import io.ticketrush.payment.toss.TossPaymentsClient;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link PaymentGateway} every module gets: the Toss Payments client behind the
 * {@link GatewayCircuit}. Unknown answers (timeouts, connection failures, 5xx) count as failures;
 * approvals, declines and "not found" are answers, however unwelcome. While the breaker is open no
 * request is sent: each call answers Unknown at once, so the reconciler leaves the order for its
 * next round instead of waiting on a dead gateway, and the confirm call refuses beforehand through
 * {@link #requireAvailable()}.
 */
@Component
@Primary
class CircuitGuardedGateway implements PaymentGateway {

    private static final String NOT_SENT = "not sent: the payment gateway's circuit breaker is open";

    private final TossPaymentsClient client;
    private final GatewayCircuit circuit;

    CircuitGuardedGateway(TossPaymentsClient client, GatewayCircuit circuit) {
        this.client = client;
        this.circuit = circuit;
    }

    @Override
    public PaymentOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return circuit.call(() -> client.confirm(paymentKey, orderId, amount, idempotencyKey),
                PaymentOutcome.Unknown.class::isInstance, () -> new PaymentOutcome.Unknown(NOT_SENT));
    }

    @Override
    public PaymentOutcome lookup(String orderId) {
        return circuit.call(() -> client.lookup(orderId), PaymentOutcome.Unknown.class::isInstance,
                () -> new PaymentOutcome.Unknown(NOT_SENT));
    }

    @Override
    public CancelOutcome cancel(String paymentKey, long amount, String reason, String idempotencyKey) {
        return circuit.call(() -> client.cancel(paymentKey, amount, reason, idempotencyKey),
                CancelOutcome.Unknown.class::isInstance, () -> new CancelOutcome.Unknown(NOT_SENT));
    }

    @Override
    public void requireAvailable() {
        circuit.requireClosedOrTrial();
    }

    @Override
    public boolean inIncident() {
        return circuit.inIncident();
    }
}
