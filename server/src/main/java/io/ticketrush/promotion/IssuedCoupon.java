package io.ticketrush.promotion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One coupon as the claim script issued it: the campaign's {@code seq}-th coupon, the fan's
 * {@code fanSeq}-th of the campaign. The same facts travel in the stream and live in the fans hash.
 */
public record IssuedCoupon(UUID couponId, UUID campaignId, UUID userId, int seq, int fanSeq, Instant claimedAt) {

    /** The fans-hash form of one coupon: {@code couponId/seq/fanSeq/claimedAtMillis}. */
    String entry() {
        return couponId + "/" + seq + "/" + fanSeq + "/" + claimedAt.toEpochMilli();
    }

    /** Parses a fan's list from the fans hash: entries separated by spaces. */
    static List<IssuedCoupon> parseAll(UUID campaignId, UUID userId, String list) {
        List<IssuedCoupon> coupons = new ArrayList<>();
        for (String entry : list.trim().split(" +")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/");
            coupons.add(new IssuedCoupon(UUID.fromString(parts[0]), campaignId, userId, Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]), Instant.ofEpochMilli(Long.parseLong(parts[3]))));
        }
        return coupons;
    }
}
