package io.ticketrush.payment.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sandbox gateway answers: an HTTP status and a JSON body (a Toss {@code Payment} or a
 * Toss error {@code {code, message}}), and how long to hold the answer back (the timeout and slow
 * test cards). Stored as is for an Idempotency-Key, so a repeat gets the very same answer.
 */
public record GatewayReply(int status, String json, Duration delay) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorDocument(String code, String message) {
    }

    public static GatewayReply ok(SandboxPayment payment) {
        return new GatewayReply(200, JSON.writeValueAsString(PaymentDocument.of(payment)), Duration.ZERO);
    }

    public static GatewayReply error(int status, String code, String message) {
        return new GatewayReply(status, JSON.writeValueAsString(new ErrorDocument(code, message)), Duration.ZERO);
    }

    public GatewayReply delayedBy(Duration delay) {
        return new GatewayReply(status, json, delay);
    }

    /** The same answer without the delay: a repeat is answered at once. */
    public GatewayReply replayed() {
        return new GatewayReply(status, json, Duration.ZERO);
    }
}
