package io.ticketrush.account.security;

import io.ticketrush.account.AccountSettings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The HMAC key that signs access tokens. It comes from configuration only; production refuses
 * to start without one, development makes a random one per start (tokens die with the process).
 */
final class JwtKey {

    private static final Log log = LogFactory.getLog(JwtKey.class);

    private JwtKey() {
    }

    static SecretKey from(AccountSettings settings, Environment environment) {
        String secret = settings.jwtSecret();
        if (secret == null || secret.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException(
                        "ticketrush.security.jwt-secret (env TICKETRUSH_SECURITY_JWT_SECRET) must be set in production: at least 32 bytes");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            log.warn("No ticketrush.security.jwt-secret configured: using a random key for this run (development mode)");
            return new SecretKeySpec(random, "HmacSHA256");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("ticketrush.security.jwt-secret must be at least 32 bytes long");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
