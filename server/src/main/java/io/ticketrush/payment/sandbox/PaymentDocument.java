package io.ticketrush.payment.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Toss Payments {@code Payment} object (API version 2022-11-16), with the members a card
 * payment in the sandbox has. Times are ISO-8601 with the +09:00 offset, as Toss writes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentDocument(String version, String mId, String paymentKey, String orderId, String type,
        String method, String currency, String status, long totalAmount, long balanceAmount, String requestedAt,
        @Nullable String approvedAt, Card card, @Nullable List<CancelDocument> cancels, @Nullable Failure failure) {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String number, long amount, String cardType, String ownerType, @Nullable String approveNo) {
    }

    public record CancelDocument(String transactionKey, long cancelAmount, String cancelReason, String canceledAt,
            String cancelStatus) {
    }

    public record Failure(String code, String message) {
    }

    public static PaymentDocument of(SandboxPayment payment) {
        List<CancelDocument> cancels = payment.cancels().isEmpty() ? null : payment.cancels().stream()
                .map(c -> new CancelDocument(c.transactionKey(), c.cancelAmount(), c.cancelReason(), time(c.canceledAt()),
                        "DONE"))
                .toList();
        Failure failure = payment.failure() == null ? null
                : new Failure(payment.failure().code(), payment.failure().message());
        String approveNo = payment.approvedAt() == null ? null
                : String.format("%08d", Math.floorMod(payment.paymentKey().hashCode(), 100_000_000));
        return new PaymentDocument("2022-11-16", "tticketrush", payment.paymentKey(), payment.orderId(), "NORMAL", "카드",
                "KRW", payment.status().name(), payment.totalAmount(), payment.balanceAmount(),
                time(payment.requestedAt()), payment.approvedAt() == null ? null : time(payment.approvedAt()),
                new Card(payment.card().maskedNumber(), payment.totalAmount(), "신용", "개인", approveNo), cancels, failure);
    }

    private static String time(Instant instant) {
        // Toss writes seconds always ("2024-02-13T12:18:14+09:00"); OffsetDateTime.toString() drops ":00"
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), SEOUL)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
