package io.ticketrush.inventory;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.inventory.persistence.SeatRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat map and availability of a performance, served from memory. A snapshot is rebuilt
 * (one indexed read) only when the performance's version in Redis moved, at most once per
 * {@code seat-map-freshness} per instance, and by one thread while the others serve the
 * previous snapshot: thousands of readers cost one query per interval, not one each.
 * <p>
 * A Caffeine {@code refreshAfterWrite} cache measured by the injected {@link Ticker}: the first
 * reader of a performance builds its snapshot while the others for it wait; the first reader after
 * the freshness window checks the version itself (a same-thread executor), and gets the new
 * snapshot if it moved, while readers arriving meanwhile get the previous one.
 */
@Component
public class SeatMap {

    private static final Log log = LogFactory.getLog(SeatMap.class);

    private final SeatRows seats;
    private final SeatMapChanges changes;
    private final JsonMapper json;
    private final LoadingCache<Performance, Snapshot> snapshots;

    SeatMap(SeatRows seats, SeatMapChanges changes, InventorySettings settings, JsonMapper json, Ticker ticker) {
        this.seats = seats;
        this.changes = changes;
        this.json = json;
        Duration freshness = settings.seatMapFreshness();
        this.snapshots = Caffeine.newBuilder()
                .ticker(ticker)
                .refreshAfterWrite(freshness.isPositive() ? freshness : Duration.ofNanos(1))
                .executor(Runnable::run)
                .build(new Versioned());
    }

    public record GradeCount(String code, int total, int available, int held, int sold) {
    }

    /** Serialized forms of one state of the seat map, ready to write to a response. */
    public record Snapshot(long version, byte[] seatMapJson, byte[] seatMapGzip, byte[] availabilityJson,
            List<GradeCount> availability) {
    }

    /**
     * The cache key: one performance, carrying its sale terms for the loader. Equal by performance id: the
     * terms of a published performance do not change (the catalog keeps them for good).
     */
    private record Performance(PerformanceSale sale) {

        UUID id() {
            return sale.performanceId();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Performance p && p.id().equals(id());
        }

        @Override
        public int hashCode() {
            return id().hashCode();
        }
    }

    /** Builds a snapshot of the current version; on refresh, rebuilds only if the version moved. */
    private final class Versioned implements CacheLoader<Performance, Snapshot> {

        @Override
        public Snapshot load(Performance key) {
            return build(key.sale(), changes.version(key.id()));
        }

        @Override
        public Snapshot reload(Performance key, Snapshot previous) {
            long version;
            try {
                version = changes.version(key.id());
            } catch (DataAccessException e) {
                // Redis unreachable: keep serving the previous snapshot and ask again after the window
                log.warn("Seat map of performance " + key.id() + " not checked for changes: " + e.getMessage());
                return previous;
            }
            return version == previous.version() ? previous : build(key.sale(), version);
        }
    }

    public Snapshot snapshot(PerformanceSale sale) {
        return snapshots.get(new Performance(sale));
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
