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

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Mac keyed;

    public HmacSha256(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.keyed = keyedMac(this.key);
    }

    /** The 32-byte signature of {@code payload}. */
    public byte[] sign(byte[] payload) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            mac = keyedMac(key); // a provider that cannot clone: key a new one each time
        }
        return mac.doFinal(payload);
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
