package io.ticketrush.account;

import io.ticketrush.account.persistence.RefreshTokenRows;
import io.ticketrush.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens: 32 random bytes (base64url), stored as SHA-256 with a family id. Each use spends
 * the token and issues the next of the same family; a spent token used again means it was copied,
 * so the whole family is revoked (unless within the reuse grace: two tabs renewing at once).
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRows rows;
    private final AccountSettings settings;
    private final Clock clock;

    RefreshTokens(RefreshTokenRows rows, AccountSettings settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    /** What presenting a refresh token came to. */
    sealed interface Rotation {
        record Rotated(UUID userId, String next) implements Rotation {
        }

        /** Unknown, expired, revoked or spent; {@code familyRevoked} when this use revoked its family. */
        record Refused(boolean familyRevoked) implements Rotation {
        }
    }

    /** Starts a new family (a log-in). */
    String issue(UUID userId) {
        return issue(userId, Ids.next());
    }

    @Transactional
    Rotation rotate(String token) {
        byte[] hash = hash(token);
        Instant now = clock.instant();
        Optional<RefreshTokenRows.Spent> spent = rows.spend(hash, now);
        if (spent.isPresent()) {
            return new Rotation.Rotated(spent.get().userId(), issue(spent.get().userId(), spent.get().familyId()));
        }
        var stored = rows.find(hash);
        if (stored.isEmpty() || stored.get().revokedAt() != null || stored.get().spentAt() == null) {
            return new Rotation.Refused(false);
        }
        if (stored.get().spentAt().plus(settings.refreshReuseGrace()).isAfter(now)) {
            return new Rotation.Refused(false);
        }
        rows.revokeFamily(stored.get().familyId(), now);
        return new Rotation.Refused(true);
    }

    /** Revokes the token's family (log-out); the account it belonged to, if the token was known. */
    @Transactional
    Optional<UUID> revoke(String token) {
        var stored = rows.find(hash(token));
        stored.ifPresent(s -> rows.revokeFamily(s.familyId(), clock.instant()));
        return stored.map(RefreshTokenRows.Stored::userId);
    }

    private String issue(UUID userId, UUID familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        rows.insert(hash(token), familyId, userId, now, now.plus(settings.refreshTokenTtl()));
        return token;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
