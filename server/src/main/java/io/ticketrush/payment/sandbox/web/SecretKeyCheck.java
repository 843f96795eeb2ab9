package io.ticketrush.payment.sandbox.web;

import io.ticketrush.payment.PaymentSettings;
import io.ticketrush.payment.sandbox.GatewayRefusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Toss's server authentication: {@code Authorization: Basic base64(secretKey + ":")}. */
final class SecretKeyCheck {

    private final byte[] secretKey;

    SecretKeyCheck(PaymentSettings settings) {
        this.secretKey = Objects.requireNonNull(settings.secretKey()).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws GatewayRefusal 401 UNAUTHORIZED_KEY unless the header carries the configured secret key */
    void require(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw GatewayRefusal.unauthorizedKey();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            throw GatewayRefusal.unauthorizedKey();
        }
        String credentials = new String(decoded, StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        byte[] user = (colon < 0 ? credentials : credentials.substring(0, colon)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(user, secretKey)) {
            throw GatewayRefusal.unauthorizedKey();
        }
    }
}
