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
 * @param breaker        when to stop calling a failing gateway for a while (the circuit breaker)
 * @param incidentExtension how much later the payment deadline (and the hold's expiry) of an order
 *                       waiting to pay moves when the breaker opens; once per order, so it is also the cap
 */
@ConfigurationProperties("ticketrush.payment")
public record PaymentSettings(@Nullable String baseUrl, @Nullable String secretKey,
        @DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue Sandbox sandbox, @DefaultValue Breaker breaker,
        @DefaultValue("PT10M") Duration incidentExtension) {

    public static final String TOSS_BASE_URL = "https://api.tosspayments.com";
    public static final String SANDBOX_SECRET_KEY = "test_sk_ticketrush_sandbox";

    public PaymentSettings {
        if (sandbox.timeoutCardStall() == null || sandbox.incidentDelay() == null) {
            sandbox = new Sandbox(sandbox.enabled(),
                    sandbox.timeoutCardStall() == null ? readTimeout.plusSeconds(2) : sandbox.timeoutCardStall(),
                    sandbox.slowCardDelay(),
                    sandbox.incidentDelay() == null ? slowButAnswered(breaker, readTimeout) : sandbox.incidentDelay());
        }
        if (incidentExtension.isNegative()) {
            throw new IllegalStateException("ticketrush.payment.incident-extension must not be negative");
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
     * @param incidentDelay    how long every answer is held back in the {@code slow} incident mode;
     *                         defaults to halfway between the breaker's slow-call duration and the read
     *                         timeout (slow, but answered), or past the read timeout if there is no room
     */
    public record Sandbox(@DefaultValue("false") boolean enabled, @Nullable Duration timeoutCardStall,
            @DefaultValue("PT3S") Duration slowCardDelay, @Nullable Duration incidentDelay) {
    }

    /**
     * The circuit breaker around the gateway (Resilience4j, count-based window). A call fails when the
     * gateway gives no trustworthy answer (timeout, connection failure, 5xx); a declined card is an
     * answer, not a failure. The breaker opens when, over the last {@code slidingWindow} calls (at
     * least {@code minimumCalls}), failures reach {@code failureRateThreshold} percent or calls slower
     * than {@code slowCallDuration} reach {@code slowCallRateThreshold} percent. While open, calls fail
     * fast; after {@code waitInOpen} it lets {@code halfOpenCalls} trial calls through and closes if
     * they succeed, else opens again.
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("80") float slowCallRateThreshold,
            @DefaultValue("PT5S") Duration slowCallDuration, @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls, @DefaultValue("PT30S") Duration waitInOpen,
            @DefaultValue("3") int halfOpenCalls) {
    }

    private static Duration slowButAnswered(Breaker breaker, Duration readTimeout) {
        Duration room = readTimeout.minus(breaker.slowCallDuration());
        return room.isNegative() || room.isZero() ? readTimeout.plusSeconds(2)
                : breaker.slowCallDuration().plus(room.dividedBy(2));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
