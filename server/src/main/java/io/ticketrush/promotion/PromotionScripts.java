package io.ticketrush.promotion;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** One {@link RedisScript} bean per Lua script in {@code scripts/promotion/}; Redis caches them by SHA. */
@Configuration(proxyBeanMethods = false)
class PromotionScripts {

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> promotionClaimScript() {
        return RedisScript.of(new ClassPathResource("scripts/promotion/claim.lua"), List.class);
    }

    @Bean
    RedisScript<Long> promotionRestoreScript() {
        return RedisScript.of(new ClassPathResource("scripts/promotion/restore.lua"), Long.class);
    }

    @Bean
    RedisScript<Long> promotionAcknowledgeScript() {
        return RedisScript.of(new ClassPathResource("scripts/promotion/acknowledge.lua"), Long.class);
    }

    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> promotionReclaimScript() {
        return RedisScript.of(new ClassPathResource("scripts/promotion/reclaim.lua"), List.class);
    }

    @Bean
    RedisScript<Long> promotionEpochScript() {
        return io.ticketrush.shared.EpochMarks.script();
    }
}
