package io.ticketrush.platform.embedded;

import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts embedded PostgreSQL and Redis before the application context is built when
 * {@code ticketrush.embedded.enabled} is true (the default; the {@code prod} profile turns it
 * off) and points {@code spring.datasource.*} and {@code spring.data.redis.*} at them, so every
 * auto-configuration works exactly as it does against external servers. First of all it refuses
 * external stores with development-only features on ({@link DevelopmentOnlyFeatures}).
 */
public class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor, Ordered {

    private final org.apache.commons.logging.Log log;

    public EmbeddedInfrastructurePostProcessor(org.springframework.boot.logging.DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructurePostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        switch (DevelopmentOnlyFeatures.check(environment)) {
            case DevelopmentOnlyFeatures.Verdict.Refused refused -> throw new IllegalStateException(refused.reason());
            case DevelopmentOnlyFeatures.Verdict.Benchmark benchmark -> log.warn(("BENCHMARK ON EXTERNAL STORES: %s on,"
                    + " with demo accounts whose passwords are published. These stores must be thrown away after the run;"
                    + " never point this at a database that sells real tickets.").formatted(String.join(", ", benchmark.on())));
            case DevelopmentOnlyFeatures.Verdict.Fine fine -> {
            }
        }
        if (!environment.getProperty("ticketrush.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("ticketrush.embedded.data-dir", "./data"));
        boolean ephemeral = environment.getProperty("ticketrush.embedded.ephemeral", Boolean.class, false);
        boolean fast = environment.getProperty("ticketrush.embedded.fast", Boolean.class, ephemeral);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDir, ephemeral, fast, log);
        log.info(infrastructure.describe());
        environment.getPropertySources().addFirst(new MapPropertySource("ticketrush-embedded", infrastructure.connectionProperties()));
        if (!ephemeral) {
            keepDevelopmentKeys(environment, dataDir);
        }
    }

    /**
     * Without a configured {@code ticketrush.security.jwt-secret}, the development mode signs access tokens
     * with a key kept under the data dir ({@link DevelopmentKeys}): a restart keeps everyone signed in.
     */
    static void keepDevelopmentKeys(ConfigurableEnvironment environment, Path dataDir) {
        String configured = environment.getProperty(DevelopmentKeys.JWT_SECRET);
        if (configured == null || configured.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("ticketrush-development-keys",
                    java.util.Map.of(DevelopmentKeys.JWT_SECRET, DevelopmentKeys.jwtSecret(dataDir))));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
