package io.ticketrush.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An unknown page address gets the 404 page, in the reader's language. Runs before the resolver
 * that turns failures into problem documents, and only for page paths: anything under /api (and
 * the other non-page prefixes the security configuration names) keeps its problem+json 404.
 */
@Component
class PageNotFound implements HandlerExceptionResolver {

    private final PageModel frame;
    private final PageErrors errors;

    PageNotFound(PageModel frame, PageErrors errors) {
        this.frame = frame;
        this.errors = errors;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (!(e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) || !isPage(request)) {
            return null;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        ModelAndView page = new ModelAndView("storefront/problem", HttpStatus.NOT_FOUND);
        page.addObject("me", frame.me());
        page.addObject("path", frame.path(request));
        page.addObject("otherLanguage", frame.otherLanguage(locale));
        page.addObject("otherLanguageUrl", frame.otherLanguageUrl(locale));
        page.addObject("status", 404);
        page.addObject("message", errors.message("not-found", "Not found", locale));
        return page;
    }

    /** The same split as the security configuration's page routes. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/sandbox-pg/")
                || path.startsWith("/actuator") || path.startsWith("/benchmark/"));
    }
}
