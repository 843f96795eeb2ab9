package io.ticketrush.payment.sandbox.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.sandbox.ConditionalOnSandbox;
import io.ticketrush.payment.sandbox.GatewayRefusal;
import io.ticketrush.payment.sandbox.GatewayReply;
import io.ticketrush.payment.sandbox.SandboxCancellation;
import io.ticketrush.payment.sandbox.SandboxConfirmation;
import io.ticketrush.payment.sandbox.SandboxIncident;
import io.ticketrush.payment.sandbox.SandboxInquiry;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox gateway's server API, in the shape of Toss Payments API v1: confirm, look up by
 * order, cancel. Every call needs the secret key; answers and errors are Toss documents
 * ({@code Payment} or {@code {code, message}}), not Ticketrush problem+json. The operator's
 * incident mode ({@link SandboxIncident}) can make them fail, answer late or decline.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping("/sandbox-pg/v1/payments")
class SandboxGatewayController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private final SecretKeyCheck secretKey;
    private final SandboxConfirmation confirmation;
    private final SandboxCancellation cancellation;
    private final SandboxInquiry inquiry;
    private final SandboxIncident incident;

    SandboxGatewayController(PaymentSettings settings, SandboxConfirmation confirmation,
            SandboxCancellation cancellation, SandboxInquiry inquiry, SandboxIncident incident) {
        this.secretKey = new SecretKeyCheck(settings);
        this.confirmation = confirmation;
        this.cancellation = cancellation;
        this.inquiry = inquiry;
        this.incident = incident;
    }

    @Schema(name = "SandboxConfirmRequest")
    record ConfirmRequest(@Nullable String paymentKey, @Nullable String orderId, @Nullable Long amount) {
    }

    record CancelRequest(@Nullable String cancelReason, @Nullable Long cancelAmount) {
    }

    @PostMapping("/confirm")
    ResponseEntity<String> confirm(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @RequestBody ConfirmRequest request) {
        secretKey.require(authorization);
        String key = validKey(idempotencyKey);
        if (isBlank(request.paymentKey()) || isBlank(request.orderId()) || request.amount() == null) {
            throw GatewayRefusal.invalidRequest("paymentKey, orderId, amount는 필수 파라미터입니다.");
        }
        return send(incident.during(() -> confirmation.confirm(request.paymentKey(), request.orderId(),
                request.amount(), key)));
    }

    @GetMapping("/orders/{orderId}")
    ResponseEntity<String> lookUp(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @PathVariable String orderId) {
        secretKey.require(authorization);
        return send(incident.during(() -> inquiry.byOrder(orderId)));
    }

    @PostMapping("/{paymentKey}/cancel")
    ResponseEntity<String> cancel(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @PathVariable String paymentKey, @RequestBody CancelRequest request) {
        secretKey.require(authorization);
        String key = validKey(idempotencyKey);
        return send(incident.during(() -> cancellation.cancel(paymentKey, request.cancelReason(),
                request.cancelAmount(), key)));
    }

    @ExceptionHandler(GatewayRefusal.class)
    ResponseEntity<String> refused(GatewayRefusal refusal) {
        return send(refusal.reply());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<String> unreadable(Exception e) {
        return send(GatewayRefusal.invalidRequest("요청 본문이 올바른 JSON이 아닙니다.").reply());
    }

    private static @Nullable String validKey(@Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 300) {
            throw GatewayRefusal.invalidRequest("Idempotency-Key는 1자 이상 300자 이하여야 합니다.");
        }
        return idempotencyKey;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static ResponseEntity<String> send(GatewayReply reply) {
        return ResponseEntity.status(reply.status()).contentType(JSON).body(reply.json());
    }
}
