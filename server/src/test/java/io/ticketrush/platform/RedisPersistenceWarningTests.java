package io.ticketrush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.TestPropertySource;

/** The start-up check reads the real Redis's appendonly setting. (Same context as the Redis-loss tests.) */
@IntegrationTest
@TestPropertySource(properties = {"ticketrush.promotion.epoch-check=PT1H", "ticketrush.queue.epoch-check=PT1H"})
class RedisPersistenceWarningTests {

    @Autowired
    RedisConnectionFactory redis;

    String before;

    @BeforeEach
    void remember() {
        try (RedisConnection c = redis.getConnection()) {
            before = c.serverCommands().getConfig("appendonly").getProperty("appendonly");
        }
    }

    @AfterEach
    void putBack() {
        appendOnly(before);
    }

    @Test
    void warnsWhenRedisKeepsNoAppendOnlyFile() {
        appendOnly("no");
        assertThat(new RedisPersistenceWarning(redis).warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("without an append-only file").contains("appendonly yes"));
    }

    @Test
    void saysNothingWhenItDoes() {
        appendOnly("yes");
        assertThat(new RedisPersistenceWarning(redis).warning()).isEmpty();
    }

    private void appendOnly(String value) {
        try (RedisConnection c = redis.getConnection()) {
            c.serverCommands().setConfig("appendonly", value);
        }
    }
}
