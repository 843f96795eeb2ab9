package io.ticketrush.queue.persistence;

import java.util.List;
import java.util.UUID;

/**
 * Redis keys of one event's line, all hash-tagged {@code {evt:<id>}} so a Redis Cluster keeps
 * them on one shard and the scripts may touch them together. Catalogue: docs/redis-keys.md.
 */
public record LineKeys(String gate, String pre, String ticket, String line, String seq, String serving,
        String active, String session) {

    public static LineKeys of(UUID eventId) {
        String p = "queue:{evt:" + eventId + "}:";
        return new LineKeys(p + "gate", p + "pre", p + "ticket", p + "line", p + "seq", p + "serving",
                p + "active", p + "session");
    }

    List<String> all() {
        return List.of(gate, pre, ticket, line, seq, serving, active, session);
    }
}
