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
 * auto-configuration works exactly as it does against external servers.
 */
public class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor, Ordered {

    private final org.apache.commons.logging.Log log;

    public EmbeddedInfrastructurePostProcessor(org.springframework.boot.logging.DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructurePostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("ticketrush.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("ticketrush.embedded.data-dir", "./data"));
        boolean ephemeral = environment.getProperty("ticketrush.embedded.ephemeral", Boolean.class, false);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDir, ephemeral);
        log.info(infrastructure.describe());
        environment.getPropertySources().addFirst(new MapPropertySource("ticketrush-embedded", infrastructure.connectionProperties()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
