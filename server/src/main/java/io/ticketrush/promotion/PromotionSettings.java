package io.ticketrush.promotion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param writerEnabled      run the writer that stores claims from the Redis Streams in PostgreSQL on
 *                           this instance (every instance may; they share one consumer group)
 * @param writeBatch         stream entries read and stored per round trip
 * @param writerIdlePause    longest pause of an idle writer before it looks again (a claim on this
 *                           instance wakes it at once)
 * @param pendingIdleTimeout an entry read by a writer and not acknowledged for this long is taken
 *                           over by another writer (its instance died between reading and storing)
 * @param reconcileInterval  how often Redis and PostgreSQL are compared and repaired (also at start-up)
 * @param settleAfter        a campaign ended this long ago, fully stored, is settled: its Redis keys
 *                           expire after {@code keepRedisFor} and reads come from PostgreSQL only
 * @param keepRedisFor       how long a settled campaign's keys stay in Redis
 * @param presaleCacheTtl    how long an instance trusts its cached presale window of an event
 * @param maxCodesPerBatch   access codes one generation request may create
 * @param maxCodesPerEvent   access codes an event may have in all
 */
@ConfigurationProperties("ticketrush.promotion")
public record PromotionSettings(@DefaultValue("true") boolean writerEnabled, @DefaultValue("500") int writeBatch,
        @DefaultValue("PT0.2S") Duration writerIdlePause, @DefaultValue("PT30S") Duration pendingIdleTimeout,
        @DefaultValue("PT30S") Duration reconcileInterval,
        @DefaultValue("PT1M") Duration settleAfter, @DefaultValue("P7D") Duration keepRedisFor,
        @DefaultValue("PT2S") Duration presaleCacheTtl, @DefaultValue("50000") int maxCodesPerBatch,
        @DefaultValue("500000") int maxCodesPerEvent) {
}
