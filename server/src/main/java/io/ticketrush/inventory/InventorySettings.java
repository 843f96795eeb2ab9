package io.ticketrush.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdTtl           how long a hold lasts before its seats return to sale
 * @param sweepInterval     how often expired holds are released (one instance at a time)
 * @param sweepBatch        holds released per sweep transaction
 * @param seatMapFreshness  a cached seat map younger than this is served without asking Redis
 *                          whether it changed
 * @param takenSeatMemory   how long this instance answers an attempt on a seat it saw taken from
 *                          memory, without the database (0 turns it off); see TakenSeats
 */
@ConfigurationProperties("ticketrush.inventory")
public record InventorySettings(@DefaultValue("PT5M") Duration holdTtl, @DefaultValue("PT1S") Duration sweepInterval,
        @DefaultValue("500") int sweepBatch, @DefaultValue("PT0.2S") Duration seatMapFreshness,
        @DefaultValue("PT1S") Duration takenSeatMemory) {
}
