package io.ticketrush.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What a crashed JVM of the embedded mode leaves behind: its PostgreSQL and Redis still running
 * (re-parented, holding their ports and the data directory) and the Redis binary it unpacked into the
 * temp directory. Both servers write a pid file under the data dir ({@code postgres/postmaster.pid},
 * PostgreSQL's own; {@code redis/redis.pid}); before the next start, a process named there is stopped
 * if it is still alive and is ours: a {@code postgres} or {@code redis-server} whose working directory
 * is that very data directory (both servers change into it). SIGTERM first, SIGKILL after a bound.
 */
final class EmbeddedLeftovers {

    static final String REDIS_PID_FILE = "redis.pid";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private EmbeddedLeftovers() {
    }

    /** {@link #clear(Path, Path, Log)} with a plain log (tests; logging is set up). */
    static void clear(Path pgData, Path redisData) {
        clear(pgData, redisData, LogFactory.getLog(EmbeddedLeftovers.class));
    }

    /**
     * Stops a previous run's servers of these data directories, if any are left, and removes their leftovers.
     * {@code log}: the start-up runs before logging is set up, so it passes its deferred log.
     */
    static void clear(Path pgData, Path redisData, Log log) {
        processOf(pgData.resolve("postmaster.pid"), pgData, "postgres").ifPresent(postgres -> {
            log.warn("Stopping the embedded PostgreSQL (pid " + postgres.pid() + ") a crashed run left on " + pgData);
            stop(postgres, log);
        });
        processOf(redisData.resolve(REDIS_PID_FILE), redisData, "redis-server").ifPresent(redis -> {
            Optional<Path> binary = redis.info().command().map(Path::of);
            log.warn("Stopping the embedded Redis (pid " + redis.pid() + ") a crashed run left on " + redisData);
            stop(redis, log);
            binary.ifPresent(file -> removeUnpackedBinary(file, log));
        });
    }

    /** The live process a pid file names, if it is a {@code name} process working in {@code dir}. */
    static Optional<ProcessHandle> processOf(Path pidFile, Path dir, String name) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isOurs(p, dir, name));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isOurs(ProcessHandle process, Path dir, String name) {
        try {
            Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath();
            boolean named = process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith(name))
                    .orElse(false);
            return named && cwd.equals(dir.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false; // not ours to read (another user's), gone meanwhile, or no /proc
        }
    }

    private static void stop(ProcessHandle process, Log log) {
        Stream<ProcessHandle> children = process.descendants();
        var descendants = children.toList();
        process.destroy();
        if (!exited(process)) {
            log.warn("Process " + process.pid() + " did not stop within " + PATIENCE + ": killing it");
            process.destroyForcibly();
            exited(process);
        }
        descendants.forEach(child -> {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        });
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** embedded-redis unpacks its binary into {@code <tmp>/redis-<random>/}; a crash skips its delete-on-exit. */
    private static void removeUnpackedBinary(Path binary, Log log) {
        Path dir = binary.getParent();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dir == null || !dir.getFileName().toString().startsWith("redis-")
                || !tmp.equals(dir.toAbsolutePath().normalize().getParent())) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            log.info("Removed the Redis binary a crashed run left in " + dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
