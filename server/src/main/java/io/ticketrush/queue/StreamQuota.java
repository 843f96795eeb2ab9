package io.ticketrush.queue;

import io.ticketrush.shared.DomainException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/** Counts this instance's live streams per fan and per address and refuses one past a {@link StreamCaps} cap. */
@Component
class StreamQuota {

    private final StreamCaps caps;
    private final ConcurrentHashMap<UUID, Integer> fans = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> addresses = new ConcurrentHashMap<>();

    StreamQuota(StreamCaps caps) {
        this.caps = caps;
    }

    /**
     * Takes a stream for {@code fan} from {@code address}; the returned release gives it back (once, however
     * often it runs). Past a cap: 429 {@code too-many-streams} with the {@code limit} that was reached.
     */
    Runnable take(UUID fan, String address) {
        if (!takeOne(fans, fan, caps.perFan())) {
            throw refused("fan", caps.perFan());
        }
        if (!takeOne(addresses, address, caps.perAddress())) {
            giveBack(fans, fan);
            throw refused("address", caps.perAddress());
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                giveBack(fans, fan);
                giveBack(addresses, address);
            }
        };
    }

    int streamsOf(UUID fan) {
        return fans.getOrDefault(fan, 0);
    }

    int streamsFrom(String address) {
        return addresses.getOrDefault(address, 0);
    }

    private static <K> boolean takeOne(ConcurrentHashMap<K, Integer> counts, K key, int cap) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            int held = n == null ? 0 : n;
            if (held >= cap) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    private static <K> void giveBack(ConcurrentHashMap<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static DomainException refused(String per, int limit) {
        return new DomainException(429, "too-many-streams", "Too many live streams for this " + per
                + ": close another tab, or poll GET /queue instead (your place is kept)")
                .with("limit", limit).with("per", per).with("retryAfterSeconds", 5);
    }
}
