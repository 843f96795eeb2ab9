package io.ticketrush.storefront.web;

import io.ticketrush.account.Accounts;
import io.ticketrush.shared.Caller;
import io.ticketrush.storefront.PageFrame;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's frame needs: who is signed in, the current path, links to the other language. */
@ControllerAdvice(annotations = PageFrame.class)
class PageModel {

    private final Accounts accounts;

    PageModel(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    @Nullable Viewer me() {
        return Caller.ifAuthenticated()
                .flatMap(caller -> accounts.findById(caller.userId())
                        .map(account -> new Viewer(account.id(), account.name(), caller.roles())))
                .orElse(null);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("otherLanguage")
    String otherLanguage(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "ko" : "en";
    }

    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(Locale locale) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", otherLanguage(locale))
                .build().toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }
}
