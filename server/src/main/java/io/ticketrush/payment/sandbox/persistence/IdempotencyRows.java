package io.ticketrush.payment.sandbox.persistence;

import io.ticketrush.payment.sandbox.ConditionalOnSandbox;
import io.ticketrush.payment.sandbox.GatewayReply;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the replies the sandbox gateway gave per Idempotency-Key. */
@Repository
@ConditionalOnSandbox
public class IdempotencyRows {

    private final JdbcClient jdbc;

    IdempotencyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this endpoint in the current transaction. A concurrent claim of the same
     * key waits for this transaction; it then finds the key taken (commit) or takes it (rollback).
     *
     * @return whether this transaction holds the key; if not, {@link #reply} has the stored answer
     */
    public boolean claim(String key, String endpoint, Instant now) {
        return jdbc.sql("""
                INSERT INTO sandbox_idempotent_replies (idempotency_key, endpoint, created_at)
                VALUES (:key, :endpoint, :now)
                ON CONFLICT DO NOTHING
                """)
                .param("key", key)
                .param("endpoint", endpoint)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void record(String key, String endpoint, GatewayReply reply) {
        int changed = jdbc.sql("""
                UPDATE sandbox_idempotent_replies SET status = :status, body = :body
                WHERE idempotency_key = :key AND endpoint = :endpoint AND status IS NULL
                """)
                .param("key", key)
                .param("endpoint", endpoint)
                .param("status", reply.status())
                .param("body", reply.json())
                .update();
        if (changed != 1) {
            throw new IllegalStateException("Idempotency-Key " + key + " was not claimed by this transaction");
        }
    }

    public GatewayReply reply(String key, String endpoint) {
        return jdbc.sql("""
                SELECT status, body FROM sandbox_idempotent_replies
                WHERE idempotency_key = :key AND endpoint = :endpoint AND status IS NOT NULL
                """)
                .param("key", key)
                .param("endpoint", endpoint)
                .query((rs, n) -> new GatewayReply(rs.getInt("status"), rs.getString("body"), Duration.ZERO))
                .single();
    }
}
