package io.ticketrush.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether requests go through the front door's limit at all
 * @param maxInFlight  requests one instance works on at once (the rest wait up to {@code maxWait});
 *                     a few hundred keep two cores busy, more only add waiting inside the server
 * @param maxWait      how long a request may wait for its turn before it is answered 503 {@code busy}
 * @param retryAfter   the {@code Retry-After} a turned-away request gets
 */
@ConfigurationProperties("ticketrush.front-door")
record FrontDoorSettings(@DefaultValue("true") boolean enabled, @DefaultValue("256") int maxInFlight,
        @DefaultValue("PT0.5S") Duration maxWait, @DefaultValue("PT2S") Duration retryAfter) {
}
