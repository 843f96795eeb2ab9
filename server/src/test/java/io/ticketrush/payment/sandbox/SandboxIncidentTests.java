package io.ticketrush.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.payment.GatewayIncidentContext;
import io.ticketrush.payment.SandboxCards;
import io.ticketrush.payment.SandboxOperator;
import io.ticketrush.testing.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox's incident switch at the HTTP level: who may turn it, what each mode does to the
 * gateway's server API (in the Toss shapes), and that an outage stores nothing for an Idempotency-Key.
 */
@GatewayIncidentContext
class SandboxIncidentTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    SandboxCards cards;
    SandboxOperator operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        cards = new SandboxCards(api);
        operator = new SandboxOperator(api);
    }

    @AfterEach
    void noIncident() {
        operator.incident("none");
    }

    @Test
    void theSwitchTakesTheSecretKeyAndAKnownMode() {
        Api.Response anonymous = api.put("/sandbox-pg/v1/incident", null, Map.of("mode", "down"), Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.code()).isEqualTo("unauthenticated");

        Api.Response unknownMode = api.put("/sandbox-pg/v1/incident", null, Map.of("mode", "on-fire"),
                Map.of("Authorization", SandboxOperator.SECRET_KEY_AUTH));
        assertThat(unknownMode.status()).isEqualTo(400);
        assertThat(unknownMode.code()).isEqualTo("validation-failed");
        assertThat(unknownMode.json().get("errors").findValuesAsString("field")).containsExactly("mode");
        assertThat(api.put("/sandbox-pg/v1/incident", null, "{not json",
                Map.of("Authorization", SandboxOperator.SECRET_KEY_AUTH)).code()).isEqualTo("malformed-request");

        assertThat(current()).as("nothing changed").isEqualTo("none");
        operator.incident("slow");
        assertThat(current()).isEqualTo("slow");
    }

    @Test
    void downAnswers500AndCarriesNothingOutNotEvenForTheIdempotencyKey() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 7_000, SandboxCards.APPROVES);
        String idempotencyKey = UUID.randomUUID().toString();
        operator.incident("down");

        Api.Response confirm = confirm(paymentKey, orderId, 7_000, idempotencyKey);
        assertThat(confirm.status()).isEqualTo(500);
        assertThat(confirm.code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        Api.Response lookup = api.get("/sandbox-pg/v1/payments/orders/" + orderId, null,
                Map.of("Authorization", SandboxOperator.SECRET_KEY_AUTH));
        assertThat(lookup.status()).isEqualTo(500);
        assertThat(statusOf(paymentKey)).isEqualTo("IN_PROGRESS");

        operator.incident("none");
        Api.Response retried = confirm(paymentKey, orderId, 7_000, idempotencyKey);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void decliningDeclinesEveryCard() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 7_000, SandboxCards.APPROVES);
        operator.incident("declining");

        Api.Response declined = confirm(paymentKey, orderId, 7_000, UUID.randomUUID().toString());
        assertThat(declined.status()).isEqualTo(403);
        assertThat(declined.code()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(statusOf(paymentKey)).isEqualTo("ABORTED");
    }

    private Api.Response confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        return api.post("/sandbox-pg/v1/payments/confirm", null,
                Map.of("paymentKey", paymentKey, "orderId", orderId, "amount", amount),
                Map.of("Authorization", SandboxOperator.SECRET_KEY_AUTH, "Idempotency-Key", idempotencyKey));
    }

    private String current() {
        assertThat(api.get("/sandbox-pg/v1/incident", null).status()).isEqualTo(401);
        Api.Response current = api.get("/sandbox-pg/v1/incident", null,
                Map.of("Authorization", SandboxOperator.SECRET_KEY_AUTH));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        return current.json().get("mode").asString();
    }

    private String statusOf(String paymentKey) {
        return jdbc.sql("SELECT status FROM sandbox_payments WHERE payment_key = :key").param("key", paymentKey)
                .query(String.class).single();
    }
}
