package io.ticketrush.order;

import static io.ticketrush.order.PurchaseFlowTests.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #11, item 1: the cancellation of a paid order is recorded (tickets void, seats free,
 * refund owed) before the refund is sent; a crash on either side of the gateway call leaves an
 * order that the reconciler refunds, never a refunded order with valid tickets.
 */
@IntegrationTest
@Import(FaultyGateway.Wiring.class)
class RefundAfterRecordTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    io.ticketrush.payment.PaymentGateway gateway;

    Api api;
    People.Person fan;
    Shows.Show show;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        People people = new People(api, jdbc);
        show = new Shows(api).onSale(people.organizer().token(), 4, 10, 4);
        fan = people.fan();
    }

    @AfterEach
    void tearDown() {
        faults().reset();
        clock.reset();
    }

    @Test
    void aCrashAfterTheGatewayRefundedLeavesTheOrderCancelledWithVoidTicketsAndTheJobSettlesIt() {
        String orderId = paidOrder("A-1-1", "A-1-2");
        long amount = amount(orderId);
        faults().crashAfterRefund(orderId);

        Api.Response crashed = api.post("/api/v1/orders/" + orderId + "/cancel", fan.token(), Map.of());
        assertThat(crashed.status()).as(crashed.toString()).isEqualTo(500);

        assertThat(sandboxStatus(orderId)).as("the gateway gave the money back").isEqualTo("CANCELED");
        assertThat(state(orderId)).as("so the order is no longer paid").isEqualTo("CANCELLED/REFUND_PENDING");
        assertThat(validTickets(orderId)).as("and its tickets are void").isZero();
        assertThat(seat("A-1-1")).isEqualTo("AVAILABLE");

        settleByTheJob(orderId);
        assertThat(state(orderId)).isEqualTo("CANCELLED/REFUNDED");
        assertThat(refunded(orderId)).as("refunded once, in full (bought today, show 40 days away)").isEqualTo(amount);
        Api.Response seen = api.get("/api/v1/orders/" + orderId, fan.token());
        assertThat(seen.json().get("paymentState").asString()).isEqualTo("REFUNDED");
        assertThat(seen.json().get("refundAmount").asLong()).isEqualTo(amount);
    }

    @Test
    void aCrashBeforeTheRefundWasSentIsRefundedByTheJobAndTheFanSeesItPending() {
        String orderId = paidOrder("A-2-1");
        faults().crashBeforeRefund(orderId);

        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", fan.token(), Map.of()).status()).isEqualTo(500);

        assertThat(sandboxStatus(orderId)).as("no money moved yet").isEqualTo("DONE");
        assertThat(state(orderId)).isEqualTo("CANCELLED/REFUND_PENDING");
        assertThat(validTickets(orderId)).isZero();
        Api.Response seen = api.get("/api/v1/orders/" + orderId, fan.token());
        assertThat(seen.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(seen.json().get("paymentState").asString()).as("the fan sees the refund on its way")
                .isEqualTo("REFUND_PENDING");
        Api.Response again = api.post("/api/v1/orders/" + orderId + "/cancel", fan.token(), Map.of());
        assertThat(again.status()).as("cancelling again changes nothing").isIn(200, 202);

        settleByTheJob(orderId);
        assertThat(state(orderId)).isEqualTo("CANCELLED/REFUNDED");
        assertThat(sandboxStatus(orderId)).isEqualTo("CANCELED");
        assertThat(refunded(orderId)).isEqualTo(amount(orderId));
    }

    private void settleByTheJob(String orderId) {
        clock.advance(Duration.ofMinutes(1)); // past the first backoff
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reconciler.reconcile();
            return state(orderId).endsWith("/REFUNDED");
        });
    }

    private FaultyGateway faults() {
        return (FaultyGateway) gateway;
    }

    private String paidOrder(String... seats) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seats)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", hold.json().get("holdId").asString()));
        String orderId = order.json().get("orderId").asString();
        long amount = order.json().get("amount").asLong();
        Api.Response paid = api.post("/api/v1/orders/" + orderId + "/payments/confirm", fan.token(),
                Map.of("paymentKey", checkout(api, orderId, amount, "4000-0000-0000-0000"), "amount", amount));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(validTickets(orderId)).isEqualTo(seats.length);
        return orderId;
    }

    private String state(String orderId) {
        return jdbc.sql("SELECT status || '/' || payment_state FROM orders WHERE id = :o::uuid").param("o", orderId)
                .query(String.class).single();
    }

    private long amount(String orderId) {
        return jdbc.sql("SELECT amount FROM orders WHERE id = :o::uuid").param("o", orderId).query(Long.class).single();
    }

    private long validTickets(String orderId) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE order_id = :o::uuid AND status = 'VALID'").param("o", orderId)
                .query(Long.class).single();
    }

    private String sandboxStatus(String orderId) {
        return jdbc.sql("SELECT status FROM sandbox_payments WHERE order_id = :o AND status <> 'IN_PROGRESS'")
                .param("o", orderId).query(String.class).single();
    }

    private long refunded(String orderId) {
        return jdbc.sql("""
                SELECT coalesce(sum(c.cancel_amount), 0) FROM sandbox_payment_cancels c
                JOIN sandbox_payments p ON p.payment_key = c.payment_key WHERE p.order_id = :o""")
                .param("o", orderId).query(Long.class).single();
    }

    private String seat(String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p::uuid AND seat_id = :s")
                .param("p", show.performanceId()).param("s", seatId).query(String.class).single();
    }
}
