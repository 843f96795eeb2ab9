package io.ticketrush.account.web;

import io.ticketrush.account.Account;
import io.ticketrush.account.Accounts;
import io.ticketrush.account.Login;
import io.ticketrush.account.Registration;
import io.ticketrush.account.Rehearsal;
import io.ticketrush.account.Role;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.DomainException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final Registration registration;
    private final Login login;
    private final Accounts accounts;
    private final Rehearsal rehearsal;

    AccountController(Registration registration, Login login, Accounts accounts, Rehearsal rehearsal) {
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

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    record RehearsalRequest(@NotNull Integer count) {
    }

    record RehearsalResponse(List<Rehearsal.SyntheticFan> fans) {
    }

    @PostMapping("/api/v1/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse signUp(@Valid @RequestBody SignUpRequest request) {
        return AccountResponse.of(registration.signUp(request.email(), request.password(), request.name()));
    }

    @PostMapping("/api/v1/auth/login")
    TokenResponse logIn(@Valid @RequestBody LoginRequest request) {
        Login.Token token = login.logIn(request.email(), request.password());
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn());
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
