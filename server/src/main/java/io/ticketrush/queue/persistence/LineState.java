package io.ticketrush.queue.persistence;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shared state of one event's line, read in one round trip.
 *
 * @param serving   line number of the last fan admitted
 * @param lastTicket line number of the last fan who joined
 * @param active    admissions that are live (admitted, not yet finished or expired)
 * @param preQueue  fans in the pre-queue (until the opening draw numbers them)
 * @param opened    the pre-queue is closed: new fans get numbers
 * @param drawn     the pre-queue has its numbers: admission may start
 * @param paused    an operator paused admission
 * @param outflowOverride   outflow set by an operator during the sale, if any
 * @param maxActiveOverride cap on active shoppers set by an operator during the sale, if any
 * @param seatsLeft seats on sale at the gatekeeper's last step, if known
 * @param rate      measured admissions per second
 * @param admittedTotal fans admitted so far
 */
public record LineState(long serving, long lastTicket, long active, long preQueue, boolean opened, boolean drawn,
        boolean paused, @Nullable Integer outflowOverride, @Nullable Integer maxActiveOverride,
        @Nullable Long seatsLeft, double rate, long admittedTotal) {

    public static final LineState EMPTY = new LineState(0, 0, 0, 0, false, false, false, null, null, null, 0, 0);

    /** Fans still waiting: numbered and not yet admitted, plus the pre-queue before its draw. */
    public long waiting() {
        return Math.max(0, lastTicket - serving) + (drawn ? 0 : preQueue);
    }

    static LineState from(long serving, long seq, long active, long preSize, Map<String, String> gate) {
        return new LineState(serving, seq, active, preSize, "1".equals(gate.get("opened")),
                "1".equals(gate.get("drawn")), "1".equals(gate.get("paused")), integer(gate.get("outflow")),
                integer(gate.get("maxActive")), gate.containsKey("seatsLeft") ? Long.parseLong(gate.get("seatsLeft")) : null,
                gate.containsKey("rate") ? Double.parseDouble(gate.get("rate")) : 0,
                gate.containsKey("admitted") ? Long.parseLong(gate.get("admitted")) : 0);
    }

    private static @Nullable Integer integer(@Nullable String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
