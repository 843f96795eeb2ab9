package io.ticketrush.benchmark;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** A Redisson client on the server's own Redis (same host, port, database index), for the baseline only. */
@Configuration(proxyBeanMethods = false)
@Profile("benchmark")
class RedissonConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(@Value("${spring.data.redis.host:127.0.0.1}") String host,
            @Value("${spring.data.redis.port:6379}") int port,
            @Value("${spring.data.redis.database:0}") int database,
            @Value("${spring.data.redis.password:}") String password,
            BenchmarkSettings settings) {
        Config config = new Config();
        config.setNettyThreads(8);
        var server = config.useSingleServer()
                .setAddress("redis://" + host + ":" + port)
                .setDatabase(database)
                .setConnectionPoolSize(settings.redissonPoolSize())
                .setConnectionMinimumIdleSize(Math.min(8, settings.redissonPoolSize()));
        if (!password.isBlank()) {
            server.setPassword(password);
        }
        return Redisson.create(config);
    }
}
