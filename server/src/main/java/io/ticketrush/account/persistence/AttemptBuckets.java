package io.ticketrush.account.persistence;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Repository;

/**
 * Bucket4j token buckets in Redis for the account module's attempt budgets (the same way as the
 * waiting room's {@code queue.RateLimits}: one Lettuce connection, reconnected when the factory's
 * client changes).
 */
@Repository
public class AttemptBuckets implements DisposableBean {

    private final RedisConnectionFactory connections;
    private volatile @Nullable ProxyManager<byte[]> buckets;
    private volatile @Nullable StatefulConnection<byte[], byte[]> connection;
    private volatile @Nullable AbstractRedisClient connectedWith;

    AttemptBuckets(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    /** Takes one token; empty when taken, else the seconds until one is back. */
    public OptionalLong take(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = buckets().getProxy(key.getBytes(StandardCharsets.UTF_8), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        AbstractRedisClient client = ((LettuceConnectionFactory) connections).getRequiredNativeClient();
        if (current != null && client == connectedWith) {
            return current;
        }
        synchronized (this) {
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
