package io.ticketrush.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    /** The caches' ticker follows the test clock: advancing the clock past a freshness window expires the entry. */
    @Bean
    @Primary
    Ticker testTicker(MutableClock clock) {
        return clock.ticker();
    }
}
