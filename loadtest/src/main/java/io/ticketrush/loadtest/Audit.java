package io.ticketrush.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The invariant audit after a run, read straight from the database with SQL: a broken promise
 * fails the run (exit status 1). Each check counts the rows that break an invariant; zero is
 * the only passing answer. Usage:
 * <pre>java io.ticketrush.loadtest.Audit --jdbc-url=URL --user=U [--password=P] --run-dir=DIR [--expect-sold-out]
 *     [--settle-seconds=120]</pre>
 * Writes {@code audit.properties} and {@code audit.md} into the run directory.
 */
public final class Audit {

    record Check(String name, String promise, String sql) {
    }

    /** Every check is over the whole database: the run's database is fresh. */
    static final List<Check> CHECKS = List.of(
            new Check("seat-sold-once", "No seat has two live tickets",
                    """
                    SELECT performance_id, seat_id FROM tickets WHERE status <> 'CANCELLED'
                    GROUP BY performance_id, seat_id HAVING count(*) > 1"""),
            new Check("seat-held-once", "No seat is in two active or sold holds (covers the baselines too)",
                    """
                    SELECT h.performance_id, s.seat_id FROM holds h CROSS JOIN LATERAL unnest(h.seat_ids) AS s(seat_id)
                    WHERE h.status IN ('ACTIVE', 'SOLD')
                    GROUP BY h.performance_id, s.seat_id HAVING count(*) > 1"""),
            new Check("sold-seat-has-ticket", "Every SOLD seat has the live ticket of the order it was sold to",
                    """
                    SELECT i.performance_id, i.seat_id FROM seat_inventory i
                    WHERE i.status = 'SOLD' AND NOT EXISTS (
                      SELECT 1 FROM tickets t WHERE t.performance_id = i.performance_id AND t.seat_id = i.seat_id
                        AND t.order_id = i.order_id AND t.status <> 'CANCELLED')"""),
            new Check("ticket-on-sold-seat", "Every live ticket's seat is SOLD to the ticket's order",
                    """
                    SELECT t.id FROM tickets t LEFT JOIN seat_inventory i
                      ON i.performance_id = t.performance_id AND i.seat_id = t.seat_id
                    WHERE t.status <> 'CANCELLED' AND (i.status IS DISTINCT FROM 'SOLD' OR i.order_id IS DISTINCT FROM t.order_id)"""),
            new Check("paid-order-has-tickets", "Every PAID order has one live ticket per seat",
                    """
                    SELECT o.id FROM orders o WHERE o.status = 'PAID' AND cardinality(o.seat_ids) <> (
                      SELECT count(*) FROM tickets t WHERE t.order_id = o.id AND t.status <> 'CANCELLED'
                        AND t.seat_id = ANY(o.seat_ids))"""),
            new Check("tickets-only-for-paid-orders", "No live ticket belongs to an order that is not PAID",
                    """
                    SELECT t.id FROM tickets t JOIN orders o ON o.id = t.order_id
                    WHERE t.status <> 'CANCELLED' AND o.status <> 'PAID'"""),
            new Check("held-seat-has-active-hold", "Every HELD seat belongs to an ACTIVE hold that lists it",
                    """
                    SELECT i.performance_id, i.seat_id FROM seat_inventory i LEFT JOIN holds h ON h.id = i.hold_id
                    WHERE i.status = 'HELD' AND (h.status IS DISTINCT FROM 'ACTIVE' OR NOT i.seat_id = ANY(h.seat_ids))"""),
            new Check("approval-has-paid-or-refunded-order",
                    "Every approval in the sandbox belongs to a PAID, REFUNDED or CANCELLED order",
                    """
                    SELECT p.payment_key FROM sandbox_payments p LEFT JOIN orders o ON o.id::text = p.order_id
                    WHERE p.status IN ('DONE', 'PARTIAL_CANCELED', 'CANCELED')
                      AND (o.id IS NULL OR o.status NOT IN ('PAID', 'REFUNDED', 'CANCELLED'))"""),
            new Check("paid-order-was-charged", "Every PAID order has exactly one capture of its amount",
                    """
                    SELECT o.id, o.payment_state, o.amount,
                      (SELECT string_agg(p.status || ':' || p.total_amount, ' ') FROM sandbox_payments p
                        WHERE p.order_id = o.id::text) AS gateway
                    FROM orders o WHERE o.status = 'PAID' AND 1 <> (
                      SELECT count(*) FROM sandbox_payments p WHERE p.order_id = o.id::text
                        AND p.status IN ('DONE', 'PARTIAL_CANCELED') AND p.total_amount = o.amount)"""),
            new Check("refund-given-back", "No REFUNDED or CANCELLED order keeps a full capture",
                    """
                    SELECT o.id FROM orders o JOIN sandbox_payments p ON p.order_id = o.id::text
                    WHERE o.status IN ('REFUNDED', 'CANCELLED') AND p.status = 'DONE'"""),
            new Check("refund-voids-tickets", "No order refunded at the gateway keeps a live ticket",
                    """
                    SELECT o.id FROM orders o JOIN sandbox_payments p ON p.order_id = o.id::text
                    WHERE p.status = 'CANCELED'
                      AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status <> 'CANCELLED')"""),
            new Check("per-person-limit", "Nobody holds or owns more tickets of an event than its per-person limit",
                    """
                    SELECT q.event_id, q.user_id FROM purchase_quotas q JOIN events e ON e.id = q.event_id
                    WHERE q.used > e.max_tickets_per_person
                    UNION ALL
                    SELECT p.event_id, t.owner_id FROM tickets t JOIN performances p ON p.id = t.performance_id
                      JOIN events e ON e.id = p.event_id
                    WHERE t.status <> 'CANCELLED'
                    GROUP BY p.event_id, t.owner_id, e.max_tickets_per_person HAVING count(*) > e.max_tickets_per_person"""),
            new Check("quota-covers-seats", "Each person's quota counts at least the seats of their active and sold holds",
                    """
                    SELECT h.event_id, h.user_id FROM holds h
                    LEFT JOIN purchase_quotas q ON q.event_id = h.event_id AND q.user_id = h.user_id
                    WHERE h.status IN ('ACTIVE', 'SOLD')
                    GROUP BY h.event_id, h.user_id, q.used HAVING sum(cardinality(h.seat_ids)) > coalesce(q.used, 0)"""),
            new Check("coupon-within-stock", "No campaign issued more coupons than its stock (real campaigns and the baselines)",
                    """
                    SELECT 'real' AS path, c.id FROM coupon_campaigns c
                    WHERE (SELECT count(*) FROM coupons k WHERE k.campaign_id = c.id) > c.total_quantity
                    UNION ALL
                    SELECT 'baseline', b.id FROM benchmark_coupon_campaigns b
                    WHERE (SELECT count(*) FROM benchmark_coupons k WHERE k.campaign_id = b.id) > b.total_quantity"""),
            new Check("coupon-per-person", "Nobody holds more coupons of a campaign than its per-person limit (real and baselines)",
                    """
                    SELECT 'real' AS path, k.campaign_id, k.user_id FROM coupons k JOIN coupon_campaigns c ON c.id = k.campaign_id
                    GROUP BY k.campaign_id, k.user_id, c.per_person_limit HAVING count(*) > c.per_person_limit
                    UNION ALL
                    SELECT 'baseline', k.campaign_id, k.user_id FROM benchmark_coupons k
                    JOIN benchmark_coupon_campaigns b ON b.id = k.campaign_id
                    GROUP BY k.campaign_id, k.user_id, b.per_person_limit HAVING count(*) > b.per_person_limit"""),
            new Check("coupon-numbers-unique", "Each coupon number of a campaign was given once, and a baseline's stock counter counts its coupons",
                    """
                    SELECT 'real' AS path, campaign_id, seq FROM coupons GROUP BY campaign_id, seq HAVING count(*) > 1
                    UNION ALL
                    SELECT 'baseline', campaign_id, seq FROM benchmark_coupons GROUP BY campaign_id, seq HAVING count(*) > 1
                    UNION ALL
                    SELECT 'counter', b.id, b.issued FROM benchmark_coupon_campaigns b
                    WHERE b.issued <> (SELECT count(*) FROM benchmark_coupons k WHERE k.campaign_id = b.id)"""),
            new Check("coupon-used-once", "No coupon pays more than one PAID order",
                    """
                    SELECT coupon_id FROM orders WHERE status = 'PAID' AND coupon_id IS NOT NULL
                    GROUP BY coupon_id HAVING count(*) > 1"""),
            new Check("paid-coupon-is-used", "The coupon of every PAID order is the buyer's and marked used by that order",
                    """
                    SELECT o.id FROM orders o LEFT JOIN coupons k ON k.id = o.coupon_id
                    WHERE o.status = 'PAID' AND o.coupon_id IS NOT NULL
                      AND (k.id IS NULL OR k.user_id <> o.user_id OR k.order_id IS DISTINCT FROM o.id OR k.used_at IS NULL)""")
    );

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path runDir = Path.of(options.getOrDefault("run-dir", "."));
        boolean expectSoldOut = options.containsKey("expect-sold-out");
        try (Connection db = DriverManager.getConnection(options.get("jdbc-url"), options.get("user"),
                options.getOrDefault("password", ""))) {
            int settleSeconds = Integer.parseInt(options.getOrDefault("settle-seconds", "120"));
            int failures = new Audit(db, runDir).run(expectSoldOut, settleSeconds);
            System.out.println(failures == 0 ? "AUDIT PASSED: every invariant holds"
                    : "AUDIT FAILED: " + failures + " invariant(s) broken (see " + runDir.resolve("audit.md") + ")");
            System.exit(failures == 0 ? 0 : 1);
        }
    }

    private final Connection db;
    private final Path runDir;
    private final Properties results = new Properties();
    private final StringBuilder markdown = new StringBuilder();

    Audit(Connection db, Path runDir) {
        this.db = db;
        this.runDir = runDir;
    }

    int run(boolean expectSoldOut, int settleSeconds) throws SQLException, IOException, InterruptedException {
        long unsettled = awaitSettled(settleSeconds);
        markdown.append("| invariant | rows breaking it | result |\n|---|---:|---|\n");
        int failures = record("payments-settled", "Every payment is settled within %d s after the load stops (none still confirming, unknown or being refunded)"
                .formatted(settleSeconds), unsettled);
        if (unsettled > 0) {
            printSamples("payments-settled", UNSETTLED_ROWS);
        }
        for (Check check : CHECKS) {
            long breaking = count(check.sql());
            failures += record(check.name(), check.promise(), breaking);
            if (breaking > 0) {
                printSamples(check.name(), check.sql());
            }
        }
        Properties coupons = properties(runDir.resolve("coupons-outcome.properties"));
        if (!coupons.isEmpty()) {
            failures += auditCoupons(coupons, settleSeconds);
        }
        Properties flash = properties(runDir.resolve("flash-outcome.properties"));
        if (flash.containsKey("flash.performanceId")) {
            failures += auditFlashSale(flash, expectSoldOut);
        }
        measure();
        results.setProperty("failures", String.valueOf(failures));
        try (var out = Files.newBufferedWriter(runDir.resolve("audit.properties"))) {
            results.store(out, "invariant audit");
        }
        Files.writeString(runDir.resolve("audit.md"), markdown.toString());
        System.out.print(markdown);
        return failures;
    }

    /**
     * Waits (up to {@code settleSeconds}, while the server's reconciler works) until no payment is
     * still being confirmed, reconciled or refunded: the money checks are about settled orders.
     */
    private long awaitSettled(int settleSeconds) throws SQLException, InterruptedException {
        long unsettled = scalar(UNSETTLED);
        long started = System.nanoTime();
        while (unsettled > 0 && System.nanoTime() - started < settleSeconds * 1_000_000_000L) {
            Thread.sleep(2_000);
            unsettled = scalar(UNSETTLED);
        }
        results.setProperty("unsettledPayments", String.valueOf(unsettled));
        results.setProperty("settleWaitSeconds", String.valueOf((System.nanoTime() - started) / 1_000_000_000L));
        return unsettled;
    }

    private static final String UNSETTLED =
            "SELECT count(*) FROM orders WHERE payment_state IN ('CONFIRMING', 'UNKNOWN', 'REFUND_PENDING', 'MANUAL_REVIEW')";

    /** What an unsettled payment looked like, for the run's log: enough to tell which step it stopped at. */
    private static final String UNSETTLED_ROWS = """
            SELECT id, status, payment_state, payment_key IS NOT NULL AS has_key, amount, created_at,
                   payment_attempted_at, payment_deadline, now() AS audited_at
            FROM orders WHERE payment_state IN ('CONFIRMING', 'UNKNOWN', 'REFUND_PENDING', 'MANUAL_REVIEW')""";

    /**
     * Every coupon a fan was told it got is stored: the real ones in {@code coupons} (written from the
     * Redis Stream moments after the claim, so this waits up to {@code settleSeconds} for the writer),
     * the baselines' in {@code benchmark_coupons}. Also records how many each campaign issued.
     */
    private int auditCoupons(Properties coupons, int settleSeconds) throws SQLException, IOException, InterruptedException {
        int failures = 0;
        for (String kind : List.of("real", "pessimistic", "redisson")) {
            String campaignId = coupons.getProperty("coupons." + kind + ".campaignId");
            if (campaignId == null) {
                continue;
            }
            Path file = runDir.resolve("coupons-told-" + kind + ".txt");
            List<String> told = Files.exists(file)
                    ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
            String table = kind.equals("real") ? "coupons" : "benchmark_coupons";
            String missingSql = "SELECT count(*) FROM unnest(?::uuid[]) AS c(id) WHERE NOT EXISTS (SELECT 1 FROM "
                    + table + " k WHERE k.id = c.id)";
            long missing = missing(missingSql, told);
            long started = System.nanoTime();
            while (missing > 0 && kind.equals("real") && System.nanoTime() - started < settleSeconds * 1_000_000_000L) {
                Thread.sleep(1_000);
                missing = missing(missingSql, told);
            }
            failures += record("no-lost-coupons-" + kind, "Every coupon a fan was told it got (" + kind + ", " + told.size()
                    + " told) is stored", missing);
            String campaigns = kind.equals("real") ? "coupon_campaigns" : "benchmark_coupon_campaigns";
            results.setProperty("coupons." + kind + ".issued",
                    String.valueOf(scalar("SELECT count(*) FROM " + table + " WHERE campaign_id = '" + campaignId + "'")));
            results.setProperty("coupons." + kind + ".stock",
                    String.valueOf(scalar("SELECT total_quantity FROM " + campaigns + " WHERE id = '" + campaignId + "'")));
            results.setProperty("coupons." + kind + ".fans",
                    String.valueOf(scalar("SELECT count(DISTINCT user_id) FROM " + table + " WHERE campaign_id = '" + campaignId + "'")));
        }
        results.setProperty("coupons.paidOrdersWithCoupon",
                String.valueOf(scalar("SELECT count(*) FROM orders WHERE status = 'PAID' AND coupon_id IS NOT NULL")));
        return failures;
    }

    private long missing(String sql, List<String> ids) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int auditFlashSale(Properties flash, boolean expectSoldOut) throws SQLException, IOException {
        String performanceId = flash.getProperty("flash.performanceId");
        List<String> toldPaid = Files.exists(runDir.resolve("flash-paid-orders.txt"))
                ? Files.readAllLines(runDir.resolve("flash-paid-orders.txt")).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        int failures = 0;
        long lost = 0;
        try (PreparedStatement st = db.prepareStatement("""
                SELECT count(*) FROM unnest(?::uuid[]) AS c(id)
                WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = c.id AND o.status = 'PAID')""")) {
            st.setArray(1, db.createArrayOf("uuid", toldPaid.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                lost = rs.getLong(1);
            }
        }
        failures += record("no-lost-orders", "Every order a fan was told is PAID is PAID in the database ("
                + toldPaid.size() + " told)", lost);
        long paidInDb = scalar("SELECT count(*) FROM orders WHERE performance_id = '" + performanceId + "' AND status = 'PAID'");
        results.setProperty("flash.paidOrdersInDatabase", String.valueOf(paidInDb));
        results.setProperty("flash.paidOrdersToldToFans", String.valueOf(toldPaid.size()));
        Map<String, Long> seats = seatCounts(performanceId);
        seats.forEach((k, v) -> results.setProperty("flash.seats." + k, String.valueOf(v)));
        if (expectSoldOut) {
            long left = seats.getOrDefault("AVAILABLE", 0L) + seats.getOrDefault("HELD", 0L);
            failures += record("sold-out", "The flash sale sold every seat (" + seats + ")", left);
        }
        return failures;
    }

    /** Figures the report reads from the database: tickets per second from the first to the last sale. */
    private void measure() throws SQLException {
        try (PreparedStatement st = db.prepareStatement("""
                SELECT performance_id, count(*), extract(epoch FROM max(issued_at) - min(issued_at)),
                       extract(epoch FROM min(issued_at)), extract(epoch FROM max(issued_at))
                FROM tickets GROUP BY performance_id""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String p = rs.getString(1);
                results.setProperty("tickets." + p + ".count", String.valueOf(rs.getLong(2)));
                results.setProperty("tickets." + p + ".spanSeconds", String.valueOf(rs.getDouble(3)));
                results.setProperty("tickets." + p + ".firstEpoch", String.valueOf(rs.getDouble(4)));
                results.setProperty("tickets." + p + ".lastEpoch", String.valueOf(rs.getDouble(5)));
            }
        }
        try (PreparedStatement st = db.prepareStatement("""
                SELECT performance_id, count(*), coalesce(sum(cardinality(seat_ids)), 0) FROM holds GROUP BY performance_id""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                results.setProperty("holds." + rs.getString(1) + ".count", String.valueOf(rs.getLong(2)));
                results.setProperty("holds." + rs.getString(1) + ".seats", String.valueOf(rs.getLong(3)));
            }
        }
    }

    private Map<String, Long> seatCounts(String performanceId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT status, count(*) FROM seat_inventory WHERE performance_id = ?::uuid GROUP BY status ORDER BY status")) {
            st.setString(1, performanceId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private int record(String name, String promise, long breaking) {
        results.setProperty("check." + name, String.valueOf(breaking));
        markdown.append("| %s — %s | %d | %s |\n".formatted(name, promise, breaking, breaking == 0 ? "pass" : "**FAIL**"));
        return breaking == 0 ? 0 : 1;
    }

    /** The first rows that break a check, on standard error, to start the investigation. */
    private void printSamples(String name, String sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT * FROM (" + sql + ") AS breaking LIMIT 5");
             ResultSet rs = st.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(rs.getMetaData().getColumnLabel(c) + "=" + rs.getString(c));
                }
                System.err.println("  " + name + " breaks at: " + String.join(", ", values));
            }
        }
    }

    private long count(String sql) throws SQLException {
        return scalar("SELECT count(*) FROM (" + sql + ") AS breaking");
    }

    private long scalar(String sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
            }
        }
        return options;
    }
}
