package io.ticketrush.account.web;

import io.ticketrush.account.Account;
import io.ticketrush.account.Accounts;
import io.ticketrush.account.EmailVerification;
import io.ticketrush.account.Login;
import io.ticketrush.account.Registration;
import io.ticketrush.account.Rehearsal;
import io.ticketrush.account.Role;
import io.ticketrush.account.RoleAssignment;
import io.ticketrush.account.Sessions;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final Registration registration;
    private final Login login;
    private final Accounts accounts;
    private final Rehearsal rehearsal;
    private final Sessions sessions;
    private final RoleAssignment roleAssignment;
    private final EmailVerification emailVerification;

    AccountController(Registration registration, Login login, Accounts accounts, Rehearsal rehearsal,
            Sessions sessions, RoleAssignment roleAssignment, EmailVerification emailVerification) {
        this.emailVerification = emailVerification;
        this.sessions = sessions;
        this.roleAssignment = roleAssignment;
        this.registration = registration;
        this.login = login;
        this.accounts = accounts;
        this.rehearsal = rehearsal;
    }

    record SignUpRequest(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 8, max = 72) String password,
            @NotBlank @Size(max = 50) String name) {
    }

    record AccountResponse(UUID userId, String email, String name, Set<Role> roles) {
        static AccountResponse of(Account a) {
            return new AccountResponse(a.id(), a.email(), a.name(), a.roles());
        }
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password) {
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenResponse of(Login.Token token) {
            return new TokenResponse(token.accessToken(), token.refreshToken(), "Bearer", token.expiresIn());
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record RolesRequest(@NotNull @Size(min = 1, max = 4) Set<@NotNull Role> roles) {
    }

    record RolesResponse(UUID userId, Set<Role> roles) {
    }

    record RehearsalRequest(@NotNull Integer count) {
    }

    record RehearsalResponse(List<Rehearsal.SyntheticFan> fans) {
    }

    @PostMapping("/api/v1/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        return AccountResponse.of(registration.signUp(request.email(), request.password(), request.name(),
                http.getRemoteAddr()));
    }

    @PostMapping("/api/v1/auth/login")
    TokenResponse logIn(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(login.logIn(request.email(), request.password(), http.getRemoteAddr()));
    }

    record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
    }

    @PostMapping("/api/v1/auth/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        emailVerification.verify(request.token());
    }

    @PostMapping("/api/v1/auth/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification(HttpServletRequest http) {
        emailVerification.resend(Caller.current().userId(), http.getRemoteAddr());
    }

    @PostMapping("/api/v1/auth/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(sessions.refresh(request.refreshToken()));
    }

    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(@Valid @RequestBody RefreshRequest request) {
        sessions.logOut(request.refreshToken());
    }

    @PutMapping("/api/v1/admin/users/{userId}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    RolesResponse assignRoles(@PathVariable UUID userId, @Valid @RequestBody RolesRequest request) {
        return new RolesResponse(userId, roleAssignment.assign(userId, request.roles()));
    }

    @GetMapping("/api/v1/me")
    AccountResponse me() {
        return accounts.findById(Caller.current().userId())
                .map(AccountResponse::of)
                .orElseThrow(() -> new DomainException(401, "unauthenticated", "This account no longer exists"));
    }

    @PostMapping("/api/v1/rehearsal/fans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    RehearsalResponse rehearsalFans(@Valid @RequestBody RehearsalRequest request) {
        return new RehearsalResponse(rehearsal.createFans(request.count()));
    }
}
