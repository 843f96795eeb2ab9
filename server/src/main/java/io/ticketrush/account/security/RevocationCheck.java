package io.ticketrush.account.security;

import io.ticketrush.account.TokenRevocations;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Refuses a verified access token whose account revoked it (log-out, role change) after it was
 * issued. Runs after the verified-token memory, so a remembered token is still checked.
 */
final class RevocationCheck implements JwtDecoder {

    private final JwtDecoder delegate;
    private final TokenRevocations revocations;

    RevocationCheck(JwtDecoder delegate, TokenRevocations revocations) {
        this.delegate = delegate;
        this.revocations = revocations;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        Object claim = jwt.getClaims().get("gen");
        int generation = claim instanceof Number n ? n.intValue() : 0;
        UUID userId;
        try {
            userId = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadJwtException("The token has no valid subject");
        }
        if (revocations.isRevoked(userId, generation)) {
            throw new BadJwtException("The token was revoked");
        }
        return jwt;
    }
}
