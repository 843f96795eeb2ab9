package io.ticketrush.promotion.persistence;

import io.ticketrush.shared.EpochMarks;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The coupon stock's epoch: the marker {@value #KEY} in Redis and the row {@code promotion_redis_epoch} in PostgreSQL. */
@Repository
public class StockEpochMarks extends EpochMarks {

    public static final String KEY = "promotion:epoch";

    StockEpochMarks(StringRedisTemplate redis, JdbcClient jdbc, @Qualifier("promotionEpochScript") RedisScript<Long> script) {
        super(redis, jdbc, script, KEY, "promotion_redis_epoch");
    }
}
