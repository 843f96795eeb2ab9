package io.ticketrush.payment.toss;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.payment.PaymentOutcome.Approved;
import io.ticketrush.payment.PaymentOutcome.Declined;
import io.ticketrush.payment.SandboxCards;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Refunds through the real {@link PaymentGateway} against the sandbox gateway. Same configuration
 * as {@link PaymentGatewayTests}, so both share one Spring context.
 */
@IntegrationTest
@TestPropertySource(properties = "ticketrush.payment.read-timeout=PT1S")
class RefundTests {

    @LocalServerPort
    int port;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    JdbcClient jdbc;

    SandboxCards cards;

    @BeforeEach
    void setUp() {
        cards = new SandboxCards(new Api(port));
    }

    @Test
    void aFullCancellationRefundsOnceAndTheLookupShowsItCancelled() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 66_000, SandboxCards.APPROVES);
        assertApproved(gateway.confirm(paymentKey, orderId, 66_000, key()), paymentKey, orderId, 66_000);
        String cancelKey = key();

        CancelOutcome first = gateway.cancel(paymentKey, 0, "fan changed their mind", cancelKey);
        CancelOutcome again = gateway.cancel(paymentKey, 0, "fan changed their mind", cancelKey);

        assertThat(first).isEqualTo(new CancelOutcome.Cancelled(66_000));
        assertThat(again).isEqualTo(first);
        assertThat(refundsOf(paymentKey)).isEqualTo(1);
        assertThat(statusOf(paymentKey)).isEqualTo("CANCELED");
        assertThat(gateway.lookup(orderId)).isInstanceOfSatisfying(Declined.class,
                d -> assertThat(d.code()).isEqualTo(Declined.CANCELED));
        assertThat(gateway.cancel(paymentKey, 0, "once more", key())).isInstanceOfSatisfying(CancelOutcome.Failed.class,
                f -> assertThat(f.code()).isEqualTo("ALREADY_CANCELED_PAYMENT"));
        assertThat(refundsOf(paymentKey)).isEqualTo(1);
    }

    @Test
    void partialCancellationsReduceTheBalanceUntilNothingIsLeft() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 30_000, SandboxCards.APPROVES);
        assertApproved(gateway.confirm(paymentKey, orderId, 30_000, key()), paymentKey, orderId, 30_000);

        assertThat(gateway.cancel(paymentKey, 10_000, "one seat returned", key()))
                .isEqualTo(new CancelOutcome.Cancelled(10_000));
        assertApproved(gateway.lookup(orderId), paymentKey, orderId, 20_000);
        assertThat(statusOf(paymentKey)).isEqualTo("PARTIAL_CANCELED");
        assertThat(gateway.cancel(paymentKey, 25_000, "too much", key()))
                .isInstanceOfSatisfying(CancelOutcome.Failed.class,
                        f -> assertThat(f.code()).isEqualTo("NOT_CANCELABLE_AMOUNT"));

        assertThat(gateway.cancel(paymentKey, 0, "the rest", key())).isEqualTo(new CancelOutcome.Cancelled(20_000));
        assertThat(gateway.lookup(orderId)).isInstanceOfSatisfying(Declined.class,
                d -> assertThat(d.code()).isEqualTo(Declined.CANCELED));
        assertThat(refundsOf(paymentKey)).isEqualTo(2);
    }

    @Test
    void onlyACapturedPaymentCanBeCancelled() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 5_000, SandboxCards.APPROVES);
        assertThat(gateway.cancel(paymentKey, 0, "not confirmed yet", key()))
                .isInstanceOfSatisfying(CancelOutcome.Failed.class,
                        f -> assertThat(f.code()).isEqualTo("NOT_CANCELABLE_PAYMENT"));
        assertThat(gateway.cancel("tsbx_no_such_payment", 0, "nothing", key()))
                .isInstanceOfSatisfying(CancelOutcome.Failed.class,
                        f -> assertThat(f.code()).isEqualTo("NOT_FOUND_PAYMENT"));
    }

    @Test
    void racingRepeatsOfOneCancellationRefundOnce() throws Exception {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 12_000, SandboxCards.APPROVES);
        assertApproved(gateway.confirm(paymentKey, orderId, 12_000, key()), paymentKey, orderId, 12_000);
        String cancelKey = key();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CancelOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService retries = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                outcomes.add(retries.submit(() -> {
                    start.await();
                    return gateway.cancel(paymentKey, 5_000, "one seat returned", cancelKey);
                }));
            }
            start.countDown();
        }

        for (Future<CancelOutcome> outcome : outcomes) {
            assertThat(outcome.get()).isEqualTo(new CancelOutcome.Cancelled(5_000));
        }
        assertThat(refundsOf(paymentKey)).isEqualTo(1);
        assertThat(statusOf(paymentKey)).isEqualTo("PARTIAL_CANCELED");
    }

    private static void assertApproved(PaymentOutcome outcome, String paymentKey, String orderId, long amount) {
        assertThat(outcome).isInstanceOfSatisfying(Approved.class,
                approved -> assertThat(approved).isEqualTo(new Approved(paymentKey, orderId, amount, approved.approvedAt())));
    }

    private String statusOf(String paymentKey) {
        return jdbc.sql("SELECT status FROM sandbox_payments WHERE payment_key = :key").param("key", paymentKey)
                .query(String.class).single();
    }

    private long refundsOf(String paymentKey) {
        return jdbc.sql("SELECT count(*) FROM sandbox_payment_cancels WHERE payment_key = :key").param("key", paymentKey)
                .query(Long.class).single();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
