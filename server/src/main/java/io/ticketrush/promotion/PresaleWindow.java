package io.ticketrush.promotion;

import java.time.Instant;
import java.util.UUID;

/** An event's presale (선예매): from {@code opensAt} until its general sale opens, holds need an access code. */
public record PresaleWindow(UUID eventId, Instant opensAt) {

    /** Whether {@code now} is in the presale part, given when the general sale opens. */
    public boolean appliesAt(Instant now, Instant salesOpenAt) {
        return !now.isBefore(opensAt) && now.isBefore(salesOpenAt);
    }
}
