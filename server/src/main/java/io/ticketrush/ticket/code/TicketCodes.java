package io.ticketrush.ticket.code;

import io.ticketrush.shared.HmacSha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies the text a ticket's QR image encodes:
 * {@code TR1.<base64url(ticket id ‖ performance id)>.<base64url(HMAC-SHA256 truncated to 16 bytes)>}.
 * The MAC covers the version and the payload text, so a door scanner can tell a genuine code
 * from a forged or altered one without reading the database. Verification recomputes the whole
 * expected code and compares it in constant time, which also rejects non-canonical encodings.
 */
public final class TicketCodes {

    /** What a genuine code says. */
    public record Verified(UUID ticketId, UUID performanceId) {
    }

    public static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "TR1";
    private static final int MAC_BYTES = 16;
    private static final int PAYLOAD_BYTES = 32;
    /** "TR1." + 43 payload characters + "." + 22 signature characters. */
    private static final int CODE_LENGTH = 4 + 43 + 1 + 22;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacSha256 hmac;

    public TicketCodes(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A ticket signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.hmac = new HmacSha256(key);
    }

    public String sign(UUID ticketId, UUID performanceId) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(ticketId.getMostSignificantBits()).putLong(ticketId.getLeastSignificantBits())
                .putLong(performanceId.getMostSignificantBits()).putLong(performanceId.getLeastSignificantBits());
        String signed = VERSION + "." + ENCODER.encodeToString(payload.array());
        return signed + "." + ENCODER.encodeToString(mac(signed));
    }

    /** The ids in a genuine code; empty for anything forged, altered, signed with another key or malformed. */
    public Optional<Verified> verify(String code) {
        if (code.length() != CODE_LENGTH || !code.startsWith(VERSION + ".") || code.charAt(CODE_LENGTH - 23) != '.') {
            return Optional.empty();
        }
        byte[] payload;
        try {
            payload = DECODER.decode(code.substring(4, CODE_LENGTH - 23));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES) {
            return Optional.empty();
        }
        ByteBuffer ids = ByteBuffer.wrap(payload);
        Verified verified = new Verified(new UUID(ids.getLong(), ids.getLong()), new UUID(ids.getLong(), ids.getLong()));
        byte[] expected = sign(verified.ticketId(), verified.performanceId()).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Optional.of(verified) : Optional.empty();
    }

    private byte[] mac(String signed) {
        return Arrays.copyOf(hmac.sign(signed.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    }
}
