package io.ticketrush.queue;

import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Signed admission tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))} with
 * payload {@code v1|eventId|fanId|admittedAtMillis|holdByMillis|expiresAtMillis}. Verified from
 * the token alone (no database, no Redis), bound to one fan and one event. The same admission
 * always yields the same token, so every instance and every tab shows the same one.
 */
public final class AdmissionTokens {

    public static final int MIN_KEY_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacSha256 hmac;

    public AdmissionTokens(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The admission-token key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.hmac = new HmacSha256(key);
    }

    public String issue(AdmissionToken token) {
        String payload = String.join("|", "v1", token.eventId().toString(), token.fanId().toString(),
                Long.toString(token.admittedAt().toEpochMilli()), Long.toString(token.holdBy().toEpochMilli()),
                Long.toString(token.expiresAt().toEpochMilli()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /**
     * The token's content if it is genuine, for this fan and event, and not expired at {@code now};
     * otherwise 403 {@code admission-required} with a {@code reason}.
     */
    public AdmissionToken verify(@Nullable String token, UUID eventId, UUID fanId, Instant now) {
        if (token == null || token.isBlank()) {
            throw refused("missing", "This event has a waiting room: join it and present the Admission-Token you get");
        }
        AdmissionToken content = read(token).orElseThrow(() -> refused("invalid", "The admission token is not genuine"));
        if (!content.eventId().equals(eventId)) {
            throw refused("other-event", "The admission token is for another event");
        }
        if (!content.fanId().equals(fanId)) {
            throw refused("other-fan", "The admission token belongs to someone else");
        }
        if (!now.isBefore(content.expiresAt())) {
            throw refused("expired", "The admission token has expired: join the waiting room again");
        }
        return content;
    }

    /**
     * Whether {@code token} is genuine (signed with this key) and not expired at {@code now}, whoever it
     * was issued to: the front door's check before it lets a purchase skip load shedding. One HMAC, no
     * database, no Redis; the guards still check the fan and the event.
     */
    public boolean genuine(@Nullable String token, Instant now) {
        return token != null && read(token).filter(content -> now.isBefore(content.expiresAt())).isPresent();
    }

    static DomainException refused(String reason, String detail) {
        return new DomainException(403, "admission-required", detail).with("reason", reason);
    }

    private java.util.Optional<AdmissionToken> read(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 512) {
            return java.util.Optional.empty();
        }
        try {
            String payloadText = token.substring(0, dot);
            String signatureText = token.substring(dot + 1);
            byte[] payload = DECODER.decode(payloadText);
            byte[] signature = DECODER.decode(signatureText);
            boolean canonical = ENCODER.encodeToString(payload).equals(payloadText)
                    && ENCODER.encodeToString(signature).equals(signatureText); // one spelling per token
            if (!canonical || !MessageDigest.isEqual(sign(payload), signature)) {
                return java.util.Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 6 || !"v1".equals(parts[0])) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new AdmissionToken(UUID.fromString(parts[1]), UUID.fromString(parts[2]),
                    Instant.ofEpochMilli(Long.parseLong(parts[3])), Instant.ofEpochMilli(Long.parseLong(parts[4])),
                    Instant.ofEpochMilli(Long.parseLong(parts[5]))));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        return hmac.sign(payload);
    }
}
