package io.ticketrush.shared;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, for signatures computed on every request (admission tokens, ticket
 * codes). The {@link Mac} is looked up and keyed once; each signature works on a clone of it, since
 * a {@code Mac} is not thread-safe and {@code Mac.getInstance} plus {@code init} cost more than
 * hashing a short payload (36 of the 65 JFR samples of admission-token checks in the 2026-11-30
 * full rehearsal).
 */
public final class HmacSha256 {

    private final Mac keyed;

    public HmacSha256(byte[] key) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
            keyed.clone(); // fails here, at start-up, if the provider cannot clone a keyed Mac
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 with a cloneable Mac is not available", e);
        }
    }

    /** The 32-byte signature of {@code payload}. */
    public byte[] sign(byte[] payload) {
        try {
            return ((Mac) keyed.clone()).doFinal(payload);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e); // checked in the constructor
        }
    }
}
