package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.sandbox.persistence.SandboxPaymentRows;
import org.springframework.stereotype.Component;

/** {@code GET /v1/payments/orders/{orderId}}: what the sandbox gateway knows about an order's payment. */
@Component
@ConditionalOnSandbox
public class SandboxInquiry {

    private final SandboxPaymentRows payments;

    SandboxInquiry(SandboxPaymentRows payments) {
        this.payments = payments;
    }

    /** The order's captured payment if there is one, else its latest checkout, else NOT_FOUND_PAYMENT. */
    public GatewayReply byOrder(String orderId) {
        return payments.findByOrder(orderId).map(GatewayReply::ok).orElseGet(() -> GatewayRefusal.notFound().reply());
    }
}
