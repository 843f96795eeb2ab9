package io.ticketrush.queue.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** The lines of the waiting room in Redis: every change is one Lua script, atomic per event. */
@Repository
@SuppressWarnings("rawtypes")
public class Lines {

    private final StringRedisTemplate redis;
    private final RedisScript<List> join;
    private final RedisScript<List> look;
    private final RedisScript<Long> open;
    private final RedisScript<List> admit;
    private final RedisScript<String> use;
    private final RedisScript<Long> shopping;
    private final RedisScript<Long> leave;
    private final RedisScript<Long> restore;

    Lines(StringRedisTemplate redis, RedisScript<List> queueJoinScript, RedisScript<List> queueLookScript,
            RedisScript<Long> queueOpenScript, RedisScript<List> queueAdmitScript, RedisScript<String> queueUseScript,
            RedisScript<Long> queueShoppingScript, RedisScript<Long> queueLeaveScript, RedisScript<Long> queueRestoreScript) {
        this.redis = redis;
        this.join = queueJoinScript;
        this.look = queueLookScript;
        this.open = queueOpenScript;
        this.admit = queueAdmitScript;
        this.use = queueUseScript;
        this.shopping = queueShoppingScript;
        this.leave = queueLeaveScript;
        this.restore = queueRestoreScript;
    }

    /** What joining did, and the line as the fan now sees it. */
    public record Joined(boolean added, Look look) {
    }

    /** @param saleOpen the sale is open by the caller's clock: nobody enters the pre-queue any more */
    public Joined join(UUID eventId, UUID fanId, String entryIdIfNew, boolean saleOpen) {
        LineKeys k = LineKeys.of(eventId);
        List<?> r = redis.execute(join, List.of(k.gate(), k.pre(), k.ticket(), k.line(), k.seq(), k.serving(), k.session(),
                k.active()), fanId.toString(), entryIdIfNew, saleOpen ? "1" : "0");
        ScriptReply reply = ScriptReply.of(r);
        return new Joined(reply.number("added") == 1, parseLook(reply));
    }

    /** The state of the line and, with a fan id, that fan's entry. */
    public record Look(LineState line, FanEntry fan) {
    }

    public Look look(UUID eventId, @Nullable UUID fanId) {
        LineKeys k = LineKeys.of(eventId);
        return parseLook(ScriptReply.of(redis.execute(look, List.of(k.gate(), k.pre(), k.ticket(), k.seq(), k.serving(),
                k.session(), k.active()), fanId == null ? "" : fanId.toString())));
    }

    /** Reads what scripts/queue/look.lua (and join.lua after 'added') answers, by name. */
    private static Look parseLook(ScriptReply r) {
        LineState line = LineState.from(r.number("serving"), r.number("seq"), r.number("active"), r.number("preSize"),
                r.under("gate."));
        String ticket = r.text("ticket");
        FanEntry fan = new FanEntry(ticket == null ? null : Long.valueOf(ticket), r.text("entry"),
                FanEntry.Session.parse(r.text("session")));
        return new Look(line, fan);
    }

    /** The result of one gatekeeper step. */
    public record Admission(int admitted, int noShows, long active, long serving, List<UUID> fanIds) {
    }

    public Admission admit(UUID eventId, long nowMillis, long deadlineMillis, int outflow, int maxActive,
            boolean somethingToSell, int maxAdmissions, long rateHalfLifeMillis, long seatsLeft) {
        LineKeys k = LineKeys.of(eventId);
        List<?> r = redis.execute(admit, List.of(k.gate(), k.line(), k.seq(), k.serving(), k.active(), k.session()),
                Long.toString(nowMillis), Long.toString(deadlineMillis), Integer.toString(outflow),
                Integer.toString(maxActive), somethingToSell ? "1" : "0", Integer.toString(maxAdmissions),
                Long.toString(rateHalfLifeMillis), Long.toString(seatsLeft));
        ScriptReply reply = ScriptReply.of(r);
        List<UUID> fans = reply.all("fan").stream().map(UUID::fromString).toList();
        return new Admission((int) reply.number("admitted"), (int) reply.number("noShows"), reply.number("active"),
                reply.number("serving"), fans);
    }

    /** Closes the pre-queue; returns how many fans it holds. */
    public long open(UUID eventId) {
        LineKeys k = LineKeys.of(eventId);
        Long size = redis.execute(open, List.of(k.gate(), k.pre(), k.seq()));
        return size == null ? 0 : size;
    }

