package io.ticketrush.loadtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small sale that runs while {@code loadtest/run.sh --faults} kills and restarts the server, Redis and
 * PostgreSQL and takes the gateway down: a few workers buy one seat at a time (claim a coupon, hold, order,
 * pay at the sandbox, confirm) and keep going through every failure. What the fans were told is written
 * where {@link Audit} reads it: {@code flash-paid-orders.txt} (orders confirmed PAID), {@code
 * coupons-told-real.txt} (coupons claimed), with {@code flash-outcome.properties} and {@code
 * coupons-outcome.properties} naming the sale. It stops when {@code --stop-file} appears (or after
 * {@code --max-seconds}). Usage:
 * <pre>java io.ticketrush.loadtest.FaultSale --base-url=http://127.0.0.1:PORT --run-dir=DIR --stop-file=FILE
 *     [--workers=6] [--fans=200] [--max-seconds=600]</pre>
 */
public final class FaultSale {

    private static final Pattern TEXT = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");
    private static final String CARD = "4000-0000-0000-0000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private FaultSale(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("The fault sale targets this machine only: " + baseUrl);
        }
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Audit.options(args);
        Path runDir = Path.of(options.get("run-dir"));
        Path stopFile = Path.of(options.get("stop-file"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "6"));
        int fanCount = Integer.parseInt(options.getOrDefault("fans", "200"));
        long deadline = System.nanoTime() + Long.parseLong(options.getOrDefault("max-seconds", "600")) * 1_000_000_000L;
        FaultSale sale = new FaultSale(options.get("base-url"));

        String admin = sale.field(sale.call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"admin@ticketrush.local\",\"password\":\"ticketrush-admin\"}", 200), "accessToken");
        List<String> fans = new ArrayList<>();
        Matcher tokens = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(sale.call("POST", "/api/v1/rehearsal/fans", admin, "{\"count\":" + fanCount + "}", 201));
        while (tokens.find()) {
            fans.add(tokens.group(1));
        }
        String[] show = sale.show(admin);
        String campaignId = sale.field(sale.call("POST", "/api/v1/coupon-campaigns", admin, """
                {"name":"장애 리허설 쿠폰","discount":{"type":"FIXED","value":1000},"totalQuantity":60,"perPersonLimit":1,
                 "startsAt":"%s","endsAt":"%s"}""".formatted(now().minusMinutes(1), now().plusHours(3)), 201), "campaignId");
        write(runDir.resolve("flash-outcome.properties"), "flash.performanceId", show[1]);
        write(runDir.resolve("coupons-outcome.properties"), "coupons.real.campaignId", campaignId);
        System.out.printf("fault sale staged: event %s, performance %s, coupon campaign %s, %d fans%n", show[0], show[1],
                campaignId, fans.size());

        try (PrintWriter paid = new PrintWriter(Files.newBufferedWriter(runDir.resolve("flash-paid-orders.txt")), true);
             PrintWriter coupons = new PrintWriter(Files.newBufferedWriter(runDir.resolve("coupons-told-real.txt")), true)) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                threads.add(Thread.ofPlatform().name("fault-sale-" + w).start(() -> {
                    while (!Files.exists(stopFile) && System.nanoTime() < deadline) {
                        String fan = fans.get(ThreadLocalRandom.current().nextInt(fans.size()));
                        sale.purchase(show[1], campaignId, fan, paid, coupons);
                    }
                }));
            }
            long reported = System.nanoTime();
            for (Thread t : threads) {
                while (t.isAlive()) {
                    t.join(1000);
                    if (System.nanoTime() - reported > 10_000_000_000L) {
                        System.out.println("fault sale: " + new java.util.TreeMap<>(sale.counts));
                        reported = System.nanoTime();
                    }
                }
            }
        }
        Properties outcome = new Properties();
        sale.counts.forEach((k, v) -> outcome.setProperty("faults." + k, String.valueOf(v.get())));
        try (var out = Files.newBufferedWriter(runDir.resolve("faults-outcome.properties"))) {
            outcome.store(out, "what the fault sale's fans saw");
        }
        System.out.println("fault sale done: " + new java.util.TreeMap<>(sale.counts));
    }

    /** One fan buys one seat, keeping whatever answer each step gets; returns at the first failure. */
    private void purchase(String performanceId, String campaignId, String fan, PrintWriter paid, PrintWriter coupons) {
        try {
            HttpResponse<String> claim = send("POST", "/api/v1/coupon-campaigns/" + campaignId + "/claims", fan, "{}");
            count("claim." + claim.statusCode());
            if (claim.statusCode() == 201) {
                synchronized (coupons) {
                    coupons.println(field(claim.body(), "couponId"));
                }
            }
            String grade = List.of("VIP", "R", "S").get(ThreadLocalRandom.current().nextInt(3));
            HttpResponse<String> hold = send("POST", "/api/v1/performances/" + performanceId + "/holds", fan,
                    "{\"gradeCode\":\"" + grade + "\",\"quantity\":1}");
            count("hold." + hold.statusCode());
            if (hold.statusCode() != 201) {
                pause(); // sold out, over the limit, or busy: no point in asking again at once
                return;
            }
            HttpResponse<String> order = send("POST", "/api/v1/orders", fan, "{\"holdId\":\"" + field(hold.body(), "holdId") + "\"}");
            count("order." + order.statusCode());
            if (order.statusCode() != 201) {
                return;
            }
            String orderId = field(order.body(), "orderId");
            String amount = number(order.body(), "amount");
            HttpResponse<String> checkout = send("POST", "/sandbox-pg/v1/checkout", null,
                    "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount + ",\"cardNumber\":\"" + CARD + "\"}");
            count("checkout." + checkout.statusCode());
            if (checkout.statusCode() != 200) {
                return;
            }
            HttpResponse<String> confirm = send("POST", "/api/v1/orders/" + orderId + "/payments/confirm", fan,
                    "{\"paymentKey\":\"" + field(checkout.body(), "paymentKey") + "\",\"amount\":" + amount + "}");
            count("confirm." + confirm.statusCode());
            if (confirm.statusCode() == 200 && "PAID".equals(field(confirm.body(), "status"))) {
                synchronized (paid) {
                    paid.println(orderId);
                }
                count("paid");
            }
        } catch (IOException e) {
            count("unreachable");
            pause(); // the server is down or restarting: try again in a moment
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A venue of 3 sections x 5 rows x 20 seats and a published event on sale now, max 4 per person. */
    private String[] show(String admin) throws Exception {
        StringBuilder sections = new StringBuilder();
        for (String code : List.of("A", "B", "C")) {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 5; r++) {
                rows.append(r > 1 ? "," : "").append("{\"label\":\"").append(r).append("\",\"seats\":20}");
            }
            sections.append(code.equals("A") ? "" : ",").append("{\"code\":\"").append(code).append("\",\"name\":\"")
                    .append(code).append(" 구역\",\"rows\":[").append(rows).append("]}");
        }
        String venueId = field(call("POST", "/api/v1/venues", admin,
                "{\"name\":\"장애 리허설 홀\",\"address\":\"127.0.0.1\",\"sections\":[" + sections + "]}", 201), "venueId");
        OffsetDateTime startsAt = now().plusDays(30);
        String created = call("POST", "/api/v1/events", admin, """
                {"title":"Ticketrush fault rehearsal","category":"CONCERT","venueId":"%s","description":"Synthetic event of the fault phase",
                 "salesOpenAt":"%s","salesCloseAt":"%s","maxTicketsPerPerson":4,
                 "grades":[{"code":"VIP","name":"VIP석","price":165000,"sections":["A"]},
                           {"code":"R","name":"R석","price":143000,"sections":["B"]},
                           {"code":"S","name":"S석","price":99000,"sections":["C"]}],
                 "performances":[{"startsAt":"%s"}]}""".formatted(venueId, now().minusMinutes(1), startsAt.minusHours(2), startsAt),
                201);
        String eventId = field(created, "eventId");
        call("POST", "/api/v1/events/" + eventId + "/publish", admin, "{}", 200);
        return new String[] {eventId, field(created, "performanceId")};
    }

    private String call(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("%s %s answered %d: %s".formatted(method, path, response.statusCode(), response.body()));
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private String field(String json, String name) {
        Matcher m = TEXT.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("No " + name + " in " + json);
    }

    private static String number(String json, String name) {
        Matcher m = NUMBER.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("No " + name + " in " + json);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
    }

    private static void write(Path file, String key, String value) throws IOException {
        Properties p = new Properties();
        p.setProperty(key, value);
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "the fault sale");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
