package io.ticketrush.ticket;

import io.ticketrush.account.Account;
import io.ticketrush.account.Accounts;
import io.ticketrush.account.Role;
import io.ticketrush.catalog.Catalog;
import io.ticketrush.shared.DomainException;
import io.ticketrush.ticket.persistence.StaffRows;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organizer's door staff: assigning an existing account (by email) grants it the STAFF role and
 * lets it check in that organizer's tickets (all events, or only the given ones); removing it from
 * the last organizer takes the STAFF role away again.
 */
@Component
public class DoorStaff {

    private final StaffRows rows;
    private final Accounts accounts;
    private final Catalog catalog;
    private final Clock clock;

    DoorStaff(StaffRows rows, Accounts accounts, Catalog catalog, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Assigns (or re-assigns with other events); {@code eventIds} null or empty: every event of the organizer. */
    @Transactional
    public StaffMember assign(UUID organizerId, String email, @Nullable List<UUID> eventIds) {
        Account account = accounts.findByEmail(email.strip())
                .orElseThrow(() -> DomainException.notFound("unknown-account", "No account has this email"));
        List<UUID> events = eventIds == null || eventIds.isEmpty() ? null : List.copyOf(eventIds);
        if (events != null) {
            for (int i = 0; i < events.size(); i++) {
                boolean own = catalog.event(events.get(i)).filter(e -> e.ownedBy(organizerId)).isPresent();
                if (!own) {
                    throw DomainException.badRequest("validation-failed", "The request has invalid fields")
                            .with("errors", List.of(Map.of("field", "eventIds[%d]".formatted(i), "message", "no such event of yours")));
                }
            }
        }
        rows.assign(organizerId, account.id(), events, clock.instant());
        accounts.grant(account.id(), Role.STAFF);
        return of(organizerId).stream().filter(s -> s.userId().equals(account.id())).findFirst().orElseThrow();
    }

    public List<StaffMember> of(UUID organizerId) {
        return rows.ofOrganizer(organizerId).stream()
                .flatMap(a -> accounts.findById(a.userId()).stream()
                        .map(acc -> new StaffMember(acc.id(), acc.email(), acc.name(), a.eventIds(), a.assignedAt())))
                .toList();
    }

    /** Removes the person from the organizer's doors; 404 {@code unknown-staff} if they were not on them. */
    @Transactional
    public void remove(UUID organizerId, UUID userId) {
        if (!rows.remove(organizerId, userId)) {
            throw DomainException.notFound("unknown-staff", "No such staff member of yours");
        }
        if (!rows.assignedAnywhere(userId)) {
            accounts.revoke(userId, Role.STAFF);
        }
    }
}
