package io.ticketrush.payment.toss;

import io.ticketrush.payment.CancelOutcome;
import io.ticketrush.payment.PaymentOutcome;
import io.ticketrush.payment.PaymentOutcome.Approved;
import io.ticketrush.payment.PaymentOutcome.Declined;
import io.ticketrush.payment.PaymentOutcome.NotFound;
import io.ticketrush.payment.PaymentOutcome.Unknown;
import io.ticketrush.payment.toss.Exchange.Answered;
import io.ticketrush.payment.toss.Exchange.NoAnswer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Toss Payments answers as outcomes. The rule throughout: an answer that might hide a
 * capture is Unknown (reconcile later), never Declined; Declined and Failed are only for a
 * definite refusal with a Toss error code.
 */
final class TossAnswers {

    /** Toss error codes that mean "not carried out yet, try again", whatever the HTTP status. */
    private static final Set<String> RETRYABLE_CODES = Set.of("IDEMPOTENT_REQUEST_PROCESSING", "PROVIDER_ERROR",
            "FAILED_INTERNAL_SYSTEM_PROCESSING", "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING", "UNKNOWN_PAYMENT_ERROR");

    static final String ALREADY_PROCESSED = "ALREADY_PROCESSED_PAYMENT";

    private final JsonMapper json;

    TossAnswers(JsonMapper json) {
        this.json = json;
    }

    /** The answer to {@code POST /v1/payments/confirm}. */
    PaymentOutcome confirmation(Exchange exchange) {
        return switch (exchange) {
            case NoAnswer(String reason) -> new Unknown(reason);
            case Answered answer when answer.successful() -> payment(answer)
                    .<PaymentOutcome>map(p -> "DONE".equals(p.status()) ? approved(p, p.totalAmount())
                            : new Unknown("confirmation answered status " + p.status()))
                    .orElseGet(() -> unreadable(answer));
            case Answered answer -> refusal(answer)
                    .<PaymentOutcome>map(e -> new Declined(e.code(), message(e)))
                    .orElseGet(() -> uncertain(answer));
        };
    }

    /** Whether a confirmation was refused because the payment had been confirmed before. */
    boolean alreadyProcessed(Exchange exchange) {
        return exchange instanceof Answered answer && !answer.successful()
                && refusal(answer).filter(e -> ALREADY_PROCESSED.equals(e.code())).isPresent();
    }

    /**
     * The answer to {@code GET /v1/payments/orders/{orderId}}: DONE is Approved; PARTIAL_CANCELED is
     * Approved for the balance still held; CANCELED is Declined {@link Declined#CANCELED} (captured,
     * then refunded in full); ABORTED and EXPIRED are Declined with the failure's code; a payment not
     * confirmed yet and NOT_FOUND_PAYMENT are NotFound. Any other refusal (a wrong key, say) says
     * nothing about the payment, so it is Unknown.
     */
    PaymentOutcome inquiry(Exchange exchange) {
        return switch (exchange) {
            case NoAnswer(String reason) -> new Unknown(reason);
            case Answered answer when answer.successful() -> payment(answer)
                    .map(this::lookedUp)
                    .orElseGet(() -> unreadable(answer));
            case Answered answer when answer.status() == 404 && refusal(answer)
                    .filter(e -> e.code().startsWith("NOT_FOUND")).isPresent() -> new NotFound();
            case Answered answer -> new Unknown(describe(answer));
        };
    }

    /** The answer to {@code POST /v1/payments/{paymentKey}/cancel}: the amount this cancellation refunded. */
    CancelOutcome cancellation(Exchange exchange) {
        return switch (exchange) {
            case NoAnswer(String reason) -> new CancelOutcome.Unknown(reason);
            case Answered answer when answer.successful() -> payment(answer)
                    .flatMap(p -> Optional.ofNullable(p.cancels()).filter(c -> !c.isEmpty()).map(List::getLast))
                    .<CancelOutcome>map(last -> new CancelOutcome.Cancelled(last.cancelAmount()))
                    .orElseGet(() -> new CancelOutcome.Unknown("cancellation answer without cancels: " + describe(answer)));
            case Answered answer -> refusal(answer)
                    .<CancelOutcome>map(e -> new CancelOutcome.Failed(e.code(), message(e)))
                    .orElseGet(() -> new CancelOutcome.Unknown(describe(answer)));
        };
    }

    private PaymentOutcome lookedUp(TossPayment payment) {
        String status = String.valueOf(payment.status());
        return switch (status) {
            case "DONE" -> approved(payment, payment.totalAmount());
            case "PARTIAL_CANCELED" -> approved(payment, payment.balanceAmount());
            case "CANCELED" -> new Declined(Declined.CANCELED, "The payment was cancelled (refunded) in full");
            case "ABORTED", "EXPIRED" -> {
                TossPayment.Failure failure = payment.failure();
                yield failure == null || failure.code() == null
                        ? new Declined(status, "The payment was " + status.toLowerCase())
                        : new Declined(failure.code(), String.valueOf(failure.message()));
            }
            case "READY", "IN_PROGRESS", "WAITING_FOR_DEPOSIT" -> new NotFound();
            default -> new Unknown("lookup answered status " + status);
        };
    }

    private PaymentOutcome approved(TossPayment payment, long amount) {
        Instant approvedAt = instant(payment.approvedAt());
        if (payment.paymentKey() == null || payment.orderId() == null || approvedAt == null) {
            return new Unknown("approved payment without paymentKey, orderId or approvedAt");
        }
        return new Approved(payment.paymentKey(), payment.orderId(), amount, approvedAt);
    }

    private Optional<TossPayment> payment(Answered answer) {
        try {
            return Optional.ofNullable(json.readValue(answer.body(), TossPayment.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A definite refusal: a 4xx Toss error with a code that does not mean "try again". */
    private Optional<TossError> refusal(Answered answer) {
        if (answer.status() < 400 || answer.status() >= 500 || answer.status() == 408 || answer.status() == 409
                || answer.status() == 429) {
            return Optional.empty();
        }
        try {
            TossError error = json.readValue(answer.body(), TossError.class);
            return Optional.ofNullable(error).filter(e -> e.code() != null && !RETRYABLE_CODES.contains(e.code()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static PaymentOutcome unreadable(Answered answer) {
        return new Unknown("unreadable answer: " + describe(answer));
    }

    private static PaymentOutcome uncertain(Answered answer) {
        return new Unknown(describe(answer));
    }

    private static String message(TossError error) {
        return error.message() == null ? "" : error.message();
    }

    static String describe(Answered answer) {
        String body = answer.body().length() > 200 ? answer.body().substring(0, 200) + "..." : answer.body();
        return "HTTP " + answer.status() + " " + body.replaceAll("\\s+", " ");
    }

    private static @Nullable Instant instant(@Nullable String isoWithOffset) {
        if (isoWithOffset == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(isoWithOffset).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
