package io.ticketrush.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookies of a person signed in on the web pages: the access token ({@value #ACCESS}, lives as
 * long as the token) and the refresh token ({@value #REFRESH}) that renews it. HttpOnly,
 * SameSite=Lax, and Secure when the request came over https or {@code ticketrush.security.secure-cookies}
 * is on (production: a balancer may speak plain http to us).
 */
@Component
public class PageCookies {

    public static final String ACCESS = "ticketrush_session";
    public static final String REFRESH = "ticketrush_refresh";
    /** Spring Security's CSRF cookie: renewed at sign-in so a token planted earlier is worthless. */
    private static final String CSRF = "XSRF-TOKEN";

    private final AccountSettings settings;

    PageCookies(AccountSettings settings) {
        this.settings = settings;
    }

    /** After a log-in or sign-up: both tokens, and a new CSRF token. */
    public void signIn(HttpServletRequest request, HttpServletResponse response, Login.Token token) {
        renew(request, response, token);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, CSRF, "", Duration.ZERO));
    }

    /** After a refresh: both tokens (the CSRF token of open forms stays valid). */
    public void renew(HttpServletRequest request, HttpServletResponse response, Login.Token token) {
        response.addHeader(HttpHeaders.SET_COOKIE,
                cookie(request, ACCESS, token.accessToken(), Duration.ofSeconds(token.expiresIn())));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, REFRESH, token.refreshToken(), settings.refreshTokenTtl()));
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, ACCESS, "", Duration.ZERO));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, REFRESH, "", Duration.ZERO));
    }

    public static Optional<String> read(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    public boolean secure(HttpServletRequest request) {
        return settings.secureCookies() || request.isSecure();
    }

    private String cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure(request))
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
