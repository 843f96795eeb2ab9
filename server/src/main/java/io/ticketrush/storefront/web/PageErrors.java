package io.ticketrush.storefront.web;

import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures on a page become a page, in the reader's language, with the domain code's message;
 * the JSON API keeps its problem documents (this advice covers the controllers marked
 * {@link PageFrame} only).
 */
@Controller
@PageFrame
@ControllerAdvice(annotations = PageFrame.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;
    private final PageModel frame;

    PageErrors(MessageSource messages, PageModel frame) {
        this.messages = messages;
        this.frame = frame;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, Locale locale) {
        return page(HttpStatus.valueOf(e.status()), message(e.code(), e.getMessage(), locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badLink(MethodArgumentTypeMismatchException e, Locale locale) {
        return page(HttpStatus.NOT_FOUND, message("not-found", "Not found", locale));
    }

    /** Where the security configuration forwards a page request that the person's role does not allow. */
    @RequestMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("status", 403);
        return "storefront/forbidden";
    }

    /** The message for a domain failure code, or the failure's own (English) detail. */
    String message(String code, String fallback, Locale locale) {
        return messages.getMessage("error." + code, null, fallback, locale);
    }

    private ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("storefront/problem", status);
        page.addObject("me", frame.me());
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
