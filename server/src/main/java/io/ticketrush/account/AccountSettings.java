package io.ticketrush.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret   HMAC key for access tokens (at least 32 bytes); required in production,
 *                    generated per start in development when blank
 * @param tokenTtl    how long an access token is valid
 * @param metricsPublic whether /actuator/prometheus is readable without a token
 */
@ConfigurationProperties("ticketrush.security")
public record AccountSettings(String jwtSecret, @DefaultValue("PT12H") Duration tokenTtl,
        @DefaultValue("ticketrush") String issuer, @DefaultValue("true") boolean metricsPublic) {
}
