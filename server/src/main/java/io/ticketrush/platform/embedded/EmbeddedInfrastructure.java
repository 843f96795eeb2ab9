package io.ticketrush.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import redis.embedded.RedisServer;

/**
 * The embedded PostgreSQL 18 and Redis servers of the zero-configuration mode. One pair per
 * JVM: several Spring contexts in one test run share it. Both take free ports, never the
 * standard 5432/6379 of services that may run on the same machine. Durable by default (PostgreSQL
 * with fsync, synchronous commit and full-page writes on; Redis with its append-only file synced every
 * second); {@code fast} trades that for speed (tests). Each server keeps a pid file under the data dir,
 * and a start first stops what a crashed run left there ({@link EmbeddedLeftovers}).
 */
final class EmbeddedInfrastructure {

    private static final Log log = LogFactory.getLog(EmbeddedInfrastructure.class);
    private static EmbeddedInfrastructure running;

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final Path ephemeralRoot;
    private final String description;

    private EmbeddedInfrastructure(EmbeddedPostgres postgres, RedisServer redis, int redisPort, Path ephemeralRoot,
            String description) {
        this.description = description;
        this.postgres = postgres;
        this.redis = redis;
        this.redisPort = redisPort;
        this.ephemeralRoot = ephemeralRoot;
    }

    static EmbeddedInfrastructure start(Path dataDir, boolean ephemeral, boolean fast) {
        return start(dataDir, ephemeral, fast, log);
    }

    /** {@code startupLog}: the environment post-processor's deferred log (logging is not set up yet). */
    static synchronized EmbeddedInfrastructure start(Path dataDir, boolean ephemeral, boolean fast, Log startupLog) {
        if (running != null) {
            return running;
        }
        try {
            Path root = ephemeral ? Files.createTempDirectory("ticketrush-embedded-") : dataDir.toAbsolutePath();
            Path pgData = root.resolve("postgres");
            Path redisData = root.resolve("redis");
            Files.createDirectories(redisData);
            if (!ephemeral) {
                EmbeddedLeftovers.clear(pgData, redisData, startupLog);
            }
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(ephemeral)
                    .setRegisterShutdownHook(false)
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB");
            if (fast) {
                // Test databases are thrown away: durability buys nothing there.
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                // zonky turns synchronous_commit off by default: the README promises data kept across restarts
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            int redisPort = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("dir " + redisData)
                    .setting("pidfile " + redisData.toAbsolutePath().resolve(EmbeddedLeftovers.REDIS_PID_FILE))
                    .setting(fast ? "appendonly no" : "appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .build();
            redis.start();
            String description = ("Embedded PostgreSQL 18 on port %d (data in %s), embedded Redis on port %d, started in %d ms"
                    + (fast ? " (fast: fsync off, no append-only file)" : " (durable)"))
                    .formatted(postgres.getPort(), pgData, redisPort, (System.nanoTime() - started) / 1_000_000);
            running = new EmbeddedInfrastructure(postgres, redis, redisPort, ephemeral ? root : null, description);
            // Spring runs shutdown handlers after every application context has closed (pools drained).
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(running::stop);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL/Redis", e);
        }
    }

    String describe() {
        return description;
    }

    Map<String, Object> connectionProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("spring.data.redis.host", "127.0.0.1");
        props.put("spring.data.redis.port", redisPort);
        return props;
    }

    private void stop() {
        try {
            redis.stop();
        } catch (Exception e) {
            log.warn("Embedded Redis did not stop cleanly", e);
        }
        try {
            postgres.close();
        } catch (Exception e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        if (ephemeralRoot != null) {
            try (Stream<Path> files = Files.walk(ephemeralRoot)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
