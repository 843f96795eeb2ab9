package io.ticketrush.queue.persistence;

import org.jspecify.annotations.Nullable;

/**
 * One fan's entry in an event's line.
 *
 * @param ticket  line number, once the fan has one
 * @param entryId the fan's entry in the pre-queue draw, if they joined before the opening
 * @param session the fan's latest admission, once admitted
 */
public record FanEntry(@Nullable Long ticket, @Nullable String entryId, @Nullable Session session) {

    public static final FanEntry NONE = new FanEntry(null, null, null);

    public boolean inLine() {
        return ticket != null || entryId != null;
    }

    /**
     * An admission: when it was granted and its state, A = admitted, U = in use (holds seats),
     * X = expired unused (no-show), D = done (paid, or no hold left).
     */
    public record Session(long admittedAtMillis, char state) {

        public boolean live() {
            return state == 'A' || state == 'U';
        }

        static @Nullable Session parse(@Nullable String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            int bar = value.lastIndexOf('|');
            return new Session(Long.parseLong(value.substring(0, bar)), value.charAt(bar + 1));
        }
    }
}
