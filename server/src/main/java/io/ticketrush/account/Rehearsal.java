package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mints synthetic fans for an on-sale rehearsal or benchmark: one INSERT for the batch and a
 * signed token each, no password hashing, so thousands take well under a second.
 */
@Component
public class Rehearsal {

    private final RehearsalSettings settings;
    private final AccountRows rows;
    private final AccessTokens tokens;
    private final Clock clock;

    Rehearsal(RehearsalSettings settings, AccountRows rows, AccessTokens tokens, Clock clock) {
        this.settings = settings;
        this.rows = rows;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record SyntheticFan(UUID userId, String accessToken) {
    }

    @Transactional
    public List<SyntheticFan> createFans(int count) {
        if (!settings.enabled()) {
            throw DomainException.notFound("rehearsal-disabled", "Rehearsal is turned off on this server");
        }
        if (count < 1 || count > settings.maxBatch()) {
            throw DomainException.badRequest("validation-failed", "count must be between 1 and " + settings.maxBatch())
                    .with("errors", List.of(java.util.Map.of("field", "count", "message",
                            "must be between 1 and " + settings.maxBatch())));
        }
        List<UUID> ids = new ArrayList<>(count);
        List<String> emails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = Ids.next();
            ids.add(id);
            emails.add("fan-" + id + "@rehearsal.ticketrush.local");
        }
        rows.insertSynthetic(ids, emails, "Rehearsal fan", clock.instant());
        List<SyntheticFan> fans = new ArrayList<>(count);
        for (UUID id : ids) {
            fans.add(new SyntheticFan(id, tokens.issue(id, Set.of(Role.FAN), 0, true).token()));
        }
        return fans;
    }
}
