package io.ticketrush.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.inventory.HoldSweeper;
import io.ticketrush.order.PaymentReconciler;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payment gateway incidents end to end over HTTP, with the sandbox's incident switch: the circuit
 * breaker opens on failures (down) and on slow calls (slow), not on card declines (declining);
 * while it is open confirmations answer 503 at once and nothing is sent; the orders waiting to pay
 * and their holds get more time, once; after the wait (on the injected clock) a trial call closes it.
 */
@GatewayIncidentContext
class GatewayIncidentFlowTests {

    static final Duration EXTENSION = Duration.ofMinutes(10);
    static final Duration WAIT_IN_OPEN = Duration.ofSeconds(30);
    /**
     * This server's clock runs an hour ahead: the other test classes' servers (cached contexts on the
     * same database, whose reconcilers keep running) then leave the unsettled orders made here alone.
     */
    static final Duration AHEAD = Duration.ofHours(1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    GatewayCircuit circuit;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    HoldSweeper sweeper;
    @Autowired
    MeterRegistry meters;

    Api api;
    People people;
    SandboxCards cards;
    SandboxOperator operator;
    Shows.Show show;
    final AtomicInteger nextSeat = new AtomicInteger(1);

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        cards = new SandboxCards(api);
        operator = new SandboxOperator(api);
        clock.advance(AHEAD);
        show = new Shows(api).onSale(people.organizer().token(), 4, 10, 4);
        circuit.reset();
    }

    @AfterEach
    void recover() {
        operator.incident("none");
        circuit.reset();
        clock.reset();
    }

    record Placed(String orderId, String holdId, long amount, People.Person fan) {
    }

    @Test
    void anOutageOpensTheBreakerConfirmationsFailFastAndWaitingOrdersGetMoreTimeOnce() {
        Placed waiting = order();
        Instant waitingDeadline = deadline(waiting);
        Placed first = order();
        Placed second = order();
        Placed refused = order();
        operator.incident("down");

        // Two confirmations: each asks the gateway to confirm, then to look the payment up: 4 failed calls.
        for (Placed order : List.of(first, second)) {
            Api.Response unknown = confirm(order, SandboxCards.APPROVES);
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(202);
            assertThat(unknown.json().get("paymentState").asString()).isEqualTo("UNKNOWN");
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(stateGauge("open")).as("the breaker's state is a meter").isEqualTo(1.0);

        double refusedBefore = notPermitted();
        Api.Response fast = confirm(refused, SandboxCards.APPROVES);
        assertThat(fast.status()).as(fast.toString()).isEqualTo(503);
        assertThat(fast.code()).isEqualTo("payment-gateway-unavailable");
        assertThat(fast.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fast.header("Retry-After")).isEqualTo("30");
        assertThat(notPermitted()).as("refused before any call").isEqualTo(refusedBefore + 1);
        assertThat(paymentState(refused)).as("nothing left in limbo").isEqualTo("NONE");
        assertThat(status(refused)).isEqualTo("PENDING_PAYMENT");

        // The opening gave every order waiting to pay ten more minutes, and its hold the same.
        await().atMost(Duration.ofSeconds(10)).until(() -> extendedAt(waiting) != null);
        assertThat(deadline(waiting)).isEqualTo(waitingDeadline.plus(EXTENSION));
        for (Placed order : List.of(waiting, first, second, refused)) {
            assertThat(extendedAt(order)).as("extended: " + order).isNotNull();
            assertThat(holdExpiry(order)).as("hold expiry = deadline").isEqualTo(deadline(order));
        }
        assertThat(api.get("/api/v1/orders/" + waiting.orderId(), waiting.fan().token()).json()
                .get("paymentDeadline").asString()).isEqualTo(deadline(waiting).toString());
        assertThat(payPage(waiting)).as("the checkout page says so")
                .contains("The payment provider has an incident", "your payment deadline was extended");

        // While open, look-ups are not sent either: the reconciler leaves the unknown orders for later.
        clock.advance(Duration.ofSeconds(6));
        double beforeReconcile = notPermitted();
        assertThat(gateway.lookup(first.orderId())).isInstanceOfSatisfying(PaymentOutcome.Unknown.class,
                u -> assertThat(u.reason()).contains("circuit breaker is open"));
        reconciler.reconcile();
        assertThat(notPermitted()).isGreaterThanOrEqualTo(beforeReconcile + 3);
        assertThat(paymentState(first)).isEqualTo("UNKNOWN");
        assertThat(paymentState(second)).isEqualTo("UNKNOWN");

        // After the wait a trial call goes through, fails, and the breaker opens again: only the order
        // placed since is extended; the others keep their one extension.
        Placed later = order();
        Instant laterDeadline = deadline(later);
        Map<String, Instant> deadlines = deadlines(waiting, first, second, refused);
        clock.advance(WAIT_IN_OPEN);
        Api.Response trial = confirm(later, SandboxCards.APPROVES);
        assertThat(trial.status()).as(trial.toString()).isEqualTo(202);
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> extendedAt(later) != null);
        assertThat(deadline(later)).isEqualTo(laterDeadline.plus(EXTENSION));
        assertThat(deadlines(waiting, first, second, refused)).as("a second opening extends nobody twice")
                .isEqualTo(deadlines);

        // Past the original deadline the sweeper leaves the extended hold alone (a hold without an order expires).
        String plainHold = hold(people.fan());
        clock.advance(Duration.ofMinutes(5));
        sweeper.sweep();
        assertThat(holdStatus(plainHold)).isEqualTo("EXPIRED");
        assertThat(holdStatus(waiting.holdId())).isEqualTo("ACTIVE");
        assertThat(status(waiting)).isEqualTo("PENDING_PAYMENT");

        // The gateway recovers: the next trial call succeeds, the breaker closes, the fan pays in the extra time.
        operator.incident("none");
        Api.Response paid = confirm(waiting, SandboxCards.APPROVES);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(stateGauge("closed")).isEqualTo(1.0);
        assertThat(seatStatus(waiting)).isEqualTo("SOLD");
        assertThat(payPage(refused)).contains("your payment deadline was extended")
                .doesNotContain("The payment provider has an incident");
    }

