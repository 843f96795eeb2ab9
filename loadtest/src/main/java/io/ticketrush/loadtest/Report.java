package io.ticketrush.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes the benchmark report {@code <out>/<date>-<name>.md} and its charts
 * ({@code <out>/<date>-<name>/*.svg}) from a run directory: the staging facts, the per-request
 * summary and timeline, the audit, the machine and the command. Usage:
 * <pre>java io.ticketrush.loadtest.Report --run-dir=DIR --out=docs/benchmarks --name=NAME --date=YYYY-MM-DD</pre>
 */
public final class Report {

    record Row(String name, long count, long ok, long rejected, long failed, long firstSecond, long lastSecond,
            long meanUs, long p50us, long p75us, long p95us, long p99us, long p999us, long maxUs, long activeSeconds) {
        /** Seconds in which this request was sent (interleaved rounds leave gaps between first and last). */
        long seconds() {
            return Math.max(1, activeSeconds > 0 ? activeSeconds : lastSecond - firstSecond + 1);
        }

        double perSecond() {
            return (double) count / seconds();
        }

        double okPerSecond() {
            return (double) ok / seconds();
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Audit.options(args);
        Path runDir = Path.of(options.get("run-dir"));
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks"));
        String base = options.get("date") + "-" + options.get("name");
        Path written = new Report(runDir).write(out, base);
        System.out.println("Report written to " + written);
    }

    private final Path runDir;
    private final Properties stage;
    private final Properties audit;
    private final Properties flash;
    private final Properties coupons;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    Report(Path runDir) throws IOException {
        this.runDir = runDir;
        this.stage = Audit.properties(runDir.resolve("stage.properties"));
        this.audit = Audit.properties(runDir.resolve("audit.properties"));
        this.flash = Audit.properties(runDir.resolve("flash-outcome.properties"));
        this.coupons = Audit.properties(runDir.resolve("coupons-outcome.properties"));
        Path summary = runDir.resolve("summary.csv");
        if (Files.exists(summary)) {
            List<String> lines = Files.readAllLines(summary);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                long[] n = new long[14];
                for (int i = 0; i < 14 && i + 1 < f.length; i++) {
                    n[i] = Long.parseLong(f[i + 1]);
                }
                rows.put(f[0], new Row(f[0], n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12],
                        n[13]));
            }
        }
    }

    Path write(Path out, String base) throws IOException {
        Path chartDir = out.resolve(base);
        List<String> charts = Files.exists(runDir.resolve("timeline.csv"))
                ? Charts.write(runDir.resolve("timeline.csv"), chartDir) : List.of();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(base).append("\n\n");
        md.append(text("summary-note.md"));
        md.append("## Targets\n\n").append(targets()).append('\n');
        if (rows.keySet().stream().anyMatch(n -> n.startsWith("holds:"))) {
            md.append("## Seat holds: ours against the baselines\n\n").append(holds()).append('\n');
        }
        if (rows.keySet().stream().anyMatch(n -> n.startsWith("coupons:"))) {
            md.append("## Coupon rush: ours against the baselines\n\n").append(couponRush()).append('\n');
        }
        if (rows.containsKey("joins:join") || "true".equals(flash.getProperty("flash.queue"))) {
            md.append("## Waiting room\n\n").append(waitingRoom()).append('\n');
        }
        if (!flash.isEmpty()) {
            md.append("## Flash sale\n\n").append(flashSale()).append('\n');
        }
        md.append("## Invariant audit (SQL, after the run)\n\n").append(text("audit.md")).append('\n');
        if (!charts.isEmpty()) {
            md.append("## Charts\n\n");
            for (String chart : charts) {
                md.append("![%s](%s/%s)\n\n".formatted(chart.replace(".svg", ""), base, chart));
            }
        }
        md.append("## Machine\n\n```\n").append(text("machine.txt").strip()).append("\n```\n\n");
        md.append(cpuSplit());
        md.append("## Command\n\n```\n").append(text("command.txt").strip()).append("\n```\n\n");
        md.append("Settings of this run:\n\n```\n");
        stage.stringPropertyNames().stream().filter(k -> k.startsWith("setting.")).sorted()
                .forEach(k -> md.append(k.substring(8)).append('=').append(stage.getProperty(k)).append('\n'));
        md.append("```\n\n");
        String hot = text("jfr-hot-methods.txt").strip();
        if (!hot.isEmpty()) {
            md.append("## Where the server's CPU went (JFR, `jfr view hot-methods`)\n\n```\n").append(hot).append("\n```\n\n");
        }
        md.append(text("findings.md"));
        String gatling = text("gatling-report.txt").strip();
        if (!gatling.isEmpty()) {
            md.append("Gatling's own HTML report of this run (not committed): `").append(gatling).append("`\n");
        }
        Files.createDirectories(out);
        Path file = out.resolve(base + ".md");
        Files.writeString(file, md.toString());
        return file;
    }

    /** Where the machine's CPU went while the simulations ran (loadtest/scripts/cpu-split.py). */
    private String cpuSplit() throws IOException {
        Properties cpu = Audit.properties(runDir.resolve("cpu-split.properties"));
        if (cpu.isEmpty()) {
            return "";
        }
        double wall = Double.parseDouble(cpu.getProperty("wall.seconds", "0"));
        int cores = Integer.parseInt(cpu.getProperty("cores", "1"));
        double capacity = wall * cores;
        StringBuilder t = new StringBuilder("## Where the machine's CPU went during the simulations\n\n");
        t.append("CPU seconds per process group over the %.0f s of load, against the %d cores' %.0f CPU seconds:\n\n"
                .formatted(wall, cores, capacity));
        t.append("| who | CPU seconds | share of the machine |\n|---|---:|---:|\n");
        for (String[] group : new String[][] {{"server", "the Ticketrush server (one JVM)"},
                {"postgresql", "PostgreSQL (all its processes)"}, {"redis", "Redis"},
                {"load-generator", "Gatling (and Maven around it)"}, {"other", "everything else"}}) {
            double seconds = Double.parseDouble(cpu.getProperty(group[0] + ".seconds", "0"));
            t.append("| %s | %.0f | %.0f %% |\n".formatted(group[1], seconds, capacity == 0 ? 0 : 100 * seconds / capacity));
        }
        double busy = Double.parseDouble(cpu.getProperty("machine.busy.seconds", "0"));
        t.append("| **machine busy (all of it, kernel included)** | %.0f | %.0f %% |\n\n"
                .formatted(busy, capacity == 0 ? 0 : 100 * busy / capacity));
        return t.toString();
    }

    private String targets() {
        StringBuilder t = new StringBuilder("| target | measured | verdict |\n|---|---|---|\n");
        Row joins = rows.get("joins:join");
        if (joins != null) {
            boolean met = joins.perSecond() >= 15_000 && joins.p99us() < 25_000 && joins.failed() == 0;
            t.append("| waiting-room joins ≥ 15,000/s, p99 < 25 ms | %s joins/s, p99 %s ms (%s failed) | %s |\n"
                    .formatted(n(joins.perSecond()), ms(joins.p99us()), n(joins.failed()), met ? "met" : "**missed**"));
        } else {
            t.append("| waiting-room joins ≥ 15,000/s, p99 < 25 ms | — | not measured in this run (phase `joins` not run) |\n");
        }
        Row real = rows.get("holds:real");
        if (real != null) {
            boolean met = real.perSecond() >= 5_000 && real.p99us() < 50_000;
            t.append("| seat holds (durable, zero double-sell) ≥ 5,000/s, p99 < 50 ms | %s holds answered/s (%s placed/s), p99 %s ms | %s |\n"
                    .formatted(n(real.perSecond()), n(real.okPerSecond()), ms(real.p99us()), met ? "met" : "**missed**"));
        }
        Row claims = rows.get("coupons:real");
        Row pessimisticClaims = rows.get("coupons:pessimistic");
        if (claims != null) {
            double ratio = pessimisticClaims == null ? 0 : claims.perSecond() / pessimisticClaims.perSecond();
            boolean met = claims.perSecond() >= 12_000 && ratio >= 20 && claims.failed() == 0;
            t.append("| coupon claims ≥ 12,000/s and ≥ 20× the pessimistic baseline | %s claims answered/s, p99 %s ms; %s | %s |\n"
                    .formatted(n(claims.perSecond()), ms(claims.p99us()), pessimisticClaims == null
                            ? "pessimistic baseline not run" : "%s× the pessimistic baseline".formatted(x(ratio)),
                            met ? "met" : "**missed**"));
        } else {
            t.append("| coupon claims ≥ 12,000/s and ≥ 20× the pessimistic baseline | — | not measured in this run (phase `coupons` not run) |\n");
        }
        if (!flash.isEmpty()) {
            double rate = ticketsPerSecond();
            t.append("| full purchase ≥ 1,000 tickets/s end to end | %s tickets/s | %s |\n"
                    .formatted(n(rate), rate >= 1_000 ? "met" : "**missed**"));
            long seats = Long.parseLong(flash.getProperty("flash.seats"));
            long sold = Long.parseLong(audit.getProperty("flash.seats.SOLD", "0"));
            boolean clean = "0".equals(audit.getProperty("check.seat-sold-once")) && "0".equals(audit.getProperty("check.no-lost-orders"));
            boolean queued = "true".equals(flash.getProperty("flash.queue"));
            String queuePart = queued
                    ? "; waiting room: %s joined, %s admitted at %s/s (outflow %s/s), %s left after failing calls"
                            .formatted(n(num("queue.joined", flash)), n(num("queue.admitted", flash)),
                                    n(num("queue.admissionRate", flash)), n(num("queue.outflowPerSecond", flash)),
                                    n(num("queue.leftFailing", flash)))
                    : "; **without the waiting room** (queue.enabled=false)";
            boolean queueOk = queued && num("queue.admitted", flash) > 0 && num("queue.leftFailing", flash) == 0;
            t.append("| %s-fan sale for %s seats through the waiting room: sold out, zero oversell, zero lost orders | %s of %s seats sold; oversold: %s; lost orders: %s%s | %s |\n"
                    .formatted(n(Long.parseLong(flash.getProperty("flash.fans"))), n(seats), n(sold), n(seats),
                            audit.getProperty("check.seat-sold-once", "?"), audit.getProperty("check.no-lost-orders", "?"),
                            queuePart, sold == seats && clean && queueOk ? "met" : "**missed**"));
        }
        return t.toString();
    }

    private String holds() {
        Row real = rows.get("holds:real");
        StringBuilder t = new StringBuilder("""
                Same load against each path, each on its own fresh %s-seat event: %s fans at a time (closed model) for
                %s s in all, %s, each fan holding 1-2 neighbouring seats, %s%% of them aimed at the same %s best seats.
                "Answered" counts every hold request (201 placed, 409 taken, 422 over the limit); "placed" only 201s.

                | hold path | answered/s | placed/s | seats held | failed | p50 ms | p95 ms | p99 ms | max ms | answered/s vs ours |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """.formatted(n(num("setting.hold.seats")), stage.getProperty("setting.hold.concurrency"),
                stage.getProperty("setting.hold.seconds"), "1".equals(stage.getProperty("setting.hold.rounds", "1"))
                        ? "one path after another"
                        : "in " + stage.getProperty("setting.hold.rounds") + " interleaved rounds (real, pessimistic, redisson, real, ...)",
                n(num("setting.hold.hot-share") * 100),
                stage.getProperty("setting.hold.hot-seats")));
        for (String kind : List.of("real", "pessimistic", "redisson")) {
            Row r = rows.get("holds:" + kind);
            if (r == null) {
                continue;
            }
            String perf = stage.getProperty("show.holds-" + kind + ".performanceId", "");
            String label = switch (kind) {
                case "real" -> "**ours**: conditional claim, `FOR UPDATE SKIP LOCKED`";
                case "pessimistic" -> "baseline: `SELECT … FOR UPDATE`";
                default -> "baseline: Redisson lock per seat";
            };
            String ratio = real == null || kind.equals("real") ? "1.0×"
                    : "ours is %s× (p99 %s×)".formatted(String.format(Locale.ROOT, "%.1f", real.perSecond() / r.perSecond()),
                    String.format(Locale.ROOT, "%.1f", (double) r.p99us() / Math.max(1, real.p99us())));
            t.append("| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |\n".formatted(label, n(r.perSecond()), n(r.okPerSecond()),
                    n(num("holds." + perf + ".seats", audit)), r.failed(), ms(r.p50us()), ms(r.p95us()), ms(r.p99us()),
                    ms(r.maxUs()), ratio));
        }
        return t.toString();
    }

    private String flashSale() {
        StringBuilder t = new StringBuilder();
        String perf = flash.getProperty("flash.performanceId");
        t.append("""
                %s fans let in at %s per second for %s seats (max 4 per person; %s); each wanted 1-4 seats, tried specific seats
                (mostly the best section) and on the last of %s tries the best available of a grade, then ordered, checked
                out at the sandbox gateway and confirmed. Anonymous readers loaded the seat map (gzip) at %s/s meanwhile.

                - tickets sold: **%s** in %s s from the first to the last ticket issued = **%s tickets/s**
                - orders: fans were told PAID for %s; the audit found %s of them PAID (none lost) and %s PAID orders in all
                - fans with tickets: %s; fans who got none (sold out or lost every try): %s; held but could not pay: %s; never admitted: %s
                - coupons from the rush: %s fans ordered with one, %s refused (ordered without), %s paid with one
                - seats at the end: %s

                | step | requests | ok | 409/422 | failed | req/s | p50 ms | p95 ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """.formatted(n(num("flash.fans", flash)), stage.getProperty("setting.flash.admit-rate"),
                n(num("flash.seats", flash)), "true".equals(flash.getProperty("flash.queue"))
                        ? "by the event's waiting room, every fan arriving within the first " + stage.getProperty("setting.queue.arrival-seconds")
                          + " s and showing the admission token on hold, order and confirm"
                        : "no waiting room: fans arrive at that rate straight at the seats",
                stage.getProperty("setting.flash.tries"), stage.getProperty("setting.storm.rate"),
                n(num("tickets." + perf + ".count", audit)), String.format(Locale.ROOT, "%.1f", num("tickets." + perf + ".spanSeconds", audit)),
                n(ticketsPerSecond()), n(num("flash.paidOrders", flash)),
                n(num("flash.paidOrders", flash) - num("check.no-lost-orders", audit)),
                n(num("flash.paidOrdersInDatabase", audit)), n(num("flash.fansWithTickets", flash)),
                n(num("flash.fansWithout", flash)), n(num("flash.fansHeldButNotPaid", flash)),
                n(num("flash.fansNotAdmitted", flash)), n(num("flash.couponOrders", flash)),
                n(num("flash.couponsRefused", flash)), n(num("flash.paidWithCoupon", flash)), seatStates()));
        for (Row r : rows.values()) {
            if (r.name().startsWith("flash:")) {
                t.append("| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |\n".formatted(r.name().substring(6), n(r.count()),
                        n(r.ok()), n(r.rejected()), r.failed(), n(r.perSecond()), ms(r.p50us()), ms(r.p95us()), ms(r.p99us()),
                        ms(r.maxUs())));
            }
        }
        return t.toString();
    }

    private String couponRush() {
        Row real = rows.get("coupons:real");
        StringBuilder t = new StringBuilder("""
                Same load against each path, each on its own campaign of %s coupons (limit 1 per fan): %s fans at a time
                (closed model) for %s s in all, %s; %s%% of the claims are a fan's second click, sent while the first
                is usually still in flight.
                "Answered" counts every claim (201 issued, 409 sold out / already claimed); "issued" only 201s.

                | claim path | answered/s | issued/s | coupons issued (database) | failed | p50 ms | p95 ms | p99 ms | max ms | answered/s vs ours |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """.formatted(n(num("setting.coupon.stock")), stage.getProperty("setting.coupon.concurrency"),
                stage.getProperty("setting.coupon.seconds"), "1".equals(stage.getProperty("setting.coupon.rounds", "1"))
                        ? "one path after another"
                        : "in " + stage.getProperty("setting.coupon.rounds") + " interleaved rounds (real, pessimistic, redisson, real, ...)",
                n(num("setting.coupon.double-click") * 100)));
        for (String kind : List.of("real", "pessimistic", "redisson")) {
            Row r = rows.get("coupons:" + kind);
            if (r == null) {
                continue;
            }
            String label = switch (kind) {
                case "real" -> "**ours**: one Lua script in Redis, stream to PostgreSQL";
                case "pessimistic" -> "baseline: `SELECT … FOR UPDATE` on the stock row + insert";
                default -> "baseline: Redisson lock per campaign around check + insert";
            };
            String ratio = real == null || kind.equals("real") ? "1.0×"
                    : "ours is %s× (p99 %s×)".formatted(x(real.perSecond() / r.perSecond()),
                    x((double) r.p99us() / Math.max(1, real.p99us())));
            t.append("| %s | %s | %s | %s of %s | %d | %s | %s | %s | %s | %s |\n".formatted(label, n(r.perSecond()),
                    n(r.okPerSecond()), n(num("coupons." + kind + ".issued", audit)), n(num("coupons." + kind + ".stock", audit)),
                    r.failed(), ms(r.p50us()), ms(r.p95us()), ms(r.p99us()), ms(r.maxUs()), ratio));
        }
        t.append("""

                The audit checks every campaign (real and baseline) for stock and per-person limit, that every coupon a fan
                was told it got is stored (the real claim writes PostgreSQL from a Redis Stream moments later), and that no
                coupon pays two PAID orders.
                """);
        return t.toString();
    }

    private String waitingRoom() {
        StringBuilder t = new StringBuilder();
        Row joins = rows.get("joins:join");
        if (joins != null) {
            t.append("""
                    **Join storm**: %s fans at a time (closed model) joined one event's waiting room as fast as the server
                    answered, for %s s (the line admits 1 fan/s, so it only grew; past %s fans the same fans join again, which
                    keeps their place).

                    | call | joins | joins/s | failed | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms |
                    |---|---:|---:|---:|---:|---:|---:|---:|---:|
                    | `POST /api/v1/events/{id}/queue` | %s | %s | %d | %s | %s | %s | %s | %s |

                    """.formatted(stage.getProperty("setting.join.concurrency"), stage.getProperty("setting.join.seconds"),
                    n(num("setting.fans")), n(joins.count()), n(joins.perSecond()), joins.failed(), ms(joins.p50us()),
                    ms(joins.p95us()), ms(joins.p99us()), ms(joins.p999us()), ms(joins.maxUs())));
        }
        if ("true".equals(flash.getProperty("flash.queue"))) {
            Row admitted = rows.get("flash-queue:admitted");
            Row inLine = rows.get("flash-queue:in-line");
            t.append("""
                    **Flash sale through the waiting room** (event settings: outflowPerSecond %s, maxActiveShoppers %s): %s fans
                    arrived within %s s and joined (asking again after `Retry-After` when the server's front door answered 503 `busy`);
                    each polled its place, waiting the `Retry-After` seconds each answer asked for (half the estimated wait, at most
                    1 s per 50 fans ahead), until ADMITTED.

                    - joined: %s; admitted: %s; left without admission: %s (line closed as sold out for over %s s), %s (sale over),
                      %s (admission expired), %s (failing calls), %s (waited longer than %s s), %s (still turned away at the door
                      after that long)
                    - admission rate measured by the fans: **%s/s** over %s s (configured outflow %s/s); longest line seen: %s
                    - first click to a place in line (every turn-away at the door included): p50 %s s, p99 %s s, max %s s
                    - time in queue (join click to the first answer saying ADMITTED; includes up to one polling interval):
                      p50 %s s, p99 %s s, max %s s
                    - ETA given at joining vs the actual wait: median error %s s, p90 %s s (positive: slower than promised)
                    - status polls: %s (%s per admitted fan); waiting-room calls turned away with 503 `busy` by the
                      server's front door and asked again after `Retry-After`: %s; the load generator held a fan back %s times because
                      %s joins or %s polls were already in flight (its own limits: those waits add to the time in queue)
                    - position staleness: a polled position is computed from the line at request time, so polling shows none;
                      the SSE stream's staleness (bounded by `ticketrush.queue.push-interval`) is measured by the queue module's
                      own tests, not here

                    """.formatted(n(num("queue.outflowPerSecond", flash)), n(num("queue.maxActiveShoppers", flash)),
                    n(num("flash.fans", flash)), stage.getProperty("setting.queue.arrival-seconds"),
                    n(num("queue.joined", flash)), n(num("queue.admitted", flash)), n(num("queue.leftSoldOut", flash)),
                    stage.getProperty("setting.queue.patience-seconds"), n(num("queue.leftSaleOver", flash)),
                    n(num("queue.leftExpired", flash)), n(num("queue.leftFailing", flash)),
                    n(num("queue.leftTired", flash)), stage.getProperty("setting.queue.max-wait-seconds"),
                    n(num("queue.leftNeverJoined", flash)),
                    n(num("queue.admissionRate", flash)), flash.getProperty("queue.admissionSpanSeconds", "0"),
                    n(num("queue.outflowPerSecond", flash)), n(num("queue.longestLine", flash)),
                    inLine == null ? "—" : sec(inLine.p50us()), inLine == null ? "—" : sec(inLine.p99us()),
                    inLine == null ? "—" : sec(inLine.maxUs()),
                    admitted == null ? "—" : sec(admitted.p50us()), admitted == null ? "—" : sec(admitted.p99us()),
                    admitted == null ? "—" : sec(admitted.maxUs()), flash.getProperty("queue.etaErrorP50Seconds", "—"),
                    flash.getProperty("queue.etaErrorP90Seconds", "—"), n(num("queue.polls", flash)),
                    String.format(Locale.ROOT, "%.1f", num("queue.polls", flash) / Math.max(1, num("queue.admitted", flash))),
                    n(num("queue.busy", flash)), n(num("queue.generatorWaits", flash)), n(num("setting.queue.max-inflight")),
                    n(num("setting.queue.max-inflight-polls"))));
        }
        return t.toString();
    }

    private String seatStates() {
        List<String> parts = new ArrayList<>();
        for (String s : List.of("SOLD", "HELD", "AVAILABLE")) {
            parts.add(s + " " + n(num("flash.seats." + s, audit)));
        }
        return String.join(", ", parts);
    }

    private double ticketsPerSecond() {
        String perf = flash.getProperty("flash.performanceId");
        double span = num("tickets." + perf + ".spanSeconds", audit);
        return span <= 0 ? 0 : num("tickets." + perf + ".count", audit) / span;
    }

    private double num(String key) {
        return num(key, stage);
    }

    private static double num(String key, Properties p) {
        try {
            return Double.parseDouble(p.getProperty(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String text(String file) {
        try {
            Path path = runDir.resolve(file);
            return Files.exists(path) ? Files.readString(path) + "\n" : "";
        } catch (IOException e) {
            return "";
        }
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    static String x(double ratio) {
        return String.format(Locale.ROOT, "%.1f", ratio);
    }

    static String sec(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1_000_000.0);
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.2f" : "%.1f", micros / 1000.0);
    }
}
