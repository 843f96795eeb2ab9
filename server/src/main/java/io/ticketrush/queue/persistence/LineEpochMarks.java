package io.ticketrush.queue.persistence;

import io.ticketrush.shared.RedisEpoch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The waiting room's epoch: the marker {@value #KEY} in Redis and the row {@code queue_redis_epoch}
 * in PostgreSQL. Read PostgreSQL first, then Redis; write Redis first, then PostgreSQL (see
 * {@link RedisEpoch}).
 */
@Repository
public class LineEpochMarks {

    public static final String KEY = "queue:epoch";

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final RedisScript<Long> script;

    LineEpochMarks(StringRedisTemplate redis, JdbcClient jdbc, @Qualifier("queueEpochScript") RedisScript<Long> script) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.script = script;
    }

    /** Compares the marker with the recorded epoch. */
    public RedisEpoch look() {
        Long recorded = jdbc.sql("SELECT epoch FROM queue_redis_epoch WHERE id = 1").query(Long.class).optional()
                .orElse(null);
        String marker = redis.opsForValue().get(KEY);
        return RedisEpoch.judge(recorded, marker == null ? null : Long.valueOf(marker));
    }

    /** Moves a healthy marker one step on (only one of several instances doing it at once succeeds). */
    public void advance(long from, Instant now) {
        Long moved = redis.execute(script, List.of(KEY), "advance", Long.toString(from));
        if (moved != null && moved > 0) {
            record(moved, now);
        }
    }

    /** The next epoch, taken before a repair: Redis counts as behind until the repair raises the marker to it. */
    public long next(Instant now) {
        return jdbc.sql("""
                INSERT INTO queue_redis_epoch (id, epoch, changed_at) VALUES (1, 1, :now)
                ON CONFLICT (id) DO UPDATE SET epoch = queue_redis_epoch.epoch + 1, changed_at = :now
                RETURNING epoch""").param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Raises the marker to {@code epoch} (never lowers it), then the recorded epoch to the marker. */
    public long raise(long epoch, Instant now) {
        Long marker = redis.execute(script, List.of(KEY), "raise", Long.toString(epoch));
        long at = marker == null ? epoch : marker;
        record(at, now);
        return at;
    }

    private void record(long epoch, Instant now) {
        jdbc.sql("""
                INSERT INTO queue_redis_epoch (id, epoch, changed_at) VALUES (1, :epoch, :now)
                ON CONFLICT (id) DO UPDATE SET epoch = GREATEST(queue_redis_epoch.epoch, :epoch), changed_at = :now""")
                .param("epoch", epoch).param("now", Timestamp.from(now)).update();
    }
}
