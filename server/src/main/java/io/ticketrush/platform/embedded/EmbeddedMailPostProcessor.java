package io.ticketrush.platform.embedded;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded mail capture in the embedded mode (unless {@code ticketrush.embedded.mail=false}
 * or {@code spring.mail.host} is set) and points {@code spring.mail.*} at it.
 */
public class EmbeddedMailPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final org.apache.commons.logging.Log log;

    public EmbeddedMailPostProcessor(org.springframework.boot.logging.DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedMailPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("ticketrush.embedded.enabled", Boolean.class, true)
                || !environment.getProperty("ticketrush.embedded.mail", Boolean.class, true)
                || environment.containsProperty("spring.mail.host")) {
            return;
        }
        EmbeddedMail mail = EmbeddedMail.start();
        log.info(mail.describe());
        environment.getPropertySources().addFirst(new MapPropertySource("ticketrush-embedded-mail", mail.connectionProperties()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
