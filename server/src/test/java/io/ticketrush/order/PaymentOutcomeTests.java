package io.ticketrush.order;

import static io.ticketrush.order.PurchaseFlowTests.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.inventory.HoldSweeper;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Declines, timeouts, late approvals, expiry and cancellation, against the sandbox gateway over HTTP. */
@IntegrationTest
class PaymentOutcomeTests {

    static final String APPROVE = "4000-0000-0000-0000";
    static final String DECLINE = "4000-0000-0000-0002";
    static final String TIMEOUT_ONCE = "4000-0000-0000-0009";
    static final String SLOW = "4000-0000-0000-0010";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    HoldSweeper sweeper;
    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    PaymentGateway gateway;

    Api api;
    People people;
    Shows.Show show;
    People.Person fan;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        show = new Shows(api).onSale(people.organizer().token(), 6, 10, 4);
        fan = people.fan();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Placed(String orderId, long amount, String holdId) {
    }

    private Placed order(String... seats) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seats)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", hold.json().get("holdId").asString()));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return new Placed(order.json().get("orderId").asString(), order.json().get("amount").asLong(),
                hold.json().get("holdId").asString());
    }

    private Api.Response confirm(Placed order, String paymentKey) {
        return api.post("/api/v1/orders/" + order.orderId() + "/payments/confirm", fan.token(),
                Map.of("paymentKey", paymentKey, "amount", order.amount()));
    }

    @Test
    void declineReleasesTheHold() {
        Placed order = order("B-1-1", "B-1-2");
        Api.Response declined = confirm(order, checkout(api, order.orderId(), order.amount(), DECLINE));
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.code()).isEqualTo("payment-declined");
        assertThat(orderStatus(order)).isEqualTo("PAYMENT_FAILED");
        assertThat(seatStatus("B-1-1")).isEqualTo("AVAILABLE");
        assertThat(quota()).isZero();
        assertThat(ticketCount(order)).isZero();
    }

    @Test
    void amountMismatchChangesNothing() {
        Placed order = order("B-2-1");
        String key = checkout(api, order.orderId(), order.amount(), APPROVE);
        Api.Response wrong = api.post("/api/v1/orders/" + order.orderId() + "/payments/confirm", fan.token(),
                Map.of("paymentKey", key, "amount", order.amount() - 1));
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.code()).isEqualTo("amount-mismatch");
        assertThat(orderStatus(order)).isEqualTo("PENDING_PAYMENT");
        assertThat(confirm(order, key).status()).as("the right amount still pays").isEqualTo(200);
    }

    @Test
    void timeoutIsReconciledByAskingTheGateway() {
        Placed order = order("B-3-1");
        Api.Response paid = confirm(order, checkout(api, order.orderId(), order.amount(), TIMEOUT_ONCE));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(ticketCount(order)).isEqualTo(1);
    }

    @Test
    void approvalTheServerNeverHeardAboutIsSettledByTheReconciler() {
        Placed order = order("B-4-1", "B-4-2");
        String key = checkout(api, order.orderId(), order.amount(), APPROVE);
        // The gateway approved, but our process died before it recorded anything but the attempt.
        assertThat(gateway.confirm(key, order.orderId(), order.amount(), "crash-" + order.orderId()))
                .isInstanceOf(PaymentOutcome.Approved.class);
        jdbc.sql("UPDATE orders SET payment_state = 'CONFIRMING', payment_key = :k, payment_attempted_at = now() - interval '1 minute' WHERE id = :o::uuid")
                .param("k", key).param("o", order.orderId()).update();
        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(1);
        assertThat(orderStatus(order)).isEqualTo("PAID");
        assertThat(ticketCount(order)).isEqualTo(2);
        assertThat(seatStatus("B-4-2")).isEqualTo("SOLD");
    }

    @Test
    void aConfirmThatNeverReachedTheGatewayIsSentAgainByTheReconciler() {
        Placed order = order("B-4-5");
        String key = checkout(api, order.orderId(), order.amount(), APPROVE);
        // We asked the gateway, got no answer, and the gateway has no capture for the order (e.g. our
        // request died in a busy connection pool before it was sent).
        jdbc.sql("UPDATE orders SET payment_state = 'UNKNOWN', payment_key = :k, payment_attempted_at = now() - interval '1 minute' WHERE id = :o::uuid")
                .param("k", key).param("o", order.orderId()).update();
        assertThat(gateway.lookup(order.orderId())).isInstanceOf(PaymentOutcome.NotFound.class);
        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(1);
        assertThat(orderStatus(order)).isEqualTo("PAID");
        assertThat(ticketCount(order)).isEqualTo(1);
    }

    @Test
    void approvalAfterTheHoldExpiredIsRefundedAndTheSeatIsNotSoldTwice() {
        Placed order = order("A-2-1");
        String key = checkout(api, order.orderId(), order.amount(), SLOW);
        CompletableFuture<Api.Response> slowConfirm = CompletableFuture.supplyAsync(() -> confirm(order, key));
        await().atMost(Duration.ofSeconds(5)).until(() -> "CONFIRMING".equals(paymentState(order)));

        clock.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(10)).until(() -> "AVAILABLE".equals(seatStatus("A-2-1")));
        People.Person next = people.fan();
        Api.Response rehold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", next.token(),
                Map.of("seatIds", List.of("A-2-1")));
        assertThat(rehold.status()).as("the seat is on sale again").isEqualTo(201);

        Api.Response late = slowConfirm.join();
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("order-expired");
        await().atMost(Duration.ofSeconds(10)).until(() -> "REFUNDED".equals(orderStatus(order)));
        assertThat(ticketCount(order)).isZero();
        assertThat(jdbc.sql("SELECT refund_amount FROM orders WHERE id = :o::uuid").param("o", order.orderId())
                .query(Long.class).single()).isEqualTo(order.amount());
        assertThat(seatStatus("A-2-1")).isEqualTo("HELD");
        assertThat(jdbc.sql("SELECT count(*) FROM holds WHERE performance_id = :p::uuid AND 'A-2-1' = ANY(seat_ids) AND status IN ('ACTIVE','SOLD')")
                .param("p", show.performanceId()).query(Long.class).single()).as("one live claim on the seat").isEqualTo(1);
    }

    @Test
    void unpaidOrdersExpireWithTheirHold() {
        Placed order = order("A-3-1");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        sweeper.sweep();
        await().atMost(Duration.ofSeconds(10)).until(() -> "EXPIRED".equals(orderStatus(order)));
        assertThat(seatStatus("A-3-1")).isEqualTo("AVAILABLE");
        String key = checkout(api, order.orderId(), order.amount(), APPROVE);
        Api.Response tooLate = confirm(order, key);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("order-expired");
    }

    @Test
    void cancellingAPaidOrderRefundsByTheScheduleAndFreesTheSeats() {
        Placed order = order("B-5-1", "B-5-2");
        assertThat(confirm(order, checkout(api, order.orderId(), order.amount(), APPROVE)).status()).isEqualTo(200);
        assertThat(quota()).isEqualTo(2);
        Api.Response cancelled = api.post("/api/v1/orders/" + order.orderId() + "/cancel", fan.token(), Map.of());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        // bought today, show 40 days away: no fee
        assertThat(cancelled.json().get("refundAmount").asLong()).isEqualTo(order.amount());
        assertThat(cancelled.json().get("cancellationFee").asLong()).isZero();
        assertThat(seatStatus("B-5-1")).isEqualTo("AVAILABLE");
        assertThat(quota()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE order_id = :o::uuid AND status = 'CANCELLED'")
                .param("o", order.orderId()).query(Long.class).single()).isEqualTo(2);
        assertThat(api.post("/api/v1/orders/" + order.orderId() + "/cancel", fan.token(), Map.of()).status())
                .as("cancelling twice is harmless").isEqualTo(200);
    }

    @Test
    void cancellingAnUnpaidOrderReleasesTheHold() {
        Placed order = order("B-6-1");
        Api.Response cancelled = api.post("/api/v1/orders/" + order.orderId() + "/cancel", fan.token(), Map.of());
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(seatStatus("B-6-1")).isEqualTo("AVAILABLE");
        assertThat(quota()).isZero();
    }

    private String orderStatus(Placed order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :o::uuid").param("o", order.orderId()).query(String.class).single();
    }

    private String paymentState(Placed order) {
        return jdbc.sql("SELECT payment_state FROM orders WHERE id = :o::uuid").param("o", order.orderId()).query(String.class).single();
    }

    private long ticketCount(Placed order) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE order_id = :o::uuid AND status <> 'CANCELLED'")
                .param("o", order.orderId()).query(Long.class).single();
    }

    private String seatStatus(String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p::uuid AND seat_id = :s")
                .param("p", show.performanceId()).param("s", seatId).query(String.class).single();
    }

    private int quota() {
        return jdbc.sql("SELECT coalesce(sum(used), 0) FROM purchase_quotas WHERE user_id = :u AND event_id = :e::uuid")
                .param("u", fan.userId()).param("e", show.eventId()).query(Integer.class).single();
    }
}
