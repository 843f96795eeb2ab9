package io.ticketrush.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM of the embedded mode killed with SIGKILL leaves its PostgreSQL and Redis running; the next start
 * on the same data dir stops them, removes the Redis binary the dead JVM unpacked, and starts cleanly.
 */
class EmbeddedCrashRecoveryTests {

    @TempDir
    Path dataDir;

    /** A child JVM running {@link EmbeddedChild}, and what it printed: "READY jdbcUrl redisPort". */
    private record Child(Process process, String jdbcUrl, int redisPort) {
    }

    private static Child start(Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedChild.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                }
                return "exited";
            } catch (IOException e) {
                return "exited: " + e;
            }
        }).get(120, TimeUnit.SECONDS);
        assertThat(ready).startsWith("READY ");
        Thread.ofVirtual().start(() -> { // keep the child's pipe drained until it is killed
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException ended) {
                // the child is gone
            }
        });
        String[] parts = ready.split(" ");
        return new Child(process, parts[1], Integer.parseInt(parts[2]));
    }

    private static long pidIn(Path file) throws Exception {
        return Long.parseLong(Files.readAllLines(file).getFirst().strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String ping(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void theNextStartStopsWhatACrashedRunLeftAndCleansItsRedisBinary() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        Path redisData = dataDir.resolve("redis");
        Child crashed = start(dataDir);
        long oldPostgres = pidIn(pgData.resolve("postmaster.pid"));
        long oldRedis = pidIn(redisData.resolve(EmbeddedLeftovers.REDIS_PID_FILE));
        Path oldBinary = Path.of(ProcessHandle.of(oldRedis).orElseThrow().info().command().orElseThrow());
        Child restarted = null;
        try {
            crashed.process().destroyForcibly(); // kill -9: no shutdown hook runs
            crashed.process().waitFor(30, TimeUnit.SECONDS);
            assertThat(alive(oldPostgres)).as("the crash left PostgreSQL running").isTrue();
            assertThat(alive(oldRedis)).as("the crash left Redis running").isTrue();
            assertThat(oldBinary).as("and its unpacked binary").exists();

            restarted = start(dataDir);

            assertThat(alive(oldPostgres)).as("the old PostgreSQL was stopped").isFalse();
            assertThat(alive(oldRedis)).as("the old Redis was stopped").isFalse();
            assertThat(oldBinary.getParent()).as("the old Redis binary was removed").doesNotExist();
            try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
                    ResultSet rs = connection.createStatement().executeQuery(
                            "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
                assertThat(rs.next()).isTrue();
                assertThat(java.util.List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .as("durable by default: fsync, synchronous_commit, full_page_writes").containsOnly("on");
            }
            assertThat(ping(restarted.redisPort())).isEqualTo("+PONG");
        } finally {
            if (restarted != null) {
                restarted.process().destroyForcibly();
                restarted.process().waitFor(30, TimeUnit.SECONDS);
            }
            crashed.process().destroyForcibly();
            EmbeddedLeftovers.clear(pgData, redisData); // and leave nothing running behind this test
        }
        assertThat(EmbeddedLeftovers.processOf(pgData.resolve("postmaster.pid"), pgData, "postgres")).isEmpty();
        assertThat(EmbeddedLeftovers.processOf(redisData.resolve(EmbeddedLeftovers.REDIS_PID_FILE), redisData,
                "redis-server")).isEmpty();
    }
}
