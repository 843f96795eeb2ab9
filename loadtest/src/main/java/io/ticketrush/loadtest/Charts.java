package io.ticketrush.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written SVG charts from {@code timeline.csv}: for each phase (the request-name prefix
 * before ':'), throughput over time (responses per second, per request) and latency over time
 * (p99 solid, p50 dashed, milliseconds). A {@code <phase>-queue} series (fans admitted by a waiting
 * room, "latency" = time in queue) is drawn as admissions per second and time in queue. No plotting
 * library: a few hundred lines of SVG each.
 */
public final class Charts {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 170;
    private static final int TOP = 34;
    private static final int BOTTOM = 42;

    record Point(long second, int ok, int rejected, int failed, int p50us, int p99us) {
        int total() {
            return ok + rejected + failed;
        }
    }

    /** Writes {@code <phase>-throughput.svg} and {@code <phase>-latency.svg} into {@code out}; returns the file names. */
    public static List<String> write(Path timelineCsv, Path out) throws IOException {
        Map<String, Map<String, List<Point>>> phases = new TreeMap<>();
        for (String line : Files.readAllLines(timelineCsv).subList(1, Files.readAllLines(timelineCsv).size())) {
            String[] f = line.split(",");
            String name = f[1];
            String phase = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            phases.computeIfAbsent(phase, p -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new Point(Long.parseLong(f[0]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                            Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[7])));
        }
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        for (var phase : phases.entrySet()) {
            if (phase.getKey().equals("warmup")) {
                continue;
            }
            long start = phase.getValue().values().stream().flatMap(List::stream).mapToLong(Point::second).min().orElse(0);
            String throughput = phase.getKey() + "-throughput.svg";
            Files.writeString(out.resolve(throughput), throughput(phase.getKey(), phase.getValue(), start));
            String latency = phase.getKey() + "-latency.svg";
            Files.writeString(out.resolve(latency), latency(phase.getKey(), phase.getValue(), start));
            files.add(throughput);
            files.add(latency);
        }
        return files;
    }

    private static String throughput(String phase, Map<String, List<Point>> series, long start) {
        double max = series.values().stream().flatMap(List::stream).mapToInt(Point::total).max().orElse(1);
        boolean queue = phase.endsWith("-queue");
        Canvas c = new Canvas(queue ? "Admissions over time — " + phase : "Throughput over time — " + phase,
                queue ? "fans admitted/s" : "responses/s", max, series.values().stream()
                .flatMap(List::stream).mapToLong(p -> p.second() - start).max().orElse(1));
        int i = 0;
        for (var s : series.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            c.line(s.getValue().stream().map(p -> new double[] {p.second() - start, p.total()}).toList(), colour, false);
            c.legend(i++, colour, false, label(s.getKey()) + " (all)");
        }
        return c.finish();
    }

    private static String latency(String phase, Map<String, List<Point>> series, long start) {
        double max = series.values().stream().flatMap(List::stream).mapToInt(Point::p99us).max().orElse(1000) / 1000.0;
        Canvas c = new Canvas((phase.endsWith("-queue") ? "Time in queue of the fans admitted each second — " : "Latency over time — ")
                + phase + " (p99 solid, p50 dashed)", "ms", max,
                series.values().stream().flatMap(List::stream).mapToLong(p -> p.second() - start).max().orElse(1));
        int i = 0;
        for (var s : series.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            c.line(s.getValue().stream().map(p -> new double[] {p.second() - start, p.p99us() / 1000.0}).toList(), colour, false);
            c.line(s.getValue().stream().map(p -> new double[] {p.second() - start, p.p50us() / 1000.0}).toList(), colour, true);
            c.legend(i++, colour, false, label(s.getKey()));
        }
        return c.finish();
    }

    private static String label(String name) {
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    }

    /** An SVG plot area with nice axis ticks. */
    private static final class Canvas {
        private final StringBuilder svg = new StringBuilder();
        private final double yMax;
        private final double xMax;
        private final int plotW = WIDTH - LEFT - RIGHT;
        private final int plotH = HEIGHT - TOP - BOTTOM;

        Canvas(String title, String yLabel, double rawYMax, double rawXMax) {
            this.yMax = nice(Math.max(rawYMax, 1e-3) * 1.05);
            this.xMax = Math.max(1, rawXMax);
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n"
                    .formatted(WIDTH, HEIGHT, WIDTH, HEIGHT));
            svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            svg.append("<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>\n".formatted(LEFT, escape(title)));
            for (int t = 0; t <= 5; t++) {
                double v = yMax * t / 5;
                double y = TOP + plotH - plotH * t / 5.0;
                svg.append("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n".formatted(LEFT, LEFT + plotW, y, y));
                svg.append("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n".formatted(LEFT - 6, y + 4, format(v)));
            }
            double step = nice(xMax / 8);
            for (double x = 0; x <= xMax + 1e-9; x += step) {
                double px = LEFT + plotW * x / xMax;
                svg.append("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>\n".formatted(px, px, TOP, TOP + plotH));
                svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n".formatted(px, TOP + plotH + 16, format(x)));
            }
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n".formatted(LEFT, TOP, plotW, plotH));
            svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the phase started</text>\n"
                    .formatted(LEFT + plotW / 2, HEIGHT - 8));
            svg.append("<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n"
                    .formatted(TOP + plotH / 2, escape(yLabel)));
        }

        void line(List<double[]> points, String colour, boolean dashed) {
            StringBuilder path = new StringBuilder();
            for (double[] p : points) {
                path.append("%.1f,%.1f ".formatted(LEFT + plotW * p[0] / xMax, TOP + plotH - plotH * Math.min(p[1], yMax) / yMax));
            }
            svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s points=\"%s\"/>\n"
                    .formatted(colour, dashed ? " stroke-dasharray=\"4 3\"" : "", path.toString().strip()));
        }

        void legend(int index, String colour, boolean dashed, String text) {
            int y = TOP + 12 + index * 18;
            int x = LEFT + plotW + 12;
            svg.append("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n"
                    .formatted(x, x + 18, y - 4, y - 4, colour, dashed ? " stroke-dasharray=\"4 3\"" : ""));
            svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(x + 24, y, escape(text)));
        }

        String finish() {
            return svg.append("</svg>\n").toString();
        }

        private static double nice(double raw) {
            double exp = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / exp;
            double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
            return nice * exp;
        }

        private static String format(double v) {
            if (v == Math.rint(v)) {
                return String.format(Locale.ROOT, "%,d", (long) v);
            }
            return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
