package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An administrator sets a person's roles. The access tokens the person holds are revoked at once
 * (they carry the old roles); their refresh token stays valid and renews with the new roles.
 */
@Component
public class RoleAssignment {

    private final AccountRows rows;
    private final TokenRevocations revocations;
    private final Clock clock;

    RoleAssignment(AccountRows rows, TokenRevocations revocations, Clock clock) {
        this.rows = rows;
        this.revocations = revocations;
        this.clock = clock;
    }

    public Set<Role> assign(UUID userId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw DomainException.badRequest("validation-failed", "roles must not be empty")
                    .with("errors", java.util.List.of(java.util.Map.of("field", "roles", "message", "must not be empty")));
        }
        int generation = rows.replaceRoles(userId, roles, clock.instant())
                .orElseThrow(() -> DomainException.notFound("user-not-found", "No such user"));
        revocations.remember(userId, generation);
        return roles;
    }
}
