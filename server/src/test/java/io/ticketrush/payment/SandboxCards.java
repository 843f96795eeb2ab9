package io.ticketrush.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import java.util.Map;
import java.util.UUID;

/** The fan's side of a sandbox payment in tests: the widget's checkout, which hands out a payment key. */
public final class SandboxCards {

    public static final String APPROVES = "4000-0000-0000-0000";
    public static final String DECLINES = "4000-0000-0000-0002";
    public static final String TIMES_OUT_ONCE = "4000-0000-0000-0009";
    public static final String SLOW = "4000-0000-0000-0010";

    private final Api api;

    public SandboxCards(Api api) {
        this.api = api;
    }

    public static String newOrderId() {
        return "order-" + UUID.randomUUID();
    }

    /** @return the payment key of a new checkout */
    public String checkOut(String orderId, long amount, String cardNumber) {
        Api.Response response = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", amount, "cardNumber", cardNumber));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("paymentKey").asString();
    }
}
