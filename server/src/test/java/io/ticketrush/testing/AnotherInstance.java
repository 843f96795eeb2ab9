package io.ticketrush.testing;

import io.ticketrush.TicketrushApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second server instance in the test JVM: the whole application again, on its own random port,
 * with its own beans (gatekeeper, SSE fan-out, caches, schedulers), pointed at the PostgreSQL and
 * Redis of the test context — as a second replica is pointed at the shared stores in production.
 * Its embedded start-up finds the pair this JVM already runs (one per JVM), so it is in the embedded
 * mode like the first (external stores refuse the sandbox and rehearsal the tests use); the connection
 * settings are the ones the test context's embedded infrastructure published. Close it when done.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /**
     * Starts an instance sharing {@code first}'s stores; {@code settings} are extra command-line
     * properties such as {@code --ticketrush.queue.tick=PT0.05S}.
     */
    public static AnotherInstance sharingStoresWith(ConfigurableApplicationContext first, String... settings) {
        Environment env = first.getEnvironment();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + env.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
                "--spring.data.redis.host=" + env.getRequiredProperty("spring.data.redis.host"),
                "--spring.data.redis.port=" + env.getRequiredProperty("spring.data.redis.port"),
                "--spring.datasource.hikari.maximum-pool-size=20"));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TicketrushApplication.class)
                .profiles(env.getActiveProfiles())
                .run(args.toArray(String[]::new));
        return new AnotherInstance(context);
    }

    public Api api() {
        return api;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
