package io.ticketrush.order;

import static io.ticketrush.order.PurchaseFlowTests.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.order.persistence.OrderRows;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Found by the benchmark audit (a PAID order whose payment had been refunded): when a confirm
 * call is slow, the reconciler settles the same approval meanwhile; whichever of the two comes
 * second must see the order PAID and leave the money alone.
 */
@IntegrationTest
class ConcurrentSettlementTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    Settlement settlement;
    @Autowired
    OrderRows orders;

    @Test
    void aSlowConfirmThatTheReconcilerSettledFirstKeepsTheOrderPaidAndTheMoneyCaptured() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows.Show show = new Shows(api).onSale(people.organizer().token(), 2, 10, 4);
        People.Person fan = people.fan();
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of("A-1-1", "A-1-2")));
        Api.Response placed = api.post("/api/v1/orders", fan.token(), Map.of("holdId", hold.json().get("holdId").asString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        UUID orderId = UUID.fromString(placed.json().get("orderId").asString());
        long amount = placed.json().get("amount").asLong();
        String key = checkout(api, orderId.toString(), amount, "4000-0000-0000-0000");

        // The confirm call has asked the gateway, which approved, but its answer has not come back yet.
        jdbc.sql("UPDATE orders SET payment_state = 'CONFIRMING', payment_key = :k, payment_attempted_at = now() - interval '1 minute' WHERE id = :o")
                .param("k", key).param("o", orderId).update();
        Order asTheConfirmCallSawIt = orders.find(orderId).orElseThrow();
        PaymentOutcome.Approved approval = (PaymentOutcome.Approved) gateway.confirm(key, orderId.toString(), amount,
                "confirm-" + orderId + "-" + key);

        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(1);
        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PAID);

        assertThat(settlement.approved(asTheConfirmCallSawIt, approval)).as("the late confirm sees it paid").isTrue();
        assertThat(orders.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(jdbc.sql("SELECT status FROM sandbox_payments WHERE payment_key = :k").param("k", key)
                .query(String.class).single()).as("the capture is not refunded").isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE order_id = :o AND status = 'VALID'").param("o", orderId)
                .query(Integer.class).single()).isEqualTo(2);

        settlement.refundLateApproval(orderId, key, amount);
        assertThat(jdbc.sql("SELECT status FROM sandbox_payments WHERE payment_key = :k").param("k", key)
                .query(String.class).single()).as("a PAID order's payment is never refunded as late").isEqualTo("DONE");
    }
}
