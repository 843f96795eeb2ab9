package io.ticketrush.promotion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A campaign's stream of issued coupons as the writers' consumer group sees it. Entries are
 * acknowledged and deleted together once stored, so the stream's length is the backlog and its
 * first entry the oldest claim not yet in PostgreSQL.
 */
@Component
class ClaimStream {

    /** One stream entry: its id and the coupon it carries. */
    record Entry(String id, IssuedCoupon coupon) {
    }

    /** Claims waiting to be stored, and how long the oldest has waited. */
    record Backlog(long entries, Duration oldest) {
        static final Backlog NONE = new Backlog(0, Duration.ZERO);

        Backlog plus(Backlog other) {
            return new Backlog(entries + other.entries, oldest.compareTo(other.oldest) >= 0 ? oldest : other.oldest);
        }
    }

    private final StringRedisTemplate redis;
    private final RedisScript<Long> acknowledge;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> reclaim;

    @SuppressWarnings("rawtypes")
    ClaimStream(StringRedisTemplate redis, @Qualifier("promotionAcknowledgeScript") RedisScript<Long> acknowledge,
            @Qualifier("promotionReclaimScript") RedisScript<List> reclaim) {
        this.redis = redis;
        this.acknowledge = acknowledge;
        this.reclaim = reclaim;
    }

    /** Creates the stream and the writers' group if they do not exist. */
    void ensureGroup(UUID campaignId) {
        byte[] key = ClaimGate.bytes(CampaignKeys.claims(campaignId));
        try {
            redis.execute((RedisCallback<String>) c -> c.streamCommands()
                    .xGroupCreate(key, CampaignKeys.WRITERS, ReadOffset.from("0-0"), true));
        } catch (RedisSystemException e) {
            if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries never delivered to any writer, now delivered to {@code consumer}. */
    List<Entry> readNew(UUID campaignId, String consumer, int count) {
        return read(campaignId, consumer, count, ReadOffset.lastConsumed());
    }

    /** Entries delivered to {@code consumer} earlier and not acknowledged (it was stopped between reading and storing). */
    List<Entry> readOwnPending(UUID campaignId, String consumer, int count) {
        return read(campaignId, consumer, count, ReadOffset.from("0-0"));
    }

    private List<Entry> read(UUID campaignId, String consumer, int count, ReadOffset offset) {
        List<MapRecord<String, Object, Object>> records;
        try {
            records = redis.opsForStream().read(Consumer.from(CampaignKeys.WRITERS, consumer),
                    StreamReadOptions.empty().count(count),
                    StreamOffset.create(CampaignKeys.claims(campaignId), offset));
        } catch (RedisSystemException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("NOGROUP")) {
                ensureGroup(campaignId); // Redis lost the group (restart without persistence): the reconciler repairs
                return List.of();
            }
            throw e;
        }
        if (records == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(records.size());
        for (MapRecord<String, Object, Object> record : records) {
            Map<Object, Object> v = record.getValue();
            entries.add(entry(campaignId, record.getId().getValue(), str(v.get("c")), str(v.get("u")), str(v.get("s")),
                    str(v.get("n")), str(v.get("t"))));
        }
        return entries;
    }

    /** Entries another writer read but has not acknowledged for {@code minIdle}, now owned by {@code consumer}. */
    List<Entry> reclaim(UUID campaignId, String consumer, Duration minIdle, int count) {
        List<?> flat;
        try {
            flat = redis.execute(reclaim, List.of(CampaignKeys.claims(campaignId)), CampaignKeys.WRITERS, consumer,
                    String.valueOf(minIdle.toMillis()), String.valueOf(count));
        } catch (RedisSystemException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("NOGROUP")) {
                return List.of();
            }
            throw e;
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; flat != null && i + 6 <= flat.size(); i += 6) {
            entries.add(entry(campaignId, str(flat.get(i)), str(flat.get(i + 1)), str(flat.get(i + 2)),
                    str(flat.get(i + 3)), str(flat.get(i + 4)), str(flat.get(i + 5))));
        }
        return entries;
    }

    /** Acknowledges and deletes stored entries. */
    void acknowledge(UUID campaignId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Object[] args = new Object[entries.size() + 1];
        args[0] = CampaignKeys.WRITERS;
        for (int i = 0; i < entries.size(); i++) {
            args[i + 1] = entries.get(i).id();
        }
        redis.execute(acknowledge, List.of(CampaignKeys.claims(campaignId)), args);
    }

    Backlog backlog(UUID campaignId, Instant now) {
        String key = CampaignKeys.claims(campaignId);
        Long size = redis.opsForStream().size(key);
        if (size == null || size == 0) {
            return Backlog.NONE;
        }
        var first = redis.opsForStream().range(key, Range.unbounded(), Limit.limit().count(1));
        // the claim time the script wrote (the application's clock), not the entry id (Redis's clock)
        Duration oldest = first == null || first.isEmpty() ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, now.toEpochMilli() - Long.parseLong(str(first.getFirst().getValue().get("t")))));
        return new Backlog(size, oldest);
    }

    private static Entry entry(UUID campaignId, String id, String coupon, String user, String seq, String fanSeq,
            String claimedAt) {
        return new Entry(id, new IssuedCoupon(UUID.fromString(coupon), campaignId, UUID.fromString(user),
                Integer.parseInt(seq), Integer.parseInt(fanSeq), Instant.ofEpochMilli(Long.parseLong(claimedAt))));
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }
}
