package io.ticketrush.payment;

import io.ticketrush.shared.DomainException;
import java.time.Duration;

/**
 * The payment gateway failed or timed out repeatedly and calls to it are paused (the circuit breaker
 * is open): 503 {@code payment-gateway-unavailable} with a {@code Retry-After}, at once, instead of
 * every fan waiting for a timeout.
 */
public class PaymentGatewayUnavailable extends DomainException {

    public PaymentGatewayUnavailable(Duration retryAfter) {
        super(503, "payment-gateway-unavailable",
                "The payment provider is not answering at the moment; your seats stay held, try again shortly");
        with("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
    }
}