    @Test
    void aSlowGatewayTripsTheSlowCallRuleAndTheNextConfirmationDoesNotWaitForIt() {
        operator.incident("slow");
        for (int i = 0; i < 4; i++) {
            Placed order = order();
            Api.Response paid = confirm(order, SandboxCards.APPROVES);
            assertThat(paid.status()).as("slow, but approved: " + paid).isEqualTo(200);
            assertThat(status(order)).isEqualTo("PAID");
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);

        Placed next = order();
        String paymentKey = cards.checkOut(next.orderId(), next.amount(), SandboxCards.APPROVES);
        Instant start = Instant.now();
        Api.Response refused = api.post("/api/v1/orders/" + next.orderId() + "/payments/confirm", next.fan().token(),
                Map.of("paymentKey", paymentKey, "amount", next.amount()));
        Duration took = Duration.between(start, Instant.now());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("payment-gateway-unavailable");
        assertThat(took).as("did not wait for the slow gateway (2.5 s a call)").isLessThan(Duration.ofMillis(2500));
        assertThat(paymentState(next)).isEqualTo("NONE");
    }

    @Test
    void declinedCardsAreAnswersNotFailures() {
        operator.incident("declining");
        for (int i = 0; i < 6; i++) {
            Placed order = order();
            Api.Response declined = confirm(order, SandboxCards.APPROVES);
            assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
            assertThat(declined.code()).isEqualTo("payment-declined");
            assertThat(status(order)).isEqualTo("PAYMENT_FAILED");
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        operator.incident("none");
        Placed order = order();
        Api.Response paid = confirm(order, SandboxCards.APPROVES);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(extendedAt(order)).isNull();
    }

    private Placed order() {
        People.Person fan = people.fan();
        String holdId = hold(fan);
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", holdId));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return new Placed(order.json().get("orderId").asString(), holdId, order.json().get("amount").asLong(), fan);
    }

    private String hold(People.Person fan) {
        int seat = nextSeat.getAndIncrement();
        String seatId = "B-" + ((seat - 1) / 10 + 1) + "-" + ((seat - 1) % 10 + 1);
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seatId)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        return hold.json().get("holdId").asString();
    }

    private Api.Response confirm(Placed order, String card) {
        String paymentKey = cards.checkOut(order.orderId(), order.amount(), card);
        return api.post("/api/v1/orders/" + order.orderId() + "/payments/confirm", order.fan().token(),
                Map.of("paymentKey", paymentKey, "amount", order.amount()));
    }

    /** The fan's checkout page, in English, signed in with the page cookie. */
    private String payPage(Placed order) {
        Api.Response page = api.get("/orders/" + order.orderId() + "/pay?lang=en", null,
                Map.of("Cookie", "ticketrush_session=" + order.fan().token()));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body();
    }

    private double notPermitted() {
        return meters.get("resilience4j.circuitbreaker.not.permitted.calls").tag("name", GatewayCircuit.NAME)
                .counter().count();
    }

    private double stateGauge(String state) {
        return meters.get("resilience4j.circuitbreaker.state").tag("name", GatewayCircuit.NAME).tag("state", state)
                .gauge().value();
    }

    private Instant deadline(Placed order) {
        return jdbc.sql("SELECT payment_deadline FROM orders WHERE id = :o::uuid").param("o", order.orderId())
                .query(Timestamp.class).single().toInstant();
    }

    private Map<String, Instant> deadlines(Placed... orders) {
        Map<String, Instant> deadlines = new java.util.TreeMap<>();
        for (Placed order : orders) {
            deadlines.put(order.orderId(), deadline(order));
        }
        return deadlines;
    }

    private @Nullable Instant extendedAt(Placed order) {
        return jdbc.sql("SELECT deadline_extended_at FROM orders WHERE id = :o::uuid").param("o", order.orderId())
                .query((rs, n) -> rs.getTimestamp(1) == null ? "" : rs.getTimestamp(1).toInstant().toString())
                .single().transform(at -> at.isEmpty() ? null : Instant.parse(at));
    }

    private Instant holdExpiry(Placed order) {
        return jdbc.sql("SELECT expires_at FROM holds WHERE id = :h::uuid").param("h", order.holdId())
                .query(Timestamp.class).single().toInstant();
    }

    private String holdStatus(String holdId) {
        return jdbc.sql("SELECT status FROM holds WHERE id = :h::uuid").param("h", holdId).query(String.class).single();
    }

    private String status(Placed order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :o::uuid").param("o", order.orderId())
                .query(String.class).single();
    }

    private String paymentState(Placed order) {
        return jdbc.sql("SELECT payment_state FROM orders WHERE id = :o::uuid").param("o", order.orderId())
                .query(String.class).single();
    }

    private String seatStatus(Placed order) {
        return jdbc.sql("SELECT s.status FROM seat_inventory s JOIN holds h ON h.performance_id = s.performance_id"
                        + " AND s.seat_id = ANY(h.seat_ids) WHERE h.id = :h::uuid")
                .param("h", order.holdId()).query(String.class).single();
    }
}
