package io.ticketrush.platform.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A JVM that starts the embedded infrastructure on a data dir, says where, and waits to be killed. */
public final class EmbeddedChild {

    private EmbeddedChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(Path.of(args[0]), false, false);
        Map<String, Object> props = infrastructure.connectionProperties();
        System.out.println("READY " + props.get("spring.datasource.url") + " " + props.get("spring.data.redis.port"));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