    /** The pre-queue: fan id → entry id. */
    public Map<UUID, String> preQueue(UUID eventId) {
        Map<UUID, String> entries = new LinkedHashMap<>();
        try (Cursor<Map.Entry<Object, Object>> cursor = redis.opsForHash()
                .scan(LineKeys.of(eventId).pre(), ScanOptions.scanOptions().count(1000).build())) {
            cursor.forEachRemaining(e -> entries.put(UUID.fromString((String) e.getKey()), (String) e.getValue()));
        }
        return entries;
    }

    /** Gives pre-queue fans their drawn line numbers (idempotent). */
    public void assign(UUID eventId, Map<UUID, Long> tickets) {
        LineKeys k = LineKeys.of(eventId);
        Map<String, String> byFan = new HashMap<>();
        Map<String, String> byTicket = new HashMap<>();
        tickets.forEach((fan, ticket) -> {
            byFan.put(fan.toString(), ticket.toString());
            byTicket.put(ticket.toString(), fan.toString());
        });
        redis.opsForHash().putAll(k.line(), byTicket);
        redis.opsForHash().putAll(k.ticket(), byFan);
    }

    public void markDrawn(UUID eventId) {
        redis.opsForHash().put(LineKeys.of(eventId).gate(), "drawn", "1");
    }

    /** 'ok', 'ended' or 'replaced': see scripts/queue/use.lua. */
    public String use(UUID eventId, UUID fanId, long admittedAtMillis, long nowMillis, long keepUntilMillis) {
        LineKeys k = LineKeys.of(eventId);
        return redis.execute(use, List.of(k.session(), k.active()), fanId.toString(), Long.toString(admittedAtMillis),
                Long.toString(nowMillis), Long.toString(keepUntilMillis));
    }

    public boolean shopping(UUID eventId, UUID fanId, Duration admissionLifetime) {
        LineKeys k = LineKeys.of(eventId);
        Long r = redis.execute(shopping, List.of(k.session(), k.active()), fanId.toString(),
                Long.toString(admissionLifetime.toMillis()));
        return r != null && r == 1;
    }

    public boolean leave(UUID eventId, UUID fanId) {
        LineKeys k = LineKeys.of(eventId);
        Long r = redis.execute(leave, List.of(k.session(), k.active()), fanId.toString());
        return r != null && r == 1;
    }

    /** A fan who holds seats: admitted no later than {@code admittedAtMillis}, active until {@code untilMillis}. */
    public record Shopper(UUID fanId, long admittedAtMillis, long untilMillis) {
    }

    /** Puts shoppers with live holds back among the active ones (after Redis lost them); returns how many were missing. */
    public int restoreShoppers(UUID eventId, List<Shopper> shoppers) {
        if (shoppers.isEmpty()) {
            return 0;
        }
        LineKeys k = LineKeys.of(eventId);
        List<String> args = new ArrayList<>(shoppers.size() * 3);
        for (Shopper s : shoppers) {
            args.add(s.fanId().toString());
            args.add(Long.toString(s.admittedAtMillis()));
            args.add(Long.toString(s.untilMillis()));
        }
        Long r = redis.execute(restore, List.of(k.session(), k.active(), k.ticket(), k.serving()), args.toArray());
        return r == null ? 0 : r.intValue();
    }

    /** Line numbers and admissions of several fans at once (for the SSE fan-out). */
    public List<FanEntry> entries(UUID eventId, List<UUID> fanIds) {
        LineKeys k = LineKeys.of(eventId);
        List<Object> fields = fanIds.stream().<Object>map(UUID::toString).toList();
        List<Object> tickets = redis.opsForHash().multiGet(k.ticket(), fields);
        List<Object> sessions = redis.opsForHash().multiGet(k.session(), fields);
        List<FanEntry> entries = new ArrayList<>(fanIds.size());
        for (int i = 0; i < fanIds.size(); i++) {
            Object ticket = tickets.get(i);
            entries.add(new FanEntry(ticket == null ? null : Long.valueOf((String) ticket), null,
                    FanEntry.Session.parse((String) sessions.get(i))));
        }
        return entries;
    }

    public void pause(UUID eventId, boolean paused) {
        redis.opsForHash().put(LineKeys.of(eventId).gate(), "paused", paused ? "1" : "0");
    }

    public void tune(UUID eventId, @Nullable Integer outflow, @Nullable Integer maxActive) {
        String gate = LineKeys.of(eventId).gate();
        if (outflow != null) {
            redis.opsForHash().put(gate, "outflow", outflow.toString());
        }
        if (maxActive != null) {
            redis.opsForHash().put(gate, "maxActive", maxActive.toString());
        }
    }

    /** After the sale: the line's keys go away after {@code retention}. */
    public void expire(UUID eventId, Duration retention) {
        for (String key : LineKeys.of(eventId).all()) {
            redis.expire(key, retention);
        }
    }
}
