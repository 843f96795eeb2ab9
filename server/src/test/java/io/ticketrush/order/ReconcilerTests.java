package io.ticketrush.order;

import static io.ticketrush.order.PurchaseFlowTests.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #11, item 2: orders the reconciler cannot settle never starve a fresh one, the deadline is
 * checked when the gateway is called (not when the run began), and a reconciler stuck on a slow
 * gateway no longer stalls the other jobs (holds still expire).
 */
@IntegrationTest
@Import(FaultyGateway.Wiring.class)
class ReconcilerTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    MeterRegistry meters;

    Api api;
    People.Person fan;
    Shows.Show show;
    final UUID backlogOwner = UUID.randomUUID();

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
        jdbc.sql("DELETE FROM orders WHERE user_id = :u").param("u", backlogOwner).update();
    }

    @Test
    void threeHundredUnsettleableOrdersDoNotKeepAFreshApprovalFromSettling() {
        // 100 refunds the gateway refuses (it has no such payment), 100 paid orders the gateway has no
        // capture for, 100 whose lookup never gets an answer: all older than the fresh approval.
        backlog(100, "EXPIRED", "REFUND_PENDING");
        backlog(100, "PAID", "UNKNOWN");
        List<UUID> silent = backlog(100, "PENDING_PAYMENT", "UNKNOWN");
        silent.forEach(id -> faults().onLookup(id, any -> new PaymentOutcome.Unknown("no answer")));

        String fresh = placedOrder("B-1-1");
        long amount = amount(fresh);
        String key = checkout(api, fresh, amount, "4000-0000-0000-0000");
        assertThat(gateway.confirm(key, fresh, amount, "crash-" + fresh)).isInstanceOf(PaymentOutcome.Approved.class);
        unknown(fresh, key, "1 minute");

        reconciler.reconcile();
        reconciler.reconcile();

        assertThat(state(fresh)).as("the fresh approval settled behind the backlog").isEqualTo("PAID/APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :u AND payment_state = 'MANUAL_REVIEW'")
                .param("u", backlogOwner).query(Long.class).single())
                .as("refused refunds and unaccountable captures wait for an operator").isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM orders WHERE user_id = :u AND payment_state = 'UNKNOWN'
                  AND settle_attempts >= 1 AND next_settle_at > payment_attempted_at""")
                .param("u", backlogOwner).query(Long.class).single())
                .as("every silent one was tried, counted and put off").isEqualTo(100);
        assertThat(meters.get("ticketrush.orders.manual.review").gauge().value()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void theDeadlineIsCheckedWhenTheGatewayIsCalledNotWhenTheRunBegan() {
        String slow = placedOrder("B-2-1");
        String late = placedOrder("B-2-2");
        String lateKey = checkout(api, late, amount(late), "4000-0000-0000-0000");
        AtomicBoolean once = new AtomicBoolean();
        // The first order's lookup takes the run past the second order's payment deadline.
        faults().onLookup(slow, any -> {
            if (once.compareAndSet(false, true)) {
                clock.advance(Duration.ofMinutes(6));
            }
            return new PaymentOutcome.Unknown("slow");
        });
        jdbc.sql("""
                UPDATE orders SET payment_state = 'UNKNOWN', payment_key = CASE WHEN id = :late::uuid THEN :k ELSE 'slow' END,
                    payment_attempted_at = now() - CASE WHEN id = :late::uuid THEN interval '1 minute' ELSE interval '2 minutes' END
                WHERE id IN (:slow::uuid, :late::uuid)""")
                .param("late", late).param("slow", slow).param("k", lateKey).update();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reconciler.reconcile();
            return !state(late).startsWith("PENDING_PAYMENT/UNKNOWN");
        });

        assertThat(faults().confirmSent(late)).as("no confirm is sent past the deadline").isFalse();
        assertThat(gateway.lookup(late)).as("nothing captured").isInstanceOf(PaymentOutcome.NotFound.class);
        assertThat(state(late)).isIn("PENDING_PAYMENT/DECLINED", "EXPIRED/DECLINED", "EXPIRED/UNKNOWN");
    }

    @Test
    void aReconcilerStuckOnASlowGatewayDoesNotKeepExpiredHoldsFromReturningToSale() throws Exception {
        String stuck = placedOrder("B-3-1");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean returned = new AtomicBoolean();
        faults().onLookup(stuck, any -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.set(true);
            return new PaymentOutcome.Unknown("stalled");
        });
        unknown(stuck, "stuck-key", "1 minute");
        try {
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the scheduled reconciler is stuck in the gateway").isTrue();
            Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                    Map.of("seatIds", List.of("A-4-1")));
            assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
            clock.advance(Duration.ofMinutes(6));
            await().atMost(Duration.ofSeconds(20)).until(() -> "AVAILABLE".equals(seat("A-4-1")));
            assertThat(returned).as("the reconciler was still stuck meanwhile").isFalse();
        } finally {
            release.countDown();
        }
    }

    private List<UUID> backlog(int count, String status, String paymentState) {
        return jdbc.sql("""
                INSERT INTO orders (id, user_id, hold_id, performance_id, event_id, performance_starts_at, status,
                    seat_ids, grade_codes, prices, subtotal, amount, payment_deadline, payment_state, payment_key,
                    payment_attempted_at, refund_amount, created_at, paid_at)
                SELECT gen_random_uuid(), :u, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() + interval '40 days',
                    :status, ARRAY['Z-1-1'], ARRAY['R'], ARRAY[1000::bigint], 1000, 1000, now() + interval '3 minutes',
                    :ps, 'no-such-payment-' || i, now() - interval '1 hour' + i * interval '1 millisecond',
                    CASE WHEN :ps = 'REFUND_PENDING' THEN 1000 END, now() - interval '1 hour',
                    CASE WHEN :status = 'PAID' THEN now() - interval '1 hour' END
                FROM generate_series(1, :n) i
                RETURNING id""")
                .param("u", backlogOwner).param("status", status).param("ps", paymentState).param("n", count)
                .query(UUID.class).list();
    }

    private void unknown(String orderId, String key, String ago) {
        jdbc.sql("UPDATE orders SET payment_state = 'UNKNOWN', payment_key = :k, payment_attempted_at = now() - :ago::interval WHERE id = :o::uuid")
                .param("k", key).param("ago", ago).param("o", orderId).update();
    }

    private FaultyGateway faults() {
        return (FaultyGateway) gateway;
    }

    private String placedOrder(String seat) {
        Api.Response hold = api.post("/api/v1/performances/" + show.performanceId() + "/holds", fan.token(),
                Map.of("seatIds", List.of(seat)));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        Api.Response order = api.post("/api/v1/orders", fan.token(), Map.of("holdId", hold.json().get("holdId").asString()));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return order.json().get("orderId").asString();
    }

    private String state(String orderId) {
        return jdbc.sql("SELECT status || '/' || payment_state FROM orders WHERE id = :o::uuid").param("o", orderId)
                .query(String.class).single();
    }

    private long amount(String orderId) {
        return jdbc.sql("SELECT amount FROM orders WHERE id = :o::uuid").param("o", orderId).query(Long.class).single();
    }

    private String seat(String seatId) {
        return jdbc.sql("SELECT status FROM seat_inventory WHERE performance_id = :p::uuid AND seat_id = :s")
                .param("p", show.performanceId()).param("s", seatId).query(String.class).single();
    }
}
