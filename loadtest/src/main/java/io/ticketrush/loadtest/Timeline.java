package io.ticketrush.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every request the simulations send, as (name, second, latency, outcome), kept in memory and
 * written once at the end: {@code timeline.csv} (one row per request name and second) and
 * {@code summary.csv} (one row per request name). The charts and the report read these files;
 * Gatling's own HTML report sits beside them. Latency is measured around the request in
 * microseconds (Gatling's report rounds to milliseconds).
 */
public final class Timeline {

    public enum Outcome {
        /** 2xx: the call did what it was asked. */
        OK,
        /** An answer the protocol expects under contention: 409 taken/sold out, 422 limit. */
        REJECTED,
        /** Anything else: 5xx, unexpected 4xx, time-outs, connection errors. */
        FAILED
    }

    public static Outcome outcomeOf(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.OK;
        }
        return status == 409 || status == 422 ? Outcome.REJECTED : Outcome.FAILED;
    }

    private static final class Series {
        final Map<Long, IntList> latencyBySecond = new TreeMap<>();
        final Map<Long, int[]> outcomesBySecond = new TreeMap<>();
        final IntList all = new IntList();
        final int[] outcomes = new int[3];

        synchronized void add(long second, int micros, Outcome outcome) {
            latencyBySecond.computeIfAbsent(second, s -> new IntList()).add(micros);
            outcomesBySecond.computeIfAbsent(second, s -> new int[3])[outcome.ordinal()]++;
            all.add(micros);
            outcomes[outcome.ordinal()]++;
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    public void record(String name, long endEpochMillis, long latencyNanos, Outcome outcome) {
        int micros = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyNanos / 1_000));
        series.computeIfAbsent(name, n -> new Series()).add(endEpochMillis / 1000, micros, outcome);
    }

    /** OK, REJECTED and FAILED counts of one request name so far. */
    public int[] counts(String name) {
        Series s = series.get(name);
        if (s == null) {
            return new int[3];
        }
        synchronized (s) {
            return s.outcomes.clone();
        }
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve("timeline.csv"))) {
                out.write("epochSecond,name,ok,rejected,failed,p50us,p95us,p99us,maxUs\n");
                for (var e : new TreeMap<>(series).entrySet()) {
                    Series s = e.getValue();
                    synchronized (s) {
                        for (var sec : s.latencyBySecond.entrySet()) {
                            int[] sorted = sec.getValue().sorted();
                            int[] o = s.outcomesBySecond.get(sec.getKey());
                            out.write("%d,%s,%d,%d,%d,%d,%d,%d,%d\n".formatted(sec.getKey(), e.getKey(), o[0], o[1], o[2],
                                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1]));
                        }
                    }
                }
            }
            try (Writer out = Files.newBufferedWriter(dir.resolve("summary.csv"))) {
                out.write("name,count,ok,rejected,failed,firstSecond,lastSecond,meanUs,p50us,p75us,p95us,p99us,p999us,maxUs,activeSeconds\n");
                for (var e : new TreeMap<>(series).entrySet()) {
                    Series s = e.getValue();
                    synchronized (s) {
                        int[] sorted = s.all.sorted();
                        long sum = 0;
                        for (int v : sorted) {
                            sum += v;
                        }
                        List<Long> seconds = new ArrayList<>(s.latencyBySecond.keySet());
                        out.write("%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\n".formatted(e.getKey(), sorted.length,
                                s.outcomes[0], s.outcomes[1], s.outcomes[2], seconds.getFirst(), seconds.getLast(),
                                sum / sorted.length, pct(sorted, 50), pct(sorted, 75), pct(sorted, 95), pct(sorted, 99),
                                pct(sorted, 99.9), sorted[sorted.length - 1], seconds.size()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pct(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static final class IntList {
        int[] values = new int[16];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] sorted() {
            int[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
