package io.ticketrush.order;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rule that placing or paying an order must pass, contributed by another module (the waiting
 * room checks the admission token). Throw a {@link io.ticketrush.shared.DomainException} to refuse.
 */
public interface OrderGuard {

    void check(UUID eventId, UUID userId, @Nullable String admissionToken);
}
