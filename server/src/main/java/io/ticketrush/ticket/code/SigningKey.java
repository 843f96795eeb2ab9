package io.ticketrush.ticket.code;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the key that signs ticket codes. A configured key wins (it must have at least 32
 * bytes); production refuses to start without one; development falls back to a random key
 * kept in the database, so codes printed yesterday still scan after a restart.
 */
public final class SigningKey {

    static final String PROPERTY = "ticketrush.ticket.signing-key";
    static final String ENVIRONMENT_VARIABLE = "TICKETRUSH_TICKET_SIGNING_KEY";

    private SigningKey() {
    }

    public static byte[] choose(@Nullable String configured, boolean production, Supplier<byte[]> storedDevelopmentKey) {
        if (configured == null || configured.isBlank()) {
            if (production) {
                throw new IllegalStateException(PROPERTY + " (env " + ENVIRONMENT_VARIABLE
                        + ") must be set in production: at least " + TicketCodes.MIN_KEY_BYTES
                        + " bytes; every ticket code is signed with it");
            }
            return storedDevelopmentKey.get();
        }
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < TicketCodes.MIN_KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " must be at least " + TicketCodes.MIN_KEY_BYTES
                    + " bytes long (it has " + bytes.length + ")");
        }
        return bytes;
    }
}
