package io.ticketrush.payment.sandbox.web;

import io.ticketrush.payment.sandbox.ConditionalOnSandbox;
import io.ticketrush.payment.sandbox.SandboxCheckout;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's stand-in for the payment widget in the fan's browser. Public; its failures are
 * Ticketrush problem+json documents (it is what our own front end calls).
 */
@RestController
@ConditionalOnSandbox
class SandboxCheckoutController {

    private final SandboxCheckout checkout;

    SandboxCheckoutController(SandboxCheckout checkout) {
        this.checkout = checkout;
    }

    /** Toss's rule for order ids: 6 to 64 letters, digits, '-' or '_'. */
    record CheckoutRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{6,64}", message = "must be 6 to 64 letters, digits, '-' or '_'")
            String orderId,
            @NotNull @Positive @Max(1_000_000_000L) Long amount,
            @NotBlank @Size(max = 32) String cardNumber) {
    }

    record CheckoutResponse(String paymentKey) {
    }

    @PostMapping("/sandbox-pg/v1/checkout")
    CheckoutResponse checkOut(@Valid @RequestBody CheckoutRequest request) {
        return new CheckoutResponse(checkout.checkOut(request.orderId(), request.amount(), request.cardNumber()));
    }
}
