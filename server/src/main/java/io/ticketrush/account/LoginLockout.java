package io.ticketrush.account;

import io.ticketrush.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-account lockout after failed log-ins, in Redis (keys {@code account:login:{<email hash>}:*}):
 * failures are counted per account (known or not, so a lock reveals nothing); past the threshold
 * the account is locked for {@link LockoutPolicy}'s wait. A locked account answers 429
 * {@code too-many-attempts} with Retry-After to every address except those that signed in to it
 * successfully before: an attacker can make a stranger's address wait (at most the cap), never the
 * fan's own devices.
 */
@Component
class LoginLockout {

    private final StringRedisTemplate redis;
    private final ThrottleSettings settings;
    private final LockoutPolicy policy;

    LoginLockout(StringRedisTemplate redis, ThrottleSettings settings) {
        this.redis = redis;
        this.settings = settings;
        this.policy = LockoutPolicy.of(settings);
    }

    /** Refuses the attempt if the account is locked and the address is not one of its own. */
    void checkAdmitted(String email, String address) {
        if (!settings.enabled()) {
            return;
        }
        String prefix = prefix(email);
        Long remaining = redis.getExpire(prefix + "lock", java.util.concurrent.TimeUnit.MILLISECONDS);
        if (remaining == null || remaining <= 0) {
            return;
        }
        if (Boolean.TRUE.equals(redis.opsForSet().isMember(prefix + "known", address))) {
            return;
        }
        long seconds = Math.max(1, (remaining + 999) / 1000);
        throw new DomainException(429, "too-many-attempts",
                "Too many failed log-ins for this account; try again in " + seconds + " s")
                .with("retryAfterSeconds", seconds);
    }

    void failed(String email) {
        if (!settings.enabled()) {
            return;
        }
        String prefix = prefix(email);
        Long failures = redis.opsForValue().increment(prefix + "failures");
        redis.expire(prefix + "failures", settings.failureMemory());
        Duration wait = policy.waitAfter(failures == null ? 0 : failures);
        if (!wait.isZero()) {
            redis.opsForValue().set(prefix + "lock", "1", wait);
        }
    }

    void succeeded(String email, String address) {
        if (!settings.enabled()) {
            return;
        }
        String prefix = prefix(email);
        redis.delete(java.util.List.of(prefix + "failures", prefix + "lock"));
        redis.opsForSet().add(prefix + "known", address);
        redis.expire(prefix + "known", settings.knownAddressMemory());
    }

    private static String prefix(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "account:login:{" + HexFormat.of().formatHex(digest, 0, 16) + "}:";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
