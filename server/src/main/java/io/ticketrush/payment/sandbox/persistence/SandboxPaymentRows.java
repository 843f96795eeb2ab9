package io.ticketrush.payment.sandbox.persistence;

import io.ticketrush.payment.sandbox.ConditionalOnSandbox;
import io.ticketrush.payment.sandbox.SandboxPayment;
import io.ticketrush.payment.sandbox.SandboxPayment.Cancel;
import io.ticketrush.payment.sandbox.SandboxPayment.Failure;
import io.ticketrush.payment.sandbox.SandboxPayment.Status;
import io.ticketrush.payment.sandbox.TestCard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the sandbox gateway's payments and their cancellations. */
@Repository
@ConditionalOnSandbox
public class SandboxPaymentRows {

    private static final String COLUMNS = """
            payment_key, order_id, test_card, status, total_amount, balance_amount,
            requested_at, approved_at, failure_code, failure_message""";

    private final JdbcClient jdbc;

    SandboxPaymentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SandboxPayment payment) {
        jdbc.sql("""
                INSERT INTO sandbox_payments (%s)
                VALUES (:key, :orderId, :card, :status, :total, :balance, :requestedAt, NULL, NULL, NULL)
                """.formatted(COLUMNS))
                .param("key", payment.paymentKey())
                .param("orderId", payment.orderId())
                .param("card", payment.card().name())
                .param("status", payment.status().name())
                .param("total", payment.totalAmount())
                .param("balance", payment.balanceAmount())
                .param("requestedAt", Timestamp.from(payment.requestedAt()))
                .update();
    }

    public Optional<SandboxPayment> find(String paymentKey) {
        return withCancels(jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_payments WHERE payment_key = :key")
                .param("key", paymentKey)
                .query((rs, n) -> map(rs))
                .optional());
    }

    /** Reads the payment and locks its row until the transaction ends. */
    public Optional<SandboxPayment> findForUpdate(String paymentKey) {
        return withCancels(jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_payments WHERE payment_key = :key FOR UPDATE")
                .param("key", paymentKey)
                .query((rs, n) -> map(rs))
                .optional());
    }

    /** The order's captured payment if it has one, else its latest checkout. */
    public Optional<SandboxPayment> findByOrder(String orderId) {
        return withCancels(jdbc.sql("""
                SELECT %s FROM sandbox_payments
                WHERE order_id = :orderId
                ORDER BY (status IN ('DONE', 'PARTIAL_CANCELED', 'CANCELED')) DESC, requested_at DESC, payment_key DESC
                LIMIT 1
                """.formatted(COLUMNS))
                .param("orderId", orderId)
                .query((rs, n) -> map(rs))
                .optional());
    }

    /** Serialises confirmations of one order until the transaction ends, whichever checkout they confirm. */
    public void lockOrder(String orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('sandbox-pg:order:' || :orderId, 0))")
                .param("orderId", orderId)
                .query((rs, n) -> 1)
                .single();
    }

    public boolean orderIsCapturedByAnother(String orderId, String paymentKey) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM sandbox_payments
                               WHERE order_id = :orderId AND payment_key <> :key
                                 AND status IN ('DONE', 'PARTIAL_CANCELED', 'CANCELED'))
                """)
                .param("orderId", orderId)
                .param("key", paymentKey)
                .query(Boolean.class)
                .single();
    }

    /** Writes the new state; fails loudly if the row is not in the state {@code before} was read in. */
    public void update(SandboxPayment before, SandboxPayment after) {
        int changed = jdbc.sql("""
                UPDATE sandbox_payments
                SET status = :status, balance_amount = :balance, approved_at = :approvedAt,
                    failure_code = :failureCode, failure_message = :failureMessage
                WHERE payment_key = :key AND status = :expectedStatus AND balance_amount = :expectedBalance
                """)
                .param("key", after.paymentKey())
                .param("status", after.status().name())
                .param("balance", after.balanceAmount())
                .param("approvedAt", timestamp(after.approvedAt()))
                .param("failureCode", after.failure() == null ? null : after.failure().code())
                .param("failureMessage", after.failure() == null ? null : after.failure().message())
                .param("expectedStatus", before.status().name())
                .param("expectedBalance", before.balanceAmount())
                .update();
        if (changed != 1) {
            throw new IllegalStateException("Sandbox payment " + after.paymentKey() + " changed concurrently");
        }
        for (Cancel cancel : after.cancels().subList(before.cancels().size(), after.cancels().size())) {
            jdbc.sql("""
                    INSERT INTO sandbox_payment_cancels (transaction_key, payment_key, cancel_amount, cancel_reason, canceled_at)
                    VALUES (:transactionKey, :key, :amount, :reason, :canceledAt)
                    """)
                    .param("transactionKey", cancel.transactionKey())
                    .param("key", after.paymentKey())
                    .param("amount", cancel.cancelAmount())
                    .param("reason", cancel.cancelReason())
                    .param("canceledAt", Timestamp.from(cancel.canceledAt()))
                    .update();
        }
    }

    private Optional<SandboxPayment> withCancels(Optional<SandboxPayment> payment) {
        return payment.map(p -> {
            List<Cancel> cancels = jdbc.sql("""
                    SELECT transaction_key, cancel_amount, cancel_reason, canceled_at
                    FROM sandbox_payment_cancels WHERE payment_key = :key
                    ORDER BY canceled_at, transaction_key
                    """)
                    .param("key", p.paymentKey())
                    .query((rs, n) -> new Cancel(rs.getString("transaction_key"), rs.getLong("cancel_amount"),
                            rs.getString("cancel_reason"), rs.getTimestamp("canceled_at").toInstant()))
                    .list();
            return cancels.isEmpty() ? p : new SandboxPayment(p.paymentKey(), p.orderId(), p.card(), p.status(),
                    p.totalAmount(), p.balanceAmount(), p.requestedAt(), p.approvedAt(), p.failure(), cancels);
        });
    }

    private static SandboxPayment map(ResultSet rs) throws SQLException {
        String failureCode = rs.getString("failure_code");
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new SandboxPayment(rs.getString("payment_key"), rs.getString("order_id"),
                TestCard.valueOf(rs.getString("test_card")), Status.valueOf(rs.getString("status")),
                rs.getLong("total_amount"), rs.getLong("balance_amount"), rs.getTimestamp("requested_at").toInstant(),
                approvedAt == null ? null : approvedAt.toInstant(),
                failureCode == null ? null : new Failure(failureCode, rs.getString("failure_message")), List.of());
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
