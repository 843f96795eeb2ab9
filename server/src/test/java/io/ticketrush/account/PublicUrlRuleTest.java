package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublicUrlRuleTest {

    private static final Duration TTL = Duration.ofDays(2);

    @Test
    void aProductionServerThatVerifiesEmailsNeedsItsPublicAddress() {
        assertThatThrownBy(() -> EmailVerification.requirePublicUrl(new VerificationSettings(true, TTL, ""), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TICKETRUSH_PUBLIC_URL");
    }

    @Test
    void developmentOrNoVerificationOrAnAddressIsEnough() {
        assertThatCode(() -> EmailVerification.requirePublicUrl(new VerificationSettings(true, TTL, ""), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> EmailVerification.requirePublicUrl(new VerificationSettings(false, TTL, ""), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> EmailVerification.requirePublicUrl(
                new VerificationSettings(true, TTL, "https://tickets.example.com"), false)).doesNotThrowAnyException();
    }
}
