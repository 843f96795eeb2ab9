package io.ticketrush.payment.toss;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentGateway;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.payment.PaymentOutcome.Approved;
import io.ticketrush.payment.PaymentOutcome.Declined;
import io.ticketrush.payment.PaymentOutcome.NotFound;
import io.ticketrush.payment.PaymentOutcome.Unknown;
import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.SandboxCards;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@link PaymentGateway} bean against the sandbox gateway over HTTP, one behaviour per
 * test card and per Toss rule. The read timeout is one second, so the timeout card (which stalls
 * read timeout + 2 s) and the slow card (3 s) both outlast it.
 */
@IntegrationTest
@TestPropertySource(properties = "ticketrush.payment.read-timeout=PT1S")
class PaymentGatewayTests {

    @LocalServerPort
    int port;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    PaymentSettings settings;
    @Autowired
    GatewayAddress address;
    @Autowired
    RestClient.Builder restClients;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    SandboxCards cards;

    @BeforeEach
    void setUp() {
        cards = new SandboxCards(new Api(port));
    }

    @Test
    void theApprovingCardIsApprovedForItsAmount() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 55_000, SandboxCards.APPROVES);
        Instant before = Instant.now();

        PaymentOutcome outcome = gateway.confirm(paymentKey, orderId, 55_000, key());

        Approved approved = assertApproved(outcome, paymentKey, orderId, 55_000);
        assertThat(approved.approvedAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(gateway.lookup(orderId)).isEqualTo(approved);
        assertThat(statusOf(paymentKey)).isEqualTo("DONE");
    }

    @Test
    void theDecliningCardIsDeclinedAndNothingIsCaptured() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 12_000, SandboxCards.DECLINES);

        PaymentOutcome outcome = gateway.confirm(paymentKey, orderId, 12_000, key());

        assertThat(outcome).isInstanceOfSatisfying(Declined.class, d -> {
            assertThat(d.code()).isEqualTo("REJECT_CARD_PAYMENT");
            assertThat(d.message()).isNotBlank();
        });
        assertThat(gateway.lookup(orderId)).isInstanceOfSatisfying(Declined.class,
                d -> assertThat(d.code()).isEqualTo("REJECT_CARD_PAYMENT"));
        assertThat(statusOf(paymentKey)).isEqualTo("ABORTED");
    }

    @Test
    void theTimeoutCardIsUnknownAtFirstAndTheLookupFindsItApproved() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 30_000, SandboxCards.TIMES_OUT_ONCE);
        String idempotencyKey = key();

        assertThat(gateway.confirm(paymentKey, orderId, 30_000, idempotencyKey)).isInstanceOf(Unknown.class);

        Approved approved = assertApproved(gateway.lookup(orderId), paymentKey, orderId, 30_000);
        assertThat(gateway.confirm(paymentKey, orderId, 30_000, idempotencyKey)).isEqualTo(approved);
        assertThat(gateway.confirm(paymentKey, orderId, 30_000, key())).isEqualTo(approved);
        assertThat(capturedPaymentsOf(orderId)).isEqualTo(1);
    }

    @Test
    void theSlowCardOutlastsAShortReadTimeoutButIsApprovedForAPatientClient() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 8_000, SandboxCards.SLOW);
        assertThat(gateway.confirm(paymentKey, orderId, 8_000, key())).isInstanceOf(Unknown.class);
        assertApproved(gateway.lookup(orderId), paymentKey, orderId, 8_000);

        String patientOrder = SandboxCards.newOrderId();
        String patientKey = cards.checkOut(patientOrder, 9_000, SandboxCards.SLOW);
        try (TossPaymentsClient patient = client(settings.secretKey(), Duration.ofSeconds(30))) {
            assertApproved(patient.confirm(patientKey, patientOrder, 9_000, key()), patientKey, patientOrder, 9_000);
        }
    }

    @Test
    void repeatingAConfirmationAnswersTheSamePaymentAndCapturesOnce() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 20_000, SandboxCards.APPROVES);
        String idempotencyKey = key();

        PaymentOutcome first = gateway.confirm(paymentKey, orderId, 20_000, idempotencyKey);
        PaymentOutcome again = gateway.confirm(paymentKey, orderId, 20_000, idempotencyKey);
        PaymentOutcome otherKey = gateway.confirm(paymentKey, orderId, 20_000, key());

        Approved approved = assertApproved(first, paymentKey, orderId, 20_000);
        assertThat(again).isEqualTo(approved);
        assertThat(otherKey).isEqualTo(approved);
        assertThat(capturedPaymentsOf(orderId)).isEqualTo(1);
    }

    @Test
    void aConfirmationWithAnotherAmountIsDeclinedAndLeavesThePaymentConfirmable() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 40_000, SandboxCards.APPROVES);

        assertThat(gateway.confirm(paymentKey, orderId, 4_000, key())).isInstanceOfSatisfying(Declined.class,
                d -> assertThat(d.code()).isEqualTo("INVALID_REQUEST"));
        assertThat(gateway.confirm(paymentKey, SandboxCards.newOrderId(), 40_000, key()))
                .isInstanceOfSatisfying(Declined.class, d -> assertThat(d.code()).isEqualTo("INVALID_REQUEST"));
        assertThat(gateway.lookup(orderId)).isInstanceOf(NotFound.class);

        assertApproved(gateway.confirm(paymentKey, orderId, 40_000, key()), paymentKey, orderId, 40_000);
    }

    @Test
    void aWrongSecretKeyIsRefusedAndTellsNothingAboutThePayment() {
        String orderId = SandboxCards.newOrderId();
        String paymentKey = cards.checkOut(orderId, 10_000, SandboxCards.APPROVES);
        try (TossPaymentsClient impostor = client("test_sk_not_the_sandbox_key", Duration.ofSeconds(5))) {
            assertThat(impostor.confirm(paymentKey, orderId, 10_000, key())).isInstanceOfSatisfying(Declined.class,
                    d -> assertThat(d.code()).isEqualTo("UNAUTHORIZED_KEY"));
            assertThat(impostor.lookup(orderId)).isInstanceOfSatisfying(Unknown.class,
                    u -> assertThat(u.reason()).contains("UNAUTHORIZED_KEY"));
        }
        assertThat(statusOf(paymentKey)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anUnreachableGatewayIsUnknown() {
        PaymentSettings nowhere = new PaymentSettings("http://127.0.0.1:1", settings.secretKey(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), settings.sandbox(), settings.breaker(), settings.incidentExtension());
        try (TossPaymentsClient client = new TossPaymentsClient(nowhere, new GatewayAddress(nowhere, null, null),
                restClients, json)) {
            assertThat(client.confirm("tsbx_x", SandboxCards.newOrderId(), 1_000, key())).isInstanceOf(Unknown.class);
            assertThat(client.lookup(SandboxCards.newOrderId())).isInstanceOf(Unknown.class);
            assertThat(client.cancel("tsbx_x", 0, "test", key())).isInstanceOf(CancelOutcome.Unknown.class);
        }
    }

    @Test
    void anOrderWithoutPaymentIsNotFoundAndAnUnknownPaymentKeyIsDeclined() {
        String orderId = SandboxCards.newOrderId();
        assertThat(gateway.lookup(orderId)).isInstanceOf(NotFound.class);
        assertThat(gateway.confirm("tsbx_no_such_payment", orderId, 1_000, key()))
                .isInstanceOfSatisfying(Declined.class, d -> assertThat(d.code()).isEqualTo("NOT_FOUND_PAYMENT"));
    }

    @Test
    void afterADeclineTheFanCanPayTheSameOrderWithAnotherCard() {
        String orderId = SandboxCards.newOrderId();
        String declinedKey = cards.checkOut(orderId, 15_000, SandboxCards.DECLINES);
        assertThat(gateway.confirm(declinedKey, orderId, 15_000, key())).isInstanceOf(Declined.class);

        String paymentKey = cards.checkOut(orderId, 15_000, SandboxCards.APPROVES);
        Approved approved = assertApproved(gateway.confirm(paymentKey, orderId, 15_000, key()), paymentKey, orderId,
                15_000);
        assertThat(gateway.lookup(orderId)).isEqualTo(approved);
    }

    @Test
    void racingConfirmationsOfTwoCheckoutsOfOneOrderCaptureItOnce() throws Exception {
        String orderId = SandboxCards.newOrderId();
        List<String> paymentKeys = List.of(cards.checkOut(orderId, 25_000, SandboxCards.APPROVES),
                cards.checkOut(orderId, 25_000, SandboxCards.APPROVES));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService fans = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                String paymentKey = paymentKeys.get(i % 2);
                outcomes.add(fans.submit(() -> {
                    start.await();
                    return gateway.confirm(paymentKey, orderId, 25_000, key());
                }));
            }
            start.countDown();
        }

        List<PaymentOutcome> results = new ArrayList<>();
        for (Future<PaymentOutcome> outcome : outcomes) {
            results.add(outcome.get());
        }
        assertThat(capturedPaymentsOf(orderId)).isEqualTo(1);
        List<Approved> approvals = results.stream().filter(Approved.class::isInstance).map(Approved.class::cast).toList();
        assertThat(approvals).hasSize(6).extracting(Approved::paymentKey).containsOnly(approvals.getFirst().paymentKey());
        assertThat(results).filteredOn(Declined.class::isInstance).hasSize(6)
                .allSatisfy(d -> assertThat(((Declined) d).code()).isEqualTo("DUPLICATED_ORDER_ID"));
    }

    private TossPaymentsClient client(String secretKey, Duration readTimeout) {
        PaymentSettings custom = new PaymentSettings(settings.baseUrl(), secretKey, settings.connectTimeout(),
                readTimeout, settings.sandbox(), settings.breaker(), settings.incidentExtension());
        return new TossPaymentsClient(custom, address, restClients, json);
    }

    private static Approved assertApproved(PaymentOutcome outcome, String paymentKey, String orderId, long amount) {
        assertThat(outcome).isInstanceOf(Approved.class);
        Approved approved = (Approved) outcome;
        assertThat(approved.paymentKey()).isEqualTo(paymentKey);
        assertThat(approved.orderId()).isEqualTo(orderId);
        assertThat(approved.amount()).isEqualTo(amount);
        return approved;
    }

    private String statusOf(String paymentKey) {
        return jdbc.sql("SELECT status FROM sandbox_payments WHERE payment_key = :key").param("key", paymentKey)
                .query(String.class).single();
    }

    private long capturedPaymentsOf(String orderId) {
        return jdbc.sql("SELECT count(*) FROM sandbox_payments WHERE order_id = :orderId AND approved_at IS NOT NULL")
                .param("orderId", orderId).query(Long.class).single();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
