package io.ticketrush.platform;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clock every module reads time from, the ticker its in-process caches measure age with, and the lock
 * that runs a scheduled job once across instances.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10S")
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Elapsed time for the Caffeine caches (seat map, taken seats, live lines, live campaigns, presale windows):
     * nanoseconds from a monotonic source, so a wall-clock step (NTP, a leap second) never makes an entry
     * younger or older. Tests replace it with one that moves forward with their clock.
     */
    @Bean
    @ConditionalOnMissingBean
    Ticker ticker() {
        return Ticker.systemTicker();
    }

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbcTemplate) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbcTemplate)
                .usingDbTime()
                .build());
    }
}
