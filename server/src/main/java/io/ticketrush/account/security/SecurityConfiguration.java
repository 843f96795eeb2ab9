package io.ticketrush.account.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.ticketrush.account.AccountSettings;
import io.ticketrush.account.PageCookies;
import io.ticketrush.account.Sessions;
import io.ticketrush.account.TokenRevocations;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Stateless bearer-token security. Reading the catalog and seat maps is public; everything
 * else under /api needs a valid access token; roles are checked on the endpoints themselves.
 * The web pages use the same token, kept in an HttpOnly cookie and read for page routes only;
 * their form posts carry a CSRF token, and a page that needs signing in redirects to /login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecretKey accessTokenKey(AccountSettings settings, Environment environment) {
        return JwtKey.from(settings, environment);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey accessTokenKey, java.time.Clock clock, AccountSettings settings,
            TokenRevocations revocations) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(accessTokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        // a token signed with our key for another issuer or audience is still refused
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<java.util.List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(settings.audience()))));
        // verified tokens are remembered (bounded, expiry still checked): see VerifiedTokens; revocation
        // is checked on every decode, remembered or not
        return new RevocationCheck(new VerifiedTokens(nimbus, clock, 200_000), revocations);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The cookie that carries the access token of a person signed in on the web pages. Read only
     * for page routes, never for /api/**, so the JSON API keeps its CSRF-free bearer semantics.
     */
    static final String PAGE_TOKEN_COOKIE = PageCookies.ACCESS;

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccountSettings settings, JwtDecoder jwtDecoder,
            Sessions sessions, PageCookies pageCookies) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        PageAuthentication pages = new PageAuthentication(PAGE_TOKEN_COOKIE, jwtDecoder);
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (PageAuthentication.isPage(request)) {
                pages.commence(request, response, e);
            } else {
                problems.commence(request, response, e);
            }
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            if (PageAuthentication.isPage(request)) {
                pages.handle(request, response, e);
            } else {
                problems.handle(request, response, e);
            }
        };
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (settings.secureCookies()) {
                cookie.secure(true);
            }
        });

        // Pages post forms with Spring Security's CSRF token (hidden field or htmx header); the API
        // and the sandbox payment widget are bearer/public and stay outside CSRF. The matcher is set
        // on the filter itself because the resource server exempts every request whose token the
        // resolver finds from CSRF, and ours finds the page cookie too.
        // Every request authenticates anew (stateless), so Spring's "new token after authentication"
        // would clear the CSRF cookie on each request, sub-resources included; the page log-in renews it instead.
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .sessionAuthenticationStrategy((authentication, request, response) -> {
                        })
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setRequireCsrfProtectionMatcher(PageAuthentication::needsCsrfToken);
                                return filter;
                            }
                        }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutUrl("/logout")
                        // the session's refresh family and access tokens are revoked, not only forgotten
                        .addLogoutHandler((request, response, authentication) ->
                                PageCookies.read(request, PageCookies.REFRESH).ifPresent(sessions::logOut))
                        .addLogoutHandler((request, response, authentication) -> pageCookies.signOut(request, response))
                        .logoutSuccessUrl("/"))
                .addFilterBefore(new PageSessionRenewal(sessions, pageCookies, jwtDecoder),
                        BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(pages)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login",
                            "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/verify-email").permitAll();
                    auth.requestMatchers(HttpMethod.GET,
                            "/api/v1/events", "/api/v1/events/*",
                            "/api/v1/performances/*/seats", "/api/v1/performances/*/availability",
                            "/api/v1/coupon-campaigns/*",
                            "/api/v1/events/*/queue/draw", "/api/v1/events/*/queue/draw/entrants").permitAll();
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    if (settings.metricsPublic()) {
                        auth.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    auth.requestMatchers("/actuator/**").hasRole("ADMIN");
                    // Roles are checked here, before the body is read, so a FAN gets 403 whatever they send.
                    auth.requestMatchers("/api/v1/venues", "/api/v1/venues/**", "/api/v1/organizer/**",
                            "/api/v1/staff", "/api/v1/staff/**").hasRole("ORGANIZER");
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/*/publish").hasRole("ORGANIZER");
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/check-ins").hasAnyRole("STAFF", "ORGANIZER");
                    auth.requestMatchers("/api/v1/rehearsal/**", "/api/v1/admin/**", "/api/v1/dev/**").hasRole("ADMIN");
                    auth.requestMatchers("/api/**", "/benchmark/**").authenticated();
                    // Web pages: the door for staff and organizers, the console for organizers, a fan's own pages.
                    auth.requestMatchers("/console/check-in", "/console/check-in/**").hasAnyRole("STAFF", "ORGANIZER");
                    auth.requestMatchers("/console", "/console/**").hasRole("ORGANIZER");
                    auth.requestMatchers("/my", "/my/**", "/holds/**", "/orders/**",
                            "/performances/*/holds", "/events/*/queue", "/events/*/queue/**",
                            "/coupon-campaigns/*/claim", "/verify-email/resend").authenticated();
                    auth.anyRequest().permitAll();
                });
        return http.build();
    }

    /**
     * Page-side authentication: the bearer token from the header, else (page routes only) from the
     * session cookie, ignored when it no longer verifies (expired, signed by an earlier key) so a
     * stale cookie never breaks a public page. Unauthenticated page requests go to /login with the
     * page to come back to; a page the role does not allow renders the 403 page.
     */
    static final class PageAuthentication implements BearerTokenResolver, AuthenticationEntryPoint, AccessDeniedHandler {

        private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "TRACE", "OPTIONS");

        private final BearerTokenResolver header = new DefaultBearerTokenResolver();
        private final String cookieName;
        private final JwtDecoder decoder;

        PageAuthentication(String cookieName, JwtDecoder decoder) {
            this.cookieName = cookieName;
            this.decoder = decoder;
        }

        /** Unsafe page requests, unless they carry a bearer header (which no other site can make a browser send). */
        static boolean needsCsrfToken(HttpServletRequest request) {
            return !SAFE_METHODS.contains(request.getMethod()) && isPage(request) && !carriesBearer(request);
        }

        /**
         * A well-formed {@code Authorization: Bearer <token>} header. Any other Authorization header
         * (Basic, which a browser resends by itself, or garbage) does not exempt a page post from CSRF.
         */
        static boolean carriesBearer(HttpServletRequest request) {
            String authorization = request.getHeader("Authorization");
            return authorization != null && BEARER.matcher(authorization).matches();
        }

        private static final java.util.regex.Pattern BEARER =
                java.util.regex.Pattern.compile("^Bearer [A-Za-z0-9._~+/-]+=*$", java.util.regex.Pattern.CASE_INSENSITIVE);

        static boolean isPage(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/sandbox-pg/")
                    || path.startsWith("/actuator") || path.startsWith("/benchmark/"));
        }

        @Override
        public @Nullable String resolve(HttpServletRequest request) {
            String token = header.resolve(request);
            if (token != null || !isPage(request)) {
                return token;
            }
            if (request.getAttribute(PageSessionRenewal.RENEWED) instanceof String renewed) {
                return renewed;
            }
            if (request.getCookies() == null) {
                return null;
            }
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(cookieName) && !cookie.getValue().isBlank()) {
                    try {
                        decoder.decode(cookie.getValue());
                        return cookie.getValue();
                    } catch (JwtException stale) {
                        return null;
                    }
                }
            }
            return null;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            String back = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            if (!"GET".equals(request.getMethod())) {
                back = sameSiteReferer(request);
            }
            String login = request.getContextPath() + "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", login);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            response.sendRedirect(login);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException, ServletException {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            request.getRequestDispatcher("/forbidden").forward(request, response);
        }

        private static String sameSiteReferer(HttpServletRequest request) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return "/";
            }
            try {
                URI uri = URI.create(referer);
                boolean sameHost = request.getServerName().equalsIgnoreCase(uri.getHost());
                String path = uri.getRawPath();
                return sameHost && path != null && path.startsWith("/") && !path.startsWith("//")
                        ? path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) : "/";
            } catch (IllegalArgumentException malformed) {
                return "/";
            }
        }
    }
}
