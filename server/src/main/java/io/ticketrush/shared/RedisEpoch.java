package io.ticketrush.shared;

import org.jspecify.annotations.Nullable;

/**
 * What a module's epoch marker in Redis says about the data beside it, compared with the epoch that
 * PostgreSQL recorded. The marker is written at the first start and moved forward by every check and
 * every repair, always in Redis first and then in PostgreSQL; read in the other order (PostgreSQL,
 * then Redis), a healthy Redis is never behind. So a missing marker means Redis lost its data
 * (flushed, or a new empty server), and a marker behind the recorded epoch means Redis came back from
 * an older copy (an old RDB/AOF file, a replica that lagged).
 */
public sealed interface RedisEpoch {

    /** Nothing recorded yet: the first start against this PostgreSQL (the marker is then written). */
    record First(@Nullable Long marker) implements RedisEpoch {
    }

    /** Redis holds the recorded epoch, or a later one. */
    record Intact(long marker, long recorded) implements RedisEpoch {
    }

    /** The marker is gone: Redis lost everything it had. */
    record Lost(long recorded) implements RedisEpoch {
    }

    /** The marker is older than the recorded epoch: Redis was restored from an older copy. */
    record Older(long marker, long recorded) implements RedisEpoch {
    }

    /** The rule: judged from the epoch recorded in PostgreSQL (read first) and the marker in Redis. */
    static RedisEpoch judge(@Nullable Long recorded, @Nullable Long marker) {
        if (recorded == null) {
            return new First(marker);
        }
        if (marker == null) {
            return new Lost(recorded);
        }
        return marker < recorded ? new Older(marker, recorded) : new Intact(marker, recorded);
    }

    /** Redis lost data and must be repaired from PostgreSQL before it decides anything again. */
    default boolean needsRepair() {
        return this instanceof Lost || this instanceof Older;
    }
}
