package io.ticketrush.platform;

import java.util.Optional;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Production start-up warns when Redis does not keep an append-only file: a Redis restarted without one
 * comes back empty or from its last snapshot, and the coupon stock and the waiting room then pause until
 * they are repaired from PostgreSQL (claims acknowledged in the lost seconds cannot be; see
 * docs/redis-keys.md). A Redis with CONFIG disabled (managed services) cannot be asked: that is logged too.
 */
@Component
@Profile("prod")
class RedisPersistenceWarning {

    private static final Log log = LogFactory.getLog(RedisPersistenceWarning.class);

    private final RedisConnectionFactory redis;

    RedisPersistenceWarning(RedisConnectionFactory redis) {
        this.redis = redis;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        warning().ifPresent(log::warn);
    }

    /** The warning to log, if any. */
    Optional<String> warning() {
        String appendOnly;
        try (RedisConnection connection = redis.getConnection()) {
            Properties config = connection.serverCommands().getConfig("appendonly");
            appendOnly = config == null ? null : config.getProperty("appendonly");
        } catch (RuntimeException e) {
            return Optional.of("Could not ask Redis whether it keeps an append-only file (CONFIG GET appendonly: "
                    + e.getMessage() + "); make sure it runs with appendonly yes (appendfsync everysec or always)");
        }
        if ("yes".equalsIgnoreCase(appendOnly)) {
            return Optional.empty();
        }
        return Optional.of("Redis runs without an append-only file (appendonly " + appendOnly + "): a restart loses "
                + "the last claims and places in line since its last snapshot. Run it with appendonly yes and "
                + "appendfsync everysec (or always), with replicas");
    }
}
