package io.ticketrush.storefront.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The waiting room's admission on pages. The API client sends it as the {@code Admission-Token}
 * header; a browser keeps it in an HttpOnly, SameSite=Lax cookie per event
 * ({@code ticketrush_admission_<event id without dashes>}), set by the server when the fan's place
 * reads ADMITTED and living until the token expires. The seat map, the hold, the order and the
 * payment confirmation read it and pass it to the same guards the API's header reaches.
 */
final class Admissions {

    private static final String PREFIX = "ticketrush_admission_";

    private Admissions() {
    }

    static @Nullable String of(HttpServletRequest request, UUID eventId) {
        if (request.getCookies() == null) {
            return null;
        }
        String name = name(eventId);
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static void keep(HttpServletRequest request, HttpServletResponse response, UUID eventId, String token,
            @Nullable Instant expiresAt, Instant now) {
        Duration ttl = expiresAt == null ? Duration.ofMinutes(30) : Duration.between(now, expiresAt);
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name(eventId), token)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(ttl)
                .build()
                .toString());
    }

    private static String name(UUID eventId) {
        return PREFIX + eventId.toString().replace("-", "");
    }
}
