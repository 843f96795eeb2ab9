package io.ticketrush.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues signed (HS256) access tokens: subject = user id, claim {@code roles}. */
@Component
class AccessTokens {

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

    Issued issue(UUID userId, Set<Role> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, settings.tokenTtl().toSeconds());
    }
}
