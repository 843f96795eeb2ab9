package io.ticketrush.storefront.web;

import io.ticketrush.account.Login;
import io.ticketrush.account.PageCookies;
import io.ticketrush.account.Registration;
import io.ticketrush.shared.DomainException;
import io.ticketrush.storefront.PageFrame;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Log-in and sign-up forms; a successful one sets the session cookie and goes back where the person was. */
@Controller
@PageFrame
class AccountPages {

    private final Login login;
    private final Registration registration;
    private final PageCookies cookies;

    AccountPages(Login login, Registration registration, PageCookies cookies) {
        this.login = login;
        this.registration = registration;
        this.cookies = cookies;
    }

    public static final class LoginForm {
        @NotBlank
        private String email = "";
        @NotBlank
        private String password = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    public static final class SignupForm {
        @NotBlank
        @Email
        @Size(max = 254)
        private String email = "";
        @NotBlank
        @Size(min = 8, max = 72)
        private String password = "";
        @NotBlank
        @Size(max = 50)
        private String name = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(required = false) @Nullable String next, Model model) {
        model.addAttribute("form", new LoginForm());
        model.addAttribute("next", SessionCookie.safeNext(next));
        return "storefront/login";
    }

    @PostMapping("/login")
    String logIn(@Valid @ModelAttribute("form") LoginForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable String next, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("next", SessionCookie.safeNext(next));
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "storefront/login";
        }
        try {
            Login.Token token = login.logIn(form.getEmail(), form.getPassword(), request.getRemoteAddr());
            cookies.signIn(request, response, token);
            return "redirect:" + SessionCookie.safeNext(next);
        } catch (DomainException e) {
            response.setStatus(e.status());
            if (e.properties().get("retryAfterSeconds") instanceof Number seconds) {
                response.setHeader("Retry-After", seconds.toString());
            }
            model.addAttribute("errorCode", e.code());
            errors.reject("error." + e.code(), e.getMessage());
            form.setPassword("");
            return "storefront/login";
        }
    }

    @GetMapping("/signup")
    String signupPage(@RequestParam(required = false) @Nullable String next, Model model) {
        model.addAttribute("form", new SignupForm());
        model.addAttribute("verificationRequired", registration.verificationRequired());
        model.addAttribute("next", SessionCookie.safeNext(next));
        return "storefront/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable String next, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("next", SessionCookie.safeNext(next));
        if (errors.hasErrors()) {
            response.setStatus(400);
            form.setPassword("");
            return "storefront/signup";
        }
        try {
            registration.signUp(form.getEmail(), form.getPassword(), form.getName(), request.getRemoteAddr());
        } catch (DomainException e) {
            response.setStatus(e.status());
            if (e.properties().get("retryAfterSeconds") instanceof Number seconds) {
                response.setHeader("Retry-After", seconds.toString());
            }
            model.addAttribute("errorCode", e.code());
            model.addAttribute("verificationRequired", registration.verificationRequired());
            errors.rejectValue("email", "error." + e.code(), e.getMessage());
            form.setPassword("");
            return "storefront/signup";
        }
        Login.Token token = login.logIn(form.getEmail(), form.getPassword(), request.getRemoteAddr());
        cookies.signIn(request, response, token);
        if (registration.verificationRequired()) {
            return "redirect:/verify-email?next=" + java.net.URLEncoder.encode(SessionCookie.safeNext(next),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return "redirect:" + SessionCookie.safeNext(next);
    }
}
