package io.ticketrush.benchmark;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdTtl          how long a baseline hold lasts (the real hold's {@code ticketrush.inventory.hold-ttl})
 * @param lockWait         how long the Redisson baseline waits for the seats' locks before giving up
 * @param lockLease        how long a Redisson seat lock lives if its holder dies
 * @param redissonPoolSize connections of the Redisson client
 */
@ConfigurationProperties("ticketrush.benchmark")
public record BenchmarkSettings(@DefaultValue("PT5M") Duration holdTtl, @DefaultValue("PT3S") Duration lockWait,
        @DefaultValue("PT10S") Duration lockLease, @DefaultValue("64") int redissonPoolSize) {
}
