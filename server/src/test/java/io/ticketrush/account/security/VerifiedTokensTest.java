package io.ticketrush.account.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokensTest {

    private final SecretKey key = new SecretKeySpec(
            "verified-tokens-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private final NimbusJwtDecoder real = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return real.decode(token);
    };
    private final MutableClock clock = new MutableClock();

    private String token(String subject, Duration ttl) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(ttl)).build();
        return NimbusJwtEncoder.withSecretKey(key).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    @Test
    void aVerifiedTokenIsVerifiedOnce() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        String token = token("fan-1", Duration.ofHours(1));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second.getSubject()).isEqualTo("fan-1").isEqualTo(first.getSubject());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        String token = token("fan-1", Duration.ofHours(1));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryGoesBackToTheRealDecoder() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 100);
        String token = token("fan-1", Duration.ofSeconds(30));
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(5));
        tokens.decode(token);   // the real decoder uses the system clock: still valid for it

        assertThat(verifications).hasValue(2);
    }

    @Test
    void theMemoryIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(counting, clock, 3);
        for (int i = 0; i < 10; i++) {
            tokens.decode(token("fan-" + i, Duration.ofHours(1)));
        }
        String kept = token("fan-last", Duration.ofHours(1));
        tokens.decode(kept);
        int before = verifications.get();
        tokens.decode(kept);

        assertThat(verifications.get()).isEqualTo(before);
        assertThat(before).isEqualTo(11);
    }
}
