package io.ticketrush.account.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.account.AccountSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class JwtKeyTest {

    private static AccountSettings settings(String secret) {
        return new AccountSettings(secret, Duration.ofHours(1), "ticketrush", "ticketrush-api", Duration.ofDays(14),
                Duration.ofSeconds(10), Duration.ofSeconds(5), false, false);
    }

    @Test
    void productionRefusesToStartWithoutASigningKey() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> JwtKey.from(settings(""), prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TICKETRUSH_SECURITY_JWT_SECRET");
    }

    @Test
    void shortKeysAreRefusedEverywhere() {
        assertThatThrownBy(() -> JwtKey.from(settings("too-short"), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void developmentMakesARandomKeyPerStart() {
        MockEnvironment dev = new MockEnvironment();
        byte[] first = JwtKey.from(settings(""), dev).getEncoded();
        byte[] second = JwtKey.from(settings(""), dev).getEncoded();
        assertThat(first).hasSize(32).isNotEqualTo(second);
    }
}
