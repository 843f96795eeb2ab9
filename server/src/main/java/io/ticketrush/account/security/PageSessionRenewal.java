package io.ticketrush.account.security;

import io.ticketrush.account.Login;
import io.ticketrush.account.PageCookies;
import io.ticketrush.account.Sessions;
import io.ticketrush.shared.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a web-page session alive with short access tokens: when a page is opened (an HTML
 * navigation or an htmx call) and its access cookie is gone or no longer verifies, the refresh
 * cookie is exchanged for a new pair, written back as cookies and used for this request.
 * Sub-resources (images, scripts) never renew, so parallel requests do not spend the same token.
 */
final class PageSessionRenewal extends OncePerRequestFilter {

    /** Request attribute holding the access token renewed for this request. */
    static final String RENEWED = PageSessionRenewal.class.getName() + ".token";

    private final Sessions sessions;
    private final PageCookies cookies;
    private final JwtDecoder decoder;

    PageSessionRenewal(Sessions sessions, PageCookies cookies, JwtDecoder decoder) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.decoder = decoder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refresh = PageCookies.read(request, PageCookies.REFRESH);
        if (refresh.isPresent() && request.getHeader("Authorization") == null
                && SecurityConfiguration.PageAuthentication.isPage(request) && opensPage(request)
                && !verifies(PageCookies.read(request, PageCookies.ACCESS).orElse(null))) {
            try {
                Login.Token token = sessions.refresh(refresh.get());
                cookies.renew(request, response, token);
                request.setAttribute(RENEWED, token.accessToken());
            } catch (DomainException refused) {
                cookies.signOut(request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean opensPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("HX-Request") != null || (accept != null && accept.contains("text/html"));
    }

    private boolean verifies(@Nullable String token) {
        if (token == null) {
            return false;
        }
        try {
            decoder.decode(token);
            return true;
        } catch (JwtException e) {
            return false;
        }
    }
}
