package io.ticketrush.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on log-in and sign-up (Bucket4j buckets and lockout counters in Redis, shared by every
 * instance), keyed on the client address as Tomcat sees it after the trusted-proxy valve.
 *
 * @param enabled              false turns them off (follows {@code ticketrush.ratelimit.enabled}: rehearsals, load tests)
 * @param loginPerAddress      log-in attempts one address may burst
 * @param loginRefill          time in which an address's log-in budget refills completely
 * @param signupPerAddress     sign-ups one address may burst
 * @param signupRefill         time in which an address's sign-up budget refills completely
 * @param lockoutThreshold     failed log-ins to one account before it is locked
 * @param lockoutBase          the first lock's length; each further failure doubles it
 * @param lockoutMax           the longest a lock lasts, however many failures
 * @param failureMemory        failures are forgotten after this long without a new one
 * @param knownAddressMemory   an address that signed in to the account passes its lock for this long
 */
@ConfigurationProperties("ticketrush.account.throttle")
public record ThrottleSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") int loginPerAddress,
        @DefaultValue("PT1M") Duration loginRefill,
        @DefaultValue("10") int signupPerAddress,
        @DefaultValue("PT1H") Duration signupRefill,
        @DefaultValue("10") int lockoutThreshold,
        @DefaultValue("PT30S") Duration lockoutBase,
        @DefaultValue("PT15M") Duration lockoutMax,
        @DefaultValue("PT1H") Duration failureMemory,
        @DefaultValue("P30D") Duration knownAddressMemory) {
}
