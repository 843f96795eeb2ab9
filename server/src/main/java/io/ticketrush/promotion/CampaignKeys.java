package io.ticketrush.promotion;

import java.util.List;
import java.util.UUID;

/**
 * Redis keys of one campaign, hash-tagged so a Redis Cluster keeps them on one shard (a script
 * may only touch keys of one slot).
 * <ul>
 * <li>{@code promotion:{camp:<id>}:meta} — hash: total, limit, startsAt, endsAt, type, value, issued</li>
 * <li>{@code promotion:{camp:<id>}:fans} — hash: {@code n:<userId>} coupons held, {@code c:<userId>} the coupons</li>
 * <li>{@code promotion:{camp:<id>}:claims} — stream of issued coupons not yet stored in PostgreSQL,
 *     consumer group {@value #WRITERS}</li>
 * </ul>
 * No TTL while the campaign is live; {@code keep-redis-for} after it is settled.
 */
final class CampaignKeys {

    static final String WRITERS = "promotion-writers";

    private CampaignKeys() {
    }

    static String meta(UUID campaignId) {
        return "promotion:{camp:" + campaignId + "}:meta";
    }

    static String fans(UUID campaignId) {
        return "promotion:{camp:" + campaignId + "}:fans";
    }

    static String claims(UUID campaignId) {
        return "promotion:{camp:" + campaignId + "}:claims";
    }

    static List<String> all(UUID campaignId) {
        return List.of(meta(campaignId), fans(campaignId), claims(campaignId));
    }
}
