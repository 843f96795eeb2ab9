package io.ticketrush.promotion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Redis side of a campaign: the atomic claim, opening (or restoring) a campaign, and reading
 * what fans hold. See {@link CampaignKeys} for the keys.
 */
@Component
class ClaimGate {

    /** What the claim script answered: {@code issued} with the numbers, or the reason it refused. */
    record Outcome(String outcome, int seq, int fanSeq, @Nullable Discount discount) {
    }

    private final StringRedisTemplate redis;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> claim;
    private final RedisScript<Long> restore;

    @SuppressWarnings("rawtypes")
    ClaimGate(StringRedisTemplate redis, @Qualifier("promotionClaimScript") RedisScript<List> claim,
            @Qualifier("promotionRestoreScript") RedisScript<Long> restore) {
        this.redis = redis;
        this.claim = claim;
        this.restore = restore;
    }

    Outcome claim(UUID campaignId, UUID userId, UUID couponId, Instant now) {
        List<?> reply = redis.execute(claim, CampaignKeys.all(campaignId), userId.toString(), couponId.toString(),
                String.valueOf(now.toEpochMilli()));
        if (reply == null || reply.isEmpty()) {
            throw new IllegalStateException("The claim script gave no answer");
        }
        String outcome = String.valueOf(reply.getFirst());
        if (!"issued".equals(outcome)) {
            return new Outcome(outcome, 0, 0, null);
        }
        return new Outcome(outcome, Integer.parseInt(String.valueOf(reply.get(1))), Integer.parseInt(String.valueOf(reply.get(2))),
                new Discount(DiscountType.valueOf(String.valueOf(reply.get(3))), Long.parseLong(String.valueOf(reply.get(4)))));
    }

    /**
     * Merges stored coupons into the campaign's fans hash and raises its counter to at least
     * {@code issuedFloor}; creates the meta hash (which opens claims) only if {@code open}.
     * Returns how many coupons were missing.
     */
    int restore(CouponCampaign campaign, List<IssuedCoupon> coupons, int issuedFloor, boolean open) {
        List<String> args = new ArrayList<>(8 + coupons.size() * 5);
        args.add(String.valueOf(campaign.totalQuantity()));
        args.add(String.valueOf(campaign.perPersonLimit()));
        args.add(String.valueOf(campaign.startsAt().toEpochMilli()));
        args.add(String.valueOf(campaign.endsAt().toEpochMilli()));
        args.add(campaign.discount().type().name());
        args.add(String.valueOf(campaign.discount().value()));
        args.add(String.valueOf(issuedFloor));
        args.add(open ? "1" : "0");
        for (IssuedCoupon c : coupons) {
            args.add(c.couponId().toString());
            args.add(c.userId().toString());
            args.add(String.valueOf(c.seq()));
            args.add(String.valueOf(c.fanSeq()));
            args.add(String.valueOf(c.claimedAt().toEpochMilli()));
        }
        Long added = redis.execute(restore, List.of(CampaignKeys.meta(campaign.id()), CampaignKeys.fans(campaign.id())),
                args.toArray());
        return added == null ? 0 : added.intValue();
    }

    /** How many coupons Redis has issued; empty if Redis does not know the campaign. */
    OptionalInt issued(UUID campaignId) {
        Object issued = redis.opsForHash().get(CampaignKeys.meta(campaignId), "issued");
        return issued == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(issued.toString()));
    }

    /** The person's coupons of these campaigns as Redis holds them, in one round trip. */
    List<IssuedCoupon> heldBy(List<UUID> campaignIds, UUID userId) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        byte[] field = bytes("c:" + userId);
        List<Object> lists;
        try {
            lists = redis.executePipelined((RedisCallback<Object>) connection -> {
                for (UUID id : campaignIds) {
                    connection.hashCommands().hGet(bytes(CampaignKeys.fans(id)), field);
                }
                return null;
            });
        } catch (UnsupportedOperationException | org.springframework.dao.InvalidDataAccessApiUsageException e) {
            // a Redis Cluster connection does not pipeline across slots: one read per campaign
            lists = campaignIds.stream().map(id -> redis.opsForHash().get(CampaignKeys.fans(id), "c:" + userId)).toList();
        }
        List<IssuedCoupon> coupons = new ArrayList<>();
        for (int i = 0; i < campaignIds.size(); i++) {
            if (lists.get(i) instanceof String list) {
                coupons.addAll(IssuedCoupon.parseAll(campaignIds.get(i), userId, list));
            }
        }
        return coupons;
    }

    /** Every coupon of the campaign as Redis holds it (a scan of the fans hash). */
    List<IssuedCoupon> all(UUID campaignId) {
        List<IssuedCoupon> coupons = new ArrayList<>();
        ScanOptions options = ScanOptions.scanOptions().match("c:*").count(1000).build();
        try (Cursor<Map.Entry<Object, Object>> cursor = redis.opsForHash().scan(CampaignKeys.fans(campaignId), options)) {
            while (cursor.hasNext()) {
                Map.Entry<Object, Object> entry = cursor.next();
                UUID userId = UUID.fromString(entry.getKey().toString().substring(2));
                coupons.addAll(IssuedCoupon.parseAll(campaignId, userId, entry.getValue().toString()));
            }
        }
        return coupons;
    }

    /** A settled campaign's keys go away after a while; PostgreSQL answers for it from then on. */
    void expire(UUID campaignId, Duration after) {
        for (String key : CampaignKeys.all(campaignId)) {
            redis.expire(key, after);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
