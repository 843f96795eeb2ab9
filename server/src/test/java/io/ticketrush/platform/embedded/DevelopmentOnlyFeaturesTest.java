package io.ticketrush.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketrush.TicketrushApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentOnlyFeaturesTest {

    private static MockEnvironment external() {
        return new MockEnvironment().withProperty("ticketrush.embedded.enabled", "false");
    }

    @Test
    void externalStoresWithDemoDataSandboxOrRehearsalAreRefused() {
        for (String feature : new String[] {"ticketrush.seed.demo-data", "ticketrush.payment.sandbox.enabled",
                "ticketrush.rehearsal.enabled"}) {
            assertThat(DevelopmentOnlyFeatures.check(external().withProperty(feature, "true")))
                    .as(feature).isInstanceOfSatisfying(DevelopmentOnlyFeatures.Verdict.Refused.class,
                            refused -> assertThat(refused.reason()).contains(feature));
        }
    }

    @Test
    void externalStoresWithEverythingOffAndTheEmbeddedModeWithEverythingOnStart() {
        assertThat(DevelopmentOnlyFeatures.check(external())).isInstanceOf(DevelopmentOnlyFeatures.Verdict.Fine.class);
        assertThat(DevelopmentOnlyFeatures.check(new MockEnvironment().withProperty("ticketrush.seed.demo-data", "true")
                .withProperty("ticketrush.payment.sandbox.enabled", "true").withProperty("ticketrush.rehearsal.enabled", "true")))
                .isInstanceOf(DevelopmentOnlyFeatures.Verdict.Fine.class);
    }

    @Test
    void aBenchmarkOnExternalStoresMustSayTheyAreDisposable() {
        MockEnvironment benchmark = external().withProperty("ticketrush.seed.demo-data", "true");
        benchmark.setActiveProfiles("prod", "benchmark");
        assertThat(DevelopmentOnlyFeatures.check(benchmark)).isInstanceOf(DevelopmentOnlyFeatures.Verdict.Refused.class);
        benchmark.withProperty("ticketrush.benchmark.disposable-stores", "true");
        assertThat(DevelopmentOnlyFeatures.check(benchmark)).isInstanceOf(DevelopmentOnlyFeatures.Verdict.Benchmark.class);

        MockEnvironment notABenchmark = external().withProperty("ticketrush.seed.demo-data", "true")
                .withProperty("ticketrush.benchmark.disposable-stores", "true");
        assertThat(DevelopmentOnlyFeatures.check(notABenchmark)).as("the flag alone is not enough")
                .isInstanceOf(DevelopmentOnlyFeatures.Verdict.Refused.class);
    }

    /** The real profiles: "prod,benchmark" (what loadtest/run.sh ran) stops before touching any store. */
    @Test
    void theServerRefusesToStartInProductionModeWithTheBenchmarkProfileAlone() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TicketrushApplication.class).profiles("prod", "benchmark")
                .run("--server.port=0").close())
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("ticketrush.seed.demo-data");
    }
}
