package io.ticketrush.account.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers tokens it has already verified. During a rush the same fan
 * sends the same access token with every join, status poll, hold and payment call; checking its
 * HMAC and parsing its claims again each time was a visible share of the CPU a request costs
 * (JFR, docs/performance.md). A remembered token that has expired goes back to the real decoder,
 * which refuses it as before. Only tokens
 * that verified are kept (a forged one is checked, and refused, every time), the map is keyed by
 * the whole token string, and it is bounded: when full it starts over, which costs one
 * verification per token and nothing else.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    VerifiedTokens(JwtDecoder delegate, Clock clock, int capacity) {
        this.delegate = delegate;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            Instant expiresAt = known.getExpiresAt();
            if (expiresAt == null || clock.instant().isBefore(expiresAt)) {
                return known;
            }
            // expired: forget it and let the real decoder give its answer (and its clock-skew rule)
            if (verified.remove(token) != null) {
                size.decrementAndGet();
            }
            return delegate.decode(token);
        }
        Jwt jwt = delegate.decode(token);
        if (size.incrementAndGet() > capacity) {
            verified.clear();
            size.set(1);
        }
        if (verified.putIfAbsent(token, jwt) != null) {
            size.decrementAndGet();
        }
        return jwt;
    }
}
