package io.ticketrush.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues signed (HS256) access tokens: subject = user id, claims {@code roles}, {@code iss},
 * {@code aud} and {@code gen} (the account's token generation: see {@link TokenRevocations}).
 */
@Component
class AccessTokens {

    /** The claim that carries the account's token generation. */
    static final String GENERATION = "gen";

    private final JwtEncoder encoder;
    private final AccountSettings settings;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, AccountSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    record Issued(String token, long expiresInSeconds) {
    }

    /** The claim that says the person confirmed their email address (true, or absent). */
    static final String EMAIL_VERIFIED = "ev";

    Issued issue(UUID userId, Set<Role> roles, int generation, boolean emailVerified) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .claim(GENERATION, generation)
                .claim(EMAIL_VERIFIED, emailVerified)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, settings.tokenTtl().toSeconds());
    }
}
