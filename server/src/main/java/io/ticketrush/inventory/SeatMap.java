package io.ticketrush.inventory;

import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.SeatRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat map and availability of a performance, served from memory. A snapshot is rebuilt
 * (one indexed read) only when the performance's version in Redis moved, at most once per
 * {@code seat-map-freshness} per instance, and by one thread while the others serve the
 * previous snapshot: thousands of readers cost one query per interval, not one each.
 */
@Component
public class SeatMap {

    private final SeatRows seats;
    private final SeatMapChanges changes;
    private final InventorySettings settings;
    private final JsonMapper json;
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    SeatMap(SeatRows seats, SeatMapChanges changes, InventorySettings settings, JsonMapper json) {
        this.seats = seats;
        this.changes = changes;
        this.settings = settings;
        this.json = json;
    }

    public record GradeCount(String code, int total, int available, int held, int sold) {
    }

    /** Serialized forms of one state of the seat map, ready to write to a response. */
    public record Snapshot(long version, byte[] seatMapJson, byte[] seatMapGzip, byte[] availabilityJson,
            List<GradeCount> availability) {
    }

    private static final class Entry {
        final ReentrantLock rebuilding = new ReentrantLock();
        volatile Snapshot snapshot;
        volatile long checkedAtNanos;
    }

    public Snapshot snapshot(PerformanceSale sale) {
        Entry entry = cache.computeIfAbsent(sale.performanceId(), id -> new Entry());
        Snapshot current = entry.snapshot;
        long now = System.nanoTime();
        if (current != null && now - entry.checkedAtNanos < settings.seatMapFreshness().toNanos()) {
            return current;
        }
        if (current != null && !entry.rebuilding.tryLock()) {
            return current; // someone else is refreshing: the previous state is fresh enough
        }
        if (current == null) {
            entry.rebuilding.lock();
        }
        try {
            long version = changes.version(sale.performanceId());
            if (entry.snapshot == null || entry.snapshot.version() != version) {
                entry.snapshot = build(sale, version);
            }
            entry.checkedAtNanos = System.nanoTime();
            return entry.snapshot;
        } finally {
            entry.rebuilding.unlock();
        }
    }

    private Snapshot build(PerformanceSale sale, long version) {
        List<SeatRows.SeatState> states = seats.states(sale.performanceId());
        Map<String, int[]> counts = new LinkedHashMap<>();
        sale.grades().forEach(g -> counts.put(g.code(), new int[4]));
        List<Map<String, Object>> seatList = new ArrayList<>(states.size());
        for (SeatRows.SeatState s : states) {
            Map<String, Object> seat = new LinkedHashMap<>();
            seat.put("seatId", s.seatId());
            seat.put("section", s.sectionCode());
            seat.put("row", s.rowLabel());
            seat.put("number", s.seatNumber());
            seat.put("gradeCode", s.gradeCode());
            seat.put("status", s.status());
            seatList.add(seat);
            int[] c = counts.computeIfAbsent(s.gradeCode(), k -> new int[4]);
            c[0]++;
            switch (SeatStatus.valueOf(s.status())) {
                case AVAILABLE -> c[1]++;
                case HELD -> c[2]++;
                case SOLD -> c[3]++;
            }
        }
        List<GradeCount> availability = counts.entrySet().stream()
                .map(e -> new GradeCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        List<Map<String, Object>> grades = sale.grades().stream()
                .map(g -> Map.<String, Object>of("code", g.code(), "name", g.name(), "price", g.price()))
                .toList();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("performanceId", sale.performanceId());
        map.put("grades", grades);
        map.put("seats", seatList);
        byte[] mapJson = json.writeValueAsBytes(map);
        byte[] availabilityJson = json.writeValueAsBytes(Map.of("performanceId", sale.performanceId(),
                "grades", availability));
        return new Snapshot(version, mapJson, gzip(mapJson), availabilityJson, availability);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Grade totals straight from the snapshot. */
    public List<GradeCount> availability(PerformanceSale sale) {
        return snapshot(sale).availability();
    }

}
