package io.ticketrush.payment.sandbox;

import io.ticketrush.payment.sandbox.persistence.SandboxPaymentRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What the payment widget does in the fan's browser: takes the card and hands back a payment
 * key, which the server then confirms. Nothing is charged until the confirmation.
 */
@Component
@ConditionalOnSandbox
public class SandboxCheckout {

    private final SandboxPaymentRows payments;
    private final Clock clock;

    SandboxCheckout(SandboxPaymentRows payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /** @return the new payment's key */
    public String checkOut(String orderId, long amount, String cardNumber) {
        TestCard card = TestCard.byNumber(cardNumber).orElseThrow(() -> DomainException.badRequest("invalid-card",
                "Unknown card number: the sandbox takes the test cards 4000-0000-0000-0000 (approves), "
                        + "-0002 (declines), -0009 (times out once) and -0010 (slow)"));
        payments.findByOrder(orderId).filter(p -> p.status().captured()).ifPresent(p -> {
            throw DomainException.conflict("order-already-paid", "Order " + orderId + " has already been paid");
        });
        String paymentKey = "tsbx_" + Ids.next().toString().replace("-", "");
        payments.insert(SandboxPayment.checkedOut(paymentKey, orderId, amount, card, clock.instant()));
        return paymentKey;
    }
}
