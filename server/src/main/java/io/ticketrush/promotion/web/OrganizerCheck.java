package io.ticketrush.promotion.web;

import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link OrganizerOnly} before argument resolution (where {@code @PreAuthorize} would come
 * after the body is validated), so a fan's request is refused as 403 even if its body is invalid.
 */
@Configuration(proxyBeanMethods = false)
class OrganizerCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/coupon-campaigns/**", "/api/v1/coupon-campaigns",
                "/api/v1/events/*/presale/**", "/api/v1/events/*/presale");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(OrganizerOnly.class)
                && !Caller.current().hasRole("ORGANIZER")) {
            throw new DomainException(403, "forbidden", "Your role does not allow this");
        }
        return true;
    }
}
