package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void nothingBelowTheThresholdThenDoublingFromTheBase() {
        assertThat(policy.waitAfter(0)).isZero();
        assertThat(policy.waitAfter(9)).isZero();
        assertThat(policy.waitAfter(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.waitAfter(11)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.waitAfter(13)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void neverLongerThanTheCapHoweverManyFailures() {
        assertThat(policy.waitAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.waitAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.waitAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }
}
