package io.ticketrush.account.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.ticketrush.account.AccountSettings;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security. Reading the catalog and seat maps is public; everything
 * else under /api needs a valid access token; roles are checked on the endpoints themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecretKey accessTokenKey(AccountSettings settings, Environment environment) {
        return JwtKey.from(settings, environment);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey accessTokenKey) {
        return NimbusJwtDecoder.withSecretKey(accessTokenKey).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccountSettings settings) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login").permitAll();
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
                    auth.requestMatchers("/api/v1/venues", "/api/v1/venues/**", "/api/v1/organizer/**").hasRole("ORGANIZER");
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/*/publish").hasRole("ORGANIZER");
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/check-ins").hasAnyRole("STAFF", "ORGANIZER");
                    auth.requestMatchers("/api/v1/rehearsal/**").hasRole("ADMIN");
                    auth.requestMatchers("/api/**").authenticated();
                    auth.anyRequest().permitAll();
                });
        return http.build();
    }
}
