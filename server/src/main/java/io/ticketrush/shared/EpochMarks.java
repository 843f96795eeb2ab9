package io.ticketrush.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One part's Redis epoch: a marker key in Redis and a one-row table in PostgreSQL that both move
 * forward. Read PostgreSQL first, then Redis; write Redis first, then PostgreSQL (see
 * {@link RedisEpoch}). Each module that keeps data in Redis has its own pair, since the line and the
 * coupon stock may live on different Redis servers.
 */
public class EpochMarks {

    /** The marker's script ({@code scripts/shared/epoch.lua}): 'advance' from a value, or 'raise' to one. */
    public static RedisScript<Long> script() {
        return RedisScript.of(new ClassPathResource("scripts/shared/epoch.lua"), Long.class);
    }

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final RedisScript<Long> script;
    private final String key;
    private final String table;

    /** {@code table} is the module's own constant table name (id = 1, epoch, changed_at), never input. */
    protected EpochMarks(StringRedisTemplate redis, JdbcClient jdbc, RedisScript<Long> script, String key, String table) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.script = script;
        this.key = key;
        this.table = table;
    }

    /** Compares the marker with the recorded epoch. */
    public RedisEpoch look() {
        Long recorded = jdbc.sql("SELECT epoch FROM " + table + " WHERE id = 1").query(Long.class).optional()
                .orElse(null);
        String marker = redis.opsForValue().get(key);
        return RedisEpoch.judge(recorded, marker == null ? null : Long.valueOf(marker));
    }

    /** Moves a healthy marker one step on (only one of several instances doing it at once succeeds). */
    public void advance(long from, Instant now) {
        Long moved = redis.execute(script, List.of(key), "advance", Long.toString(from));
        if (moved != null && moved > 0) {
            record(moved, now);
        }
    }

    /** The next epoch, taken before a repair: Redis counts as behind until the repair raises the marker to it. */
    public long next(Instant now) {
        return jdbc.sql("INSERT INTO " + table + " (id, epoch, changed_at) VALUES (1, 1, :now)"
                        + " ON CONFLICT (id) DO UPDATE SET epoch = " + table + ".epoch + 1, changed_at = :now"
                        + " RETURNING epoch")
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Raises the marker to {@code epoch} (never lowers it), then the recorded epoch to the marker. */
    public long raise(long epoch, Instant now) {
        Long marker = redis.execute(script, List.of(key), "raise", Long.toString(epoch));
        long at = marker == null ? epoch : marker;
        record(at, now);
        return at;
    }

    private void record(long epoch, Instant now) {
        jdbc.sql("INSERT INTO " + table + " (id, epoch, changed_at) VALUES (1, :epoch, :now)"
                        + " ON CONFLICT (id) DO UPDATE SET epoch = GREATEST(" + table + ".epoch, :epoch), changed_at = :now")
                .param("epoch", epoch).param("now", Timestamp.from(now)).update();
    }
}
