package io.ticketrush.payment.toss;

import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.toss.Exchange.Answered;
import io.ticketrush.payment.toss.Exchange.NoAnswer;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link PaymentGateway} over HTTP, speaking Toss Payments API v1 (the real gateway or the
 * sandbox). Every call has a connect and a read timeout; no provider answer is thrown: timeouts,
 * network failures and 5xx become Unknown, definite refusals Declined or Failed.
 */
@Component
public class TossPaymentsClient implements PaymentGateway, AutoCloseable {

    private static final Log log = LogFactory.getLog(TossPaymentsClient.class);

    private final GatewayAddress address;
    private final HttpClient http;
    private final RestClient rest;
    private final TossAnswers answers;

    TossPaymentsClient(PaymentSettings settings, GatewayAddress address, RestClient.Builder builder, JsonMapper json) {
        this.address = address;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        String credentials = Objects.requireNonNull(settings.secretKey()) + ":";
        this.rest = builder.clone()
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.answers = new TossAnswers(json);
    }

    /**
     * Confirms the payment. Should the gateway answer ALREADY_PROCESSED_PAYMENT (confirmed before,
     * under another idempotency key), the order's payment is looked up instead of calling it declined.
     */
    @Override
    public PaymentOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        Map<String, Object> body = Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount);
        Exchange exchange = exchange(HttpMethod.POST, "/v1/payments/confirm", body, idempotencyKey);
        if (answers.alreadyProcessed(exchange)) {
            PaymentOutcome current = lookup(orderId);
            if (current instanceof PaymentOutcome.Approved || current instanceof PaymentOutcome.Unknown) {
                return current;
            }
        }
        return logged("confirm " + orderId, answers.confirmation(exchange));
    }

    /** See {@link TossAnswers#inquiry} for how each payment status reads. */
    @Override
    public PaymentOutcome lookup(String orderId) {
        return logged("lookup " + orderId, answers.inquiry(exchange(HttpMethod.GET, "/v1/payments/orders/{orderId}",
                null, null, orderId)));
    }

    /** Cancels {@code amount}, or the whole remaining balance when {@code amount} is zero or less. */
    @Override
    public CancelOutcome cancel(String paymentKey, long amount, String reason, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cancelReason", reason);
        if (amount > 0) {
            body.put("cancelAmount", amount);
        }
        CancelOutcome outcome = answers.cancellation(
                exchange(HttpMethod.POST, "/v1/payments/{paymentKey}/cancel", body, idempotencyKey, paymentKey));
        if (outcome instanceof CancelOutcome.Unknown(String why)) {
            log.warn("Payment gateway gave no trustworthy answer to cancel " + paymentKey + ": " + why);
        }
        return outcome;
    }

    @Override
    public void close() {
        http.close();
    }

    private Exchange exchange(HttpMethod method, String path, @Nullable Object body, @Nullable String idempotencyKey,
            Object... uriVariables) {
        Optional<String> base = address.baseUrl();
        if (base.isEmpty()) {
            return new NoAnswer("the local sandbox gateway is not listening yet");
        }
        try {
            RestClient.RequestBodySpec request = rest.method(method).uri(base.get() + path, uriVariables);
            if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, response) -> new Answered(response.getStatusCode().value(),
                    StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
        } catch (RestClientException | UncheckedIOException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            return new NoAnswer("no answer from " + method + " " + path + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
    }

    private static PaymentOutcome logged(String what, PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Unknown(String reason)) {
            log.warn("Payment gateway gave no trustworthy answer to " + what + ": " + reason);
        }
        return outcome;
    }
}
