package io.ticketrush.queue.persistence;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** One {@link RedisScript} bean per Lua script of the waiting room (src/main/resources/scripts/queue). */
@Configuration(proxyBeanMethods = false)
class LineScripts {

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> queueJoinScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/join.lua"), List.class);
    }

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> queueLookScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/look.lua"), List.class);
    }

    @Bean
    RedisScript<Long> queueOpenScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/open.lua"), Long.class);
    }

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> queueAdmitScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/admit.lua"), List.class);
    }

    @Bean
    RedisScript<String> queueUseScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/use.lua"), String.class);
    }

    @Bean
    RedisScript<Long> queueShoppingScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/shopping.lua"), Long.class);
    }

    @Bean
    RedisScript<Long> queueLeaveScript() {
        return RedisScript.of(new ClassPathResource("scripts/queue/leave.lua"), Long.class);
    }
}
