package io.ticketrush.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether requests go through the front door's limit at all
 * @param maxInFlight  requests one instance works on at once (the rest wait up to {@code maxWait});
 *                     a few dozen keep two cores busy, more only share the cores among more requests,
 *                     slowing each (and the admitted fans' purchases, which pass the door, get a smaller share)
 * @param maxWait      how long a request may wait for its turn before it is answered 503 {@code busy}
 * @param maxQueueWait a request that waited this long for a thread (the instance is behind) is answered 503
 *                     {@code busy} at once: its client is about to give up, and serving it would only make
 *                     the requests behind it late too
 * @param retryAfter   the shortest {@code Retry-After} a turned-away request gets (at random up to three times it)
 */
@ConfigurationProperties("ticketrush.front-door")
record FrontDoorSettings(@DefaultValue("true") boolean enabled, @DefaultValue("64") int maxInFlight,
        @DefaultValue("PT0.1S") Duration maxWait, @DefaultValue("PT1S") Duration maxQueueWait,
        @DefaultValue("PT5S") Duration retryAfter) {
}
