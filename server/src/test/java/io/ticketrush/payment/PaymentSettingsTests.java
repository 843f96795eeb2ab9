package io.ticketrush.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding of {@code ticketrush.payment}: sandbox defaults, and a refusal to start without a real key. */
class PaymentSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentSettings.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theSandboxNeedsNoConfiguration() {
        runner.withPropertyValues("ticketrush.payment.sandbox.enabled=true", "ticketrush.payment.read-timeout=PT1S")
                .run(context -> {
                    PaymentSettings settings = context.getBean(PaymentSettings.class);
                    assertThat(settings.usesLocalSandbox()).isTrue();
                    assertThat(settings.secretKey()).isEqualTo(PaymentSettings.SANDBOX_SECRET_KEY);
                    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.sandbox().timeoutCardStall()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(settings.sandbox().slowCardDelay()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void theBreakerHasDefaultsAndTheSlowIncidentAnswersLateButBeforeTheTimeout() {
        runner.withPropertyValues("ticketrush.payment.sandbox.enabled=true").run(context -> {
            PaymentSettings settings = context.getBean(PaymentSettings.class);
            assertThat(settings.breaker()).isEqualTo(new PaymentSettings.Breaker(50, 80, Duration.ofSeconds(5), 20, 10,
                    Duration.ofSeconds(30), 3));
            assertThat(settings.incidentExtension()).isEqualTo(Duration.ofMinutes(10));
            // slower than the slow-call duration (5 s), answered within the read timeout (10 s)
            assertThat(settings.sandbox().incidentDelay()).isEqualTo(Duration.ofMillis(7500));
        });
        runner.withPropertyValues("ticketrush.payment.sandbox.enabled=true", "ticketrush.payment.read-timeout=PT1S")
                .run(context -> assertThat(context.getBean(PaymentSettings.class).sandbox().incidentDelay())
                        .as("no room below the timeout: it times out").isEqualTo(Duration.ofSeconds(3)));
        runner.withPropertyValues("ticketrush.payment.sandbox.enabled=true", "ticketrush.payment.incident-extension=-PT1M")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("incident-extension"));
    }

    @Test
    void withoutTheSandboxASecretKeyIsRequired() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("ticketrush.payment.secret-key"));
    }

    @Test
    void withoutTheSandboxTheGatewayIsTossUnlessConfigured() {
        runner.withPropertyValues("ticketrush.payment.secret-key=live_sk_x").run(context -> {
            PaymentSettings settings = context.getBean(PaymentSettings.class);
            assertThat(settings.baseUrl()).isEqualTo(PaymentSettings.TOSS_BASE_URL);
            assertThat(settings.usesLocalSandbox()).isFalse();
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
        runner.withPropertyValues("ticketrush.payment.secret-key=test_sk_x",
                "ticketrush.payment.base-url=http://pg.internal:8080/").run(context ->
                assertThat(context.getBean(PaymentSettings.class).baseUrl()).isEqualTo("http://pg.internal:8080"));
    }
}
