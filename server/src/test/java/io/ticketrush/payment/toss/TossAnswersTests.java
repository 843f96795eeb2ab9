package io.ticketrush.payment.toss;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentOutcome.Approved;
import io.ticketrush.payment.PaymentOutcome.Declined;
import io.ticketrush.payment.PaymentOutcome.NotFound;
import io.ticketrush.payment.PaymentOutcome.Unknown;
import io.ticketrush.payment.toss.Exchange.Answered;
import io.ticketrush.payment.toss.Exchange.NoAnswer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How Toss Payments answers read as outcomes, without a server: anything that might hide a capture is Unknown. */
class TossAnswersTests {

    private final TossAnswers answers = new TossAnswers(JsonMapper.builder().build());

    private static String payment(String status, long total, long balance) {
        return """
                {"paymentKey":"pk_1","orderId":"order-1","status":"%s","totalAmount":%d,"balanceAmount":%d,
                 "approvedAt":"2026-11-22T18:00:05+09:00","method":"카드","card":{"number":"4000****"},
                 "cancels":[{"cancelAmount":%d,"transactionKey":"tx1","canceledAt":"2026-11-22T18:10:00+09:00"}]}
                """.formatted(status, total, balance, total - balance);
    }

    @Test
    void aDonePaymentIsApprovedAtItsInstant() {
        assertThat(answers.confirmation(new Answered(200, payment("DONE", 1000, 1000))))
                .isEqualTo(new Approved("pk_1", "order-1", 1000, Instant.parse("2026-11-22T09:00:05Z")));
    }

    @Test
    void silenceServerErrorsAndRetryableCodesAreUnknown() {
        assertThat(answers.confirmation(new NoAnswer("timed out"))).isEqualTo(new Unknown("timed out"));
        assertThat(answers.confirmation(new Answered(500, "{\"code\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\",\"message\":\"x\"}")))
                .isInstanceOf(Unknown.class);
        assertThat(answers.confirmation(new Answered(502, "<html>Bad gateway</html>"))).isInstanceOf(Unknown.class);
        assertThat(answers.confirmation(new Answered(409, "{\"code\":\"IDEMPOTENT_REQUEST_PROCESSING\",\"message\":\"x\"}")))
                .isInstanceOf(Unknown.class);
        assertThat(answers.confirmation(new Answered(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"x\"}")))
                .isInstanceOf(Unknown.class);
        assertThat(answers.confirmation(new Answered(400, "{\"code\":\"PROVIDER_ERROR\",\"message\":\"x\"}")))
                .isInstanceOf(Unknown.class);
        assertThat(answers.confirmation(new Answered(200, "not json"))).isInstanceOf(Unknown.class);
        assertThat(answers.confirmation(new Answered(200, payment("IN_PROGRESS", 1000, 1000)))).isInstanceOf(Unknown.class);
    }

    @Test
    void aTossErrorIsADeclineButA4xxWithoutOneIsUnknown() {
        assertThat(answers.confirmation(new Answered(403, "{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"한도초과\"}")))
                .isEqualTo(new Declined("REJECT_CARD_PAYMENT", "한도초과"));
        assertThat(answers.confirmation(new Answered(404, "<html>no such page</html>"))).isInstanceOf(Unknown.class);
    }

    @Test
    void alreadyProcessedIsRecognisedSoTheClientLooksTheOrderUp() {
        assertThat(answers.alreadyProcessed(new Answered(400,
                "{\"code\":\"ALREADY_PROCESSED_PAYMENT\",\"message\":\"이미 처리된 결제 입니다.\"}"))).isTrue();
        assertThat(answers.alreadyProcessed(new Answered(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"x\"}"))).isFalse();
        assertThat(answers.alreadyProcessed(new NoAnswer("timed out"))).isFalse();
    }

    @Test
    void aLookupReadsEveryStatus() {
        assertThat(answers.inquiry(new Answered(200, payment("DONE", 1000, 1000))))
                .isInstanceOfSatisfying(Approved.class, a -> assertThat(a.amount()).isEqualTo(1000));
        assertThat(answers.inquiry(new Answered(200, payment("PARTIAL_CANCELED", 1000, 600))))
                .isInstanceOfSatisfying(Approved.class, a -> assertThat(a.amount()).isEqualTo(600));
        assertThat(answers.inquiry(new Answered(200, payment("CANCELED", 1000, 0))))
                .isInstanceOfSatisfying(Declined.class, d -> assertThat(d.code()).isEqualTo(Declined.CANCELED));
        assertThat(answers.inquiry(new Answered(200, """
                {"paymentKey":"pk_1","orderId":"order-1","status":"ABORTED","totalAmount":1000,"balanceAmount":1000,
                 "failure":{"code":"REJECT_CARD_PAYMENT","message":"한도초과"}}""")))
                .isEqualTo(new Declined("REJECT_CARD_PAYMENT", "한도초과"));
        assertThat(answers.inquiry(new Answered(200, payment("IN_PROGRESS", 1000, 1000)))).isInstanceOf(NotFound.class);
        assertThat(answers.inquiry(new Answered(404, "{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"x\"}")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aLookupRefusalThatIsNotAboutThePaymentIsUnknown() {
        assertThat(answers.inquiry(new Answered(401, "{\"code\":\"UNAUTHORIZED_KEY\",\"message\":\"x\"}")))
                .isInstanceOf(Unknown.class);
        assertThat(answers.inquiry(new Answered(404, "<html>wrong base url</html>"))).isInstanceOf(Unknown.class);
        assertThat(answers.inquiry(new Answered(503, ""))).isInstanceOf(Unknown.class);
    }

    @Test
    void aCancellationReportsTheAmountItRefunded() {
        String twoCancels = """
                {"paymentKey":"pk_1","orderId":"order-1","status":"CANCELED","totalAmount":1000,"balanceAmount":0,
                 "cancels":[{"cancelAmount":300,"transactionKey":"tx1"},{"cancelAmount":700,"transactionKey":"tx2"}]}""";
        assertThat(answers.cancellation(new Answered(200, twoCancels))).isEqualTo(new CancelOutcome.Cancelled(700));
        assertThat(answers.cancellation(new Answered(400, "{\"code\":\"NOT_CANCELABLE_PAYMENT\",\"message\":\"x\"}")))
                .isEqualTo(new CancelOutcome.Failed("NOT_CANCELABLE_PAYMENT", "x"));
        assertThat(answers.cancellation(new Answered(500, "oops"))).isInstanceOf(CancelOutcome.Unknown.class);
        assertThat(answers.cancellation(new NoAnswer("timed out"))).isEqualTo(new CancelOutcome.Unknown("timed out"));
    }
}
