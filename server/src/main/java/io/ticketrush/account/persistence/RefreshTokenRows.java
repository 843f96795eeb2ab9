package io.ticketrush.account.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for refresh tokens, addressed by the SHA-256 of the token (the token itself is never stored). */
@Repository
public class RefreshTokenRows {

    private final JdbcClient jdbc;

    RefreshTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A refresh token's stored state. */
    public record Stored(UUID familyId, UUID userId, Instant expiresAt, @Nullable Instant spentAt,
            @Nullable Instant revokedAt) {
    }

    /** A token that was spent just now (by this call and no other). */
    public record Spent(UUID familyId, UUID userId) {
    }

    public void insert(byte[] hash, UUID familyId, UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at)
                VALUES (:hash, :family, :user, :now, :expires)
                """)
                .param("hash", hash)
                .param("family", familyId)
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Spends a usable token: exactly one of any number of concurrent callers gets it. */
    public Optional<Spent> spend(byte[] hash, Instant now) {
        return jdbc.sql("""
                UPDATE refresh_tokens SET spent_at = :now
                WHERE token_hash = :hash AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                RETURNING family_id, user_id
                """)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Spent(rs.getObject("family_id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    public Optional<Stored> find(byte[] hash) {
        return jdbc.sql("""
                SELECT family_id, user_id, expires_at, spent_at, revoked_at FROM refresh_tokens WHERE token_hash = :hash
                """)
                .param("hash", hash)
                .query((rs, n) -> new Stored(rs.getObject("family_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("spent_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    public void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
