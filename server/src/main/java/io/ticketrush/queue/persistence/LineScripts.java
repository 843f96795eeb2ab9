package io.ticketrush.queue.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One {@link RedisScript} bean per Lua script of the waiting room (src/main/resources/scripts/queue).
 * The text is read once: a script backed by a resource would check the resource for changes on
 * every call, which costs more than the call itself on the join path.
 */
@Configuration(proxyBeanMethods = false)
class LineScripts {

    private static String text(String name) {
        try {
            return new ClassPathResource("scripts/queue/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing Redis script " + name, e);
        }
    }

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> queueJoinScript() {
        return RedisScript.of(text("join.lua"), List.class);
    }

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> queueLookScript() {
        return RedisScript.of(text("look.lua"), List.class);
    }

    @Bean
    RedisScript<Long> queueOpenScript() {
        return RedisScript.of(text("open.lua"), Long.class);
    }

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> queueAdmitScript() {
        return RedisScript.of(text("admit.lua"), List.class);
    }

    @Bean
    RedisScript<String> queueUseScript() {
        return RedisScript.of(text("use.lua"), String.class);
    }

    @Bean
    RedisScript<Long> queueShoppingScript() {
        return RedisScript.of(text("shopping.lua"), Long.class);
    }

    @Bean
    RedisScript<Long> queueLeaveScript() {
        return RedisScript.of(text("leave.lua"), Long.class);
    }

    @Bean
    RedisScript<Long> queueRestoreScript() {
        return RedisScript.of(text("restore.lua"), Long.class);
    }

    @Bean
    RedisScript<Long> queueEpochScript() {
        return io.ticketrush.shared.EpochMarks.script();
    }
}
