package io.ticketrush.queue.persistence;

import io.ticketrush.shared.EpochMarks;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waiting room's epoch: the marker {@value #KEY} in Redis and the row {@code queue_redis_epoch} in PostgreSQL. */
@Repository
public class LineEpochMarks extends EpochMarks {

    public static final String KEY = "queue:epoch";

    LineEpochMarks(StringRedisTemplate redis, JdbcClient jdbc, @Qualifier("queueEpochScript") RedisScript<Long> script) {
        super(redis, jdbc, script, KEY, "queue_redis_epoch");
    }
}
