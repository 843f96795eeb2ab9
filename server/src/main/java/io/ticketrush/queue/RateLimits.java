package io.ticketrush.queue;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.ticketrush.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Request budgets per client address and per fan for the waiting room's join and status calls:
 * Bucket4j token buckets stored in Redis, shared by every instance. Over budget → 429
 * {@code rate-limited} with {@code Retry-After}. Keys {@code queue:ratelimit:{ip:<addr>}} and
 * {@code queue:ratelimit:{fan:<id>}}, expiring once the bucket would be full again.
 */
@Component
public class RateLimits implements DisposableBean {

    private final RateLimitSettings settings;
    private final RedisConnectionFactory connections;
    private final BucketConfiguration perIp;
    private final BucketConfiguration perFan;
    private volatile @Nullable ProxyManager<byte[]> buckets;
    private volatile @Nullable StatefulConnection<byte[], byte[]> connection;
    private volatile @Nullable AbstractRedisClient connectedWith;

    RateLimits(RateLimitSettings settings, RedisConnectionFactory connections) {
        this.settings = settings;
        this.connections = connections;
        this.perIp = BucketConfiguration.builder().addLimit(limit -> limit.capacity(settings.perIpCapacity())
                .refillGreedy(settings.perIpPerSecond(), Duration.ofSeconds(1))).build();
        this.perFan = BucketConfiguration.builder().addLimit(limit -> limit.capacity(settings.perFanCapacity())
                .refillGreedy(settings.perFanPerSecond(), Duration.ofSeconds(1))).build();
    }

    /** Takes one request from the address's and the fan's budgets, or refuses with 429. */
    public void check(String clientAddress, UUID fanId) {
        if (!settings.enabled()) {
            return;
        }
        take("queue:ratelimit:{ip:" + clientAddress + "}", perIp, "this network address");
        take("queue:ratelimit:{fan:" + fanId + "}", perFan, "your account");
    }

    private void take(String key, BucketConfiguration configuration, String whose) {
        ConsumptionProbe probe = buckets().getProxy(key.getBytes(StandardCharsets.UTF_8), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new DomainException(429, "rate-limited", "Too many waiting-room requests from " + whose
                    + "; your place is kept, ask again in " + seconds + " s").with("retryAfterSeconds", seconds);
        }
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        AbstractRedisClient client = ((LettuceConnectionFactory) connections).getRequiredNativeClient();
        if (current != null && client == connectedWith) {
            return current;
        }
        synchronized (this) {
            // The factory builds a new client when it is restarted (a lifecycle stop/start, e.g. a paused
            // test context); the old client's connection is closed then, so connect again with the new one.
            if (buckets == null || client != connectedWith) {
                StatefulConnection<byte[], byte[]> stale = connection;
                if (stale != null) {
                    stale.close();
                }
                var expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
                if (client instanceof RedisClusterClient cluster) {
                    StatefulRedisClusterConnection<byte[], byte[]> c = cluster.connect(ByteArrayCodec.INSTANCE);
                    connection = c;
                    buckets = Bucket4jLettuce.casBasedBuilder(c).expirationAfterWrite(expiry).build();
                } else {
                    StatefulRedisConnection<byte[], byte[]> c = ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
                    connection = c;
                    buckets = Bucket4jLettuce.casBasedBuilder(c).expirationAfterWrite(expiry).build();
                }
                connectedWith = client;
            }
            return buckets;
        }
    }

    @Override
    public void destroy() {
        StatefulConnection<byte[], byte[]> c = connection;
        if (c != null) {
            c.close();
        }
    }
}
