package io.ticketrush.payment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the server reaches its payment gateway (Toss Payments API v1, or the built-in sandbox
 * that speaks the same protocol).
 *
 * @param baseUrl        the gateway's address; blank means the sandbox served by this very
 *                       server when the sandbox is enabled, and {@value #TOSS_BASE_URL} otherwise
 * @param secretKey      the Toss secret key sent as HTTP Basic user; required when the sandbox is
 *                       disabled, {@value #SANDBOX_SECRET_KEY} by default when it is enabled
 * @param connectTimeout how long to wait for a TCP connection to the gateway
 * @param readTimeout    how long to wait for the gateway's answer before calling it Unknown
 * @param sandbox        the sandbox gateway served under /sandbox-pg
 */
@ConfigurationProperties("ticketrush.payment")
public record PaymentSettings(@Nullable String baseUrl, @Nullable String secretKey,
        @DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue Sandbox sandbox) {

    public static final String TOSS_BASE_URL = "https://api.tosspayments.com";
    public static final String SANDBOX_SECRET_KEY = "test_sk_ticketrush_sandbox";

    public PaymentSettings {
        if (sandbox.timeoutCardStall() == null) {
            sandbox = new Sandbox(sandbox.enabled(), readTimeout.plusSeconds(2), sandbox.slowCardDelay());
        }
        if (secretKey == null || secretKey.isBlank()) {
            if (!sandbox.enabled()) {
                throw new IllegalStateException("ticketrush.payment.secret-key (env TICKETRUSH_PAYMENT_SECRET_KEY) must be set"
                        + " when the sandbox gateway is disabled: the Toss Payments secret key (live_sk_... or test_sk_...)");
            }
            secretKey = SANDBOX_SECRET_KEY;
        }
        baseUrl = baseUrl == null ? "" : stripTrailingSlash(baseUrl.strip());
        if (baseUrl.isEmpty() && !sandbox.enabled()) {
            baseUrl = TOSS_BASE_URL;
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalStateException("ticketrush.payment.connect-timeout and read-timeout must be positive");
        }
    }

    /** Whether payments go to the sandbox served by this server (no explicit address configured). */
    public boolean usesLocalSandbox() {
        return baseUrl == null || baseUrl.isEmpty();
    }

    /**
     * The sandbox gateway: test card numbers choose the outcome of a payment.
     *
     * @param enabled          serve /sandbox-pg (development and tests; never in production)
     * @param timeoutCardStall how long the timeout card stalls after approving; defaults to the read
     *                         timeout plus two seconds, so that the client gives up first
     * @param slowCardDelay    how long the slow card takes to approve
     */
    public record Sandbox(@DefaultValue("false") boolean enabled, @Nullable Duration timeoutCardStall,
            @DefaultValue("PT3S") Duration slowCardDelay) {
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
