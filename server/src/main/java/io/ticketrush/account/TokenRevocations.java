package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which access tokens were revoked before they expired. Every access token carries its account's
 * token generation; log-out and a role change raise the generation, and a token with a lower one
 * is refused. Only accounts revoked within one access-token lifetime can hold such a token, so each
 * instance keeps just those in memory, reloaded every {@code revocation-refresh}: the hot path
 * (one decode per request) is a map lookup. A revocation on this instance counts at once; on the
 * others within the reload interval.
 */
@Component
public class TokenRevocations {

    private final AccountRows rows;
    private final AccountSettings settings;
    private final Clock clock;
    private volatile Map<UUID, Integer> loaded = Map.of();
    private final Map<UUID, Revoked> local = new ConcurrentHashMap<>();

    private record Revoked(int generation, Instant at) {
    }

    TokenRevocations(AccountRows rows, AccountSettings settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a token of this account with this generation was revoked. */
    public boolean isRevoked(UUID userId, int generation) {
        Revoked here = local.get(userId);
        if (here != null && generation < here.generation()) {
            return true;
        }
        Integer current = loaded.get(userId);
        return current != null && generation < current;
    }

    /** Revokes every access token the account holds now; the generation new tokens carry. */
    int revokeAll(UUID userId) {
        int generation = rows.revokeTokens(userId, clock.instant()).orElse(0);
        remember(userId, generation);
        return generation;
    }

    void remember(UUID userId, int generation) {
        Revoked now = new Revoked(generation, clock.instant());
        local.merge(userId, now, (a, b) -> a.generation() >= b.generation() ? a : b);
    }

    @Scheduled(fixedDelayString = "${ticketrush.security.revocation-refresh:PT5S}")
    void reload() {
        Instant since = clock.instant().minus(settings.tokenTtl()).minusSeconds(60);
        Map<UUID, Integer> fresh = Map.copyOf(rows.revokedSince(since));
        loaded = fresh;
        // a local entry may go once the loaded copy knows it, or once every token it revoked has expired
        local.entrySet().removeIf(e -> e.getValue().at().isBefore(since)
                || fresh.getOrDefault(e.getKey(), -1) >= e.getValue().generation());
    }
}
