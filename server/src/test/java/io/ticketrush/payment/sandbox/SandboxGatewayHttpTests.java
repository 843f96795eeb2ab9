package io.ticketrush.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.SandboxCards;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox gateway at the HTTP level: the widget's checkout answers Ticketrush problem+json,
 * the server API answers in the Toss Payments shapes.
 */
@IntegrationTest
class SandboxGatewayHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    PaymentSettings settings;
    @Autowired
    JdbcClient jdbc;

    Api api;
    SandboxCards cards;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        cards = new SandboxCards(api);
    }

    @Test
    void checkoutHandsOutAPaymentKeyForATestCardWithOrWithoutDashes() {
        String orderId = SandboxCards.newOrderId();
        String withDashes = cards.checkOut(orderId, 1_000, "4000-0000-0000-0000");
        String withoutDashes = cards.checkOut(SandboxCards.newOrderId(), 1_000, "4000000000000010");
        assertThat(withDashes).startsWith("tsbx_").isNotEqualTo(withoutDashes);
        assertThat(jdbc.sql("SELECT status || ' ' || total_amount || ' ' || test_card FROM sandbox_payments WHERE payment_key = :key")
                .param("key", withDashes).query(String.class).single()).isEqualTo("IN_PROGRESS 1000 APPROVES");
    }

    @Test
    void checkoutRefusesAnUnknownCardWithAProblem() {
        Api.Response response = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", SandboxCards.newOrderId(), "amount", 1_000, "cardNumber", "4111-1111-1111-1111"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("invalid-card");
    }

    @Test
    void checkoutListsMissingAndInvalidFields() {
        Api.Response missing = api.post("/sandbox-pg/v1/checkout", null, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation-failed");
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("orderId", "amount", "cardNumber");

        Api.Response invalid = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", "a b", "amount", 0, "cardNumber", SandboxCards.APPROVES));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("orderId", "amount");

        assertThat(api.post("/sandbox-pg/v1/checkout", null, "{not json").code()).isEqualTo("malformed-request");
    }

    @Test
    void checkoutRefusesAnOrderThatIsAlreadyPaid() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 3_000, SandboxCards.APPROVES);
        assertThat(confirm(paymentKey, orderId, 3_000, key()).status()).isEqualTo(200);

        Api.Response again = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", 3_000, "cardNumber", SandboxCards.APPROVES));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("order-already-paid");
    }

    @Test
    void theServerApiNeedsTheSecretKeyAndAnswersInTheTossErrorShape() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 2_000, SandboxCards.APPROVES);
        Map<String, Object> body = Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", 2_000);

        Api.Response anonymous = api.post("/sandbox-pg/v1/payments/confirm", null, body);
        Api.Response wrongKey = api.post("/sandbox-pg/v1/payments/confirm", null, body,
                Map.of("Authorization", basic("test_sk_wrong")));

        for (Api.Response refused : new Api.Response[] {anonymous, wrongKey}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.code()).isEqualTo("UNAUTHORIZED_KEY");
            assertThat(refused.json().path("message").asString()).isNotBlank();
            assertThat(refused.json().has("status")).isFalse();
        }
        assertThat(get("/sandbox-pg/v1/payments/orders/" + orderId, null).status()).isEqualTo(401);
    }

    @Test
    void aConfirmedPaymentIsATossPaymentObject() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 77_000, SandboxCards.APPROVES);

        Api.Response confirmed = confirm(paymentKey, orderId, 77_000, key());

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode payment = confirmed.json();
        assertThat(payment.get("paymentKey").asString()).isEqualTo(paymentKey);
        assertThat(payment.get("orderId").asString()).isEqualTo(orderId);
        assertThat(payment.get("status").asString()).isEqualTo("DONE");
        assertThat(payment.get("totalAmount").asLong()).isEqualTo(77_000);
        assertThat(payment.get("balanceAmount").asLong()).isEqualTo(77_000);
        assertThat(payment.get("approvedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00");
        assertThat(payment.get("card").get("number").asString()).isEqualTo("40000000****000*");

        Response looked = get("/sandbox-pg/v1/payments/orders/" + orderId, settings.secretKey());
        assertThat(looked.status()).isEqualTo(200);
        assertThat(looked.json().get("status").asString()).isEqualTo("DONE");
        assertThat(looked.json().get("paymentKey").asString()).isEqualTo(paymentKey);
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameAnswerAndAnotherKeyIsAlreadyProcessed() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 4_000, SandboxCards.APPROVES);
        String idempotencyKey = key();

        Api.Response first = confirm(paymentKey, orderId, 4_000, idempotencyKey);
        Api.Response repeat = confirm(paymentKey, orderId, 4_000, idempotencyKey);
        Api.Response otherKey = confirm(paymentKey, orderId, 4_000, key());

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(otherKey.status()).isEqualTo(400);
        assertThat(otherKey.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void theDecliningCardIsA403RejectAndTheMismatchedAmountAnInvalidRequest() {
        String orderId = SandboxCards.newOrderId();
        String declined = cards.checkOut(orderId, 6_000, SandboxCards.DECLINES);
        Api.Response rejected = confirm(declined, orderId, 6_000, key());
        assertThat(rejected.status()).isEqualTo(403);
        assertThat(rejected.code()).isEqualTo("REJECT_CARD_PAYMENT");

        String otherOrder = SandboxCards.newOrderId();
        String approving = cards.checkOut(otherOrder, 6_000, SandboxCards.APPROVES);
        Api.Response mismatch = confirm(approving, otherOrder, 6_001, key());
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("INVALID_REQUEST");

        Api.Response incomplete = api.post("/sandbox-pg/v1/payments/confirm", null, Map.of("paymentKey", approving),
                Map.of("Authorization", basic(settings.secretKey())));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void anOrderWithoutPaymentIsNotFound() {
        Response missing = get("/sandbox-pg/v1/payments/orders/" + SandboxCards.newOrderId(), settings.secretKey());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND_PAYMENT");
    }

    @Test
    void aPartialCancellationIsRecordedOncePerIdempotencyKey() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 50_000, SandboxCards.APPROVES);
        assertThat(confirm(paymentKey, orderId, 50_000, key()).status()).isEqualTo(200);
        String idempotencyKey = key();

        Api.Response cancelled = cancel(paymentKey, "one seat returned", 20_000L, idempotencyKey);
        Api.Response repeat = cancel(paymentKey, "one seat returned", 20_000L, idempotencyKey);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode payment = cancelled.json();
        assertThat(payment.get("status").asString()).isEqualTo("PARTIAL_CANCELED");
        assertThat(payment.get("balanceAmount").asLong()).isEqualTo(30_000);
        assertThat(payment.get("cancels")).hasSize(1);
        assertThat(payment.get("cancels").get(0).get("cancelAmount").asLong()).isEqualTo(20_000);
        assertThat(payment.get("cancels").get(0).get("cancelReason").asString()).isEqualTo("one seat returned");
        assertThat(repeat.body()).isEqualTo(cancelled.body());
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_payment_cancels WHERE payment_key = :key")
                .param("key", paymentKey).query(Long.class).single()).isEqualTo(1);

        Api.Response rest = cancel(paymentKey, "all the rest", null, key());
        assertThat(rest.json().get("status").asString()).isEqualTo("CANCELED");
        assertThat(rest.json().get("balanceAmount").asLong()).isZero();
        assertThat(rest.json().get("cancels")).hasSize(2);
    }

    @Test
    void onlyACapturedPaymentIsCancelable() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 9_000, SandboxCards.DECLINES);
        assertThat(confirm(paymentKey, orderId, 9_000, key()).status()).isEqualTo(403);

        Api.Response refused = cancel(paymentKey, "declined anyway", null, key());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("NOT_CANCELABLE_PAYMENT");
        assertThat(cancel(paymentKey, " ", null, key()).code()).isEqualTo("INVALID_REQUEST");
    }

    private Api.Response confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return api.post("/sandbox-pg/v1/payments/confirm", null,
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount),
                Map.of("Authorization", basic(settings.secretKey()), "Idempotency-Key", idempotencyKey));
    }

    private Api.Response cancel(String paymentKey, String reason, Long amount, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("cancelReason", reason);
        if (amount != null) {
            body.put("cancelAmount", amount);
        }
        return api.post("/sandbox-pg/v1/payments/" + paymentKey + "/cancel", null, body,
                Map.of("Authorization", basic(settings.secretKey()), "Idempotency-Key", idempotencyKey));
    }

    record Response(int status, String body) {
        JsonNode json() {
            return Api.JSON.readTree(body);
        }
    }

    private Response get(String path, String secretKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET();
        if (secretKey != null) {
            request.header("Authorization", basic(secretKey));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String secretKey) {
        return "Basic " + Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
