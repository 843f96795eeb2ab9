package io.ticketrush.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import java.util.List;
import java.util.Map;

/** Buying seats through the JSON API, as a fan's app does: hold, order, sandbox checkout, confirm. */
public final class Purchases {

    private final Api api;

    public Purchases(Api api) {
        this.api = api;
    }

    /** Holds the seats and returns the hold id (seats stay HELD). */
    public String hold(String fanToken, String performanceId, List<String> seatIds) {
        Api.Response hold = api.post("/api/v1/performances/" + performanceId + "/holds", fanToken, Map.of("seatIds", seatIds));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.json().get("holdId").asString();
    }

    /** Buys the seats with the approving test card; returns the tickets' codes in seat order. */
    public List<String> buy(String fanToken, String performanceId, List<String> seatIds) {
        String holdId = hold(fanToken, performanceId, seatIds);
        Api.Response order = api.post("/api/v1/orders", fanToken, Map.of("holdId", holdId));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.json().get("orderId").asString();
        long amount = order.json().get("amount").asLong();
        Api.Response checkout = api.post("/sandbox-pg/v1/checkout", null,
                Map.of("orderId", orderId, "amount", amount, "cardNumber", "4000-0000-0000-0000"));
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fanToken,
                Map.of("paymentKey", checkout.json().get("paymentKey").asString(), "amount", amount));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        return paid.json().get("tickets").findValuesAsString("code");
    }
}
