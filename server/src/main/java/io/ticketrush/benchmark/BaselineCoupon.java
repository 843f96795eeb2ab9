package io.ticketrush.benchmark;

import java.time.Instant;
import java.util.UUID;

/** A coupon issued by a baseline claim: the campaign's {@code seq}-th, and the fan's {@code fanSeq}-th. */
public record BaselineCoupon(UUID couponId, UUID campaignId, UUID userId, int seq, int fanSeq, Instant claimedAt) {
}
