package io.ticketrush.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets for joining the waiting room and reading one's place (Bucket4j token buckets
 * kept in Redis, so every instance draws from the same bucket).
 *
 * @param enabled           false turns every limit off (rehearsals, load tests)
 * @param perIpCapacity     burst allowed from one client address (generous: carriers put many phones behind one)
 * @param perIpPerSecond    sustained requests per second from one address
 * @param perFanCapacity    burst allowed for one signed-in fan, whatever their address
 * @param perFanPerSecond   sustained requests per second for one fan
 */
@ConfigurationProperties("ticketrush.ratelimit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("600") int perIpCapacity,
        @DefaultValue("100") int perIpPerSecond,
        @DefaultValue("10") int perFanCapacity,
        @DefaultValue("2") int perFanPerSecond) {
}
