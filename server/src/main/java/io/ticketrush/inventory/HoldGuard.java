package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import java.util.UUID;

/**
 * A rule a hold must pass before any seat is claimed, contributed by another module (the
 * waiting room's admission token, presale access codes). Throw a {@link io.ticketrush.shared.DomainException}
 * to refuse. Guards run inside the hold's transaction, in {@link org.springframework.core.annotation.Order}.
 */
public interface HoldGuard {

    void check(PerformanceSale sale, UUID userId, HoldRequest request, HoldCredentials credentials);
}
