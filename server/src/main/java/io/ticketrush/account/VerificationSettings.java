package io.ticketrush.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param emailVerification whether a new account must confirm its email address before holding seats
 *                          (on by default; the benchmark profile turns it off and says so in the log)
 * @param verificationTtl   how long a verification link works
 * @param publicUrl         the site's address for links in mails; blank = taken from the request
 *                          (after the trusted-proxy valve)
 */
@ConfigurationProperties("ticketrush.account")
public record VerificationSettings(@DefaultValue("true") boolean emailVerification,
        @DefaultValue("P2D") Duration verificationTtl, @DefaultValue("") String publicUrl) {
}
