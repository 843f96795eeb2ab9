package io.ticketrush.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret          HMAC key for access tokens (at least 32 bytes); required in production,
 *                           generated per start in development when blank
 * @param tokenTtl           how long an access token is valid (short: a refresh token renews it)
 * @param issuer             the {@code iss} written into access tokens and required when they are read
 * @param audience           the {@code aud} written into access tokens and required when they are read
 * @param refreshTokenTtl    how long a refresh token may be used (each use issues a new one)
 * @param refreshReuseGrace  a refresh token used again within this time after it was spent is refused
 *                           without revoking its family (two tabs renewing at once); later reuse revokes it
 * @param revocationRefresh  how often each instance reloads the revoked accounts written by the others
 * @param secureCookies      mark the page cookies Secure whatever the request came in as (production)
 * @param metricsPublic      whether /actuator/prometheus is readable without a token
 */
@ConfigurationProperties("ticketrush.security")
public record AccountSettings(String jwtSecret, @DefaultValue("PT15M") Duration tokenTtl,
        @DefaultValue("ticketrush") String issuer, @DefaultValue("ticketrush-api") String audience,
        @DefaultValue("P14D") Duration refreshTokenTtl, @DefaultValue("PT10S") Duration refreshReuseGrace,
        @DefaultValue("PT5S") Duration revocationRefresh, @DefaultValue("false") boolean secureCookies,
        @DefaultValue("true") boolean metricsPublic) {
}
