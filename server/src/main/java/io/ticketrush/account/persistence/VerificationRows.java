package io.ticketrush.account.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for email verification links (addressed by the SHA-256 of the token) and the verified mark. */
@Repository
public class VerificationRows {

    private final JdbcClient jdbc;

    VerificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] hash, UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO email_verifications (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :user, :now, :expires)
                """)
                .param("hash", hash).param("user", userId)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Uses an unused, unexpired link: the account it verifies (exactly one caller gets it). */
    public Optional<UUID> use(byte[] hash, Instant now) {
        return jdbc.sql("""
                UPDATE email_verifications SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING user_id
                """)
                .param("hash", hash).param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /** Marks the address verified and revokes the access tokens that said otherwise; the new token generation. */
    public Optional<Integer> markVerified(UUID userId, Instant now) {
        return jdbc.sql("""
                UPDATE accounts SET email_verified_at = coalesce(email_verified_at, :now),
                       token_generation = token_generation + 1, tokens_revoked_at = :now
                WHERE id = :id RETURNING token_generation
                """)
                .param("id", userId).param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional();
    }

    public boolean isVerified(UUID userId) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM accounts WHERE id = :id")
                .param("id", userId).query(Boolean.class).optional().orElse(false);
    }
}
