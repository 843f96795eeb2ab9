package io.ticketrush.storefront.web;

import io.ticketrush.account.EmailVerification;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Verify your email": after sign-up it says a link was mailed (and sends another on request);
 * opened from the mail it asks for one click to confirm (a GET never changes anything, so a mail
 * scanner that follows the link verifies nothing).
 */
@Controller
@PageFrame
class VerificationPages {

    private final EmailVerification verification;

    VerificationPages(EmailVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify-email")
    String page(@RequestParam(required = false) @Nullable String token, @RequestParam(required = false) @Nullable String next,
            Model model) {
        model.addAttribute("token", token);
        model.addAttribute("next", SessionCookie.safeNext(next));
        model.addAttribute("state", token == null ? "sent" : "confirm");
        return "storefront/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam String token, Model model, HttpServletResponse response) {
        model.addAttribute("next", "/");
        try {
            verification.verify(token);
            model.addAttribute("state", "verified");
        } catch (DomainException e) {
            response.setStatus(e.status());
            model.addAttribute("state", "invalid");
        }
        return "storefront/verify-email";
    }

    @PostMapping("/verify-email/resend")
    String resend(@RequestParam(required = false) @Nullable String next, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("next", SessionCookie.safeNext(next));
        try {
            verification.resend(Caller.current().userId(), request.getRemoteAddr());
            model.addAttribute("state", "resent");
        } catch (DomainException e) {
            response.setStatus(e.status());
            model.addAttribute("state", e.code().equals("email-already-verified") ? "verified" : "sent");
            model.addAttribute("errorCode", e.code());
        }
        return "storefront/verify-email";
    }
}
