package io.ticketrush.queue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load against a locally started server (not a test; JDK only, virtual threads).
 * <pre>
 * java server/src/test/java/io/ticketrush/queue/QueueLoad.java joins http://127.0.0.1:18080 20000 64
 * java server/src/test/java/io/ticketrush/queue/QueueLoad.java sse   http://127.0.0.1:18080 10000 30
 * java server/src/test/java/io/ticketrush/queue/QueueLoad.java staleness http://127.0.0.1:18080 10000 3
 * </pre>
 * joins: N fans join one event's waiting room, C at a time; prints joins/s and latency percentiles.
 * sse: N fans join, then each holds a stream for S seconds; prints streams open, how many got their
 * first message, and how many saw their position move after admission starts (pushes reach them).
 * staleness: N fans join a paused line and hold a stream each; then K times the cap is raised by N/10
 * so that one gatekeeper step admits N/10 fans at once (the serving counter moves once). For every
 * stream whose position moved, the delay from the admission (the admitted fans' {@code holdBy} minus
 * the admission window: the server's own timestamp of the step) to the arrival of the new position is
 * recorded; prints percentiles and how many arrived within 2 s. Server and driver must share a clock
 * (same machine). Optional 5th argument: the server's admission window in seconds (default 180).
 * Uses the development accounts (admin@ticketrush.local) and the rehearsal endpoint for fans; run the
 * server with --ticketrush.ratelimit.enabled=false (a rehearsal) or generous per-address budgets.
 */
public final class QueueLoad {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"(venueId|eventId)\":\"([^\"]+)\"");
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    private final String base;
    private final HttpClient http;
    /** Streams are spread over many clients: one client's single selector thread would be the bottleneck. */
    private final List<HttpClient> streamClients = new ArrayList<>();

    private QueueLoad(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 16; i++) {
            streamClients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        QueueLoad load = new QueueLoad(args[1]);
        int count = Integer.parseInt(args[2]);
        int knob = Integer.parseInt(args[3]);
        String admin = load.login("admin@ticketrush.local", "ticketrush-admin");
        String eventId = load.queuedEvent(admin, mode.equals("joins") ? 1 : 0);
        List<String> fans = load.fans(admin, count + 1000);
        System.out.printf("event %s, %d fans minted%n", eventId, fans.size());
        if (mode.equals("joins")) {
            load.joins(eventId, fans.subList(count, count + 1000), knob); // warm-up
            load.joins(eventId, fans.subList(0, count), knob);
        } else if (mode.equals("staleness")) {
            long windowMillis = (args.length > 4 ? Long.parseLong(args[4]) : 180) * 1000;
            load.staleness(eventId, admin, fans.subList(0, count), knob, windowMillis);
        } else {
            load.streams(eventId, admin, fans.subList(0, count), knob);
        }
        System.exit(0);
    }

    private void joins(String eventId, List<String> fans, int concurrency) throws Exception {
        long[] nanos = new long[fans.size()];
        AtomicInteger failures = new AtomicInteger();
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(fans.size());
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < fans.size(); i++) {
                int n = i;
                slots.acquire();
                threads.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = send("POST", "/api/v1/events/" + eventId + "/queue", fans.get(n), "{}");
                        if (r.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        nanos[n] = System.nanoTime() - t0;
                        slots.release();
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("joins: %d in %.2f s = %.0f joins/s, concurrency %d, failures %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                fans.size(), seconds, fans.size() / seconds, concurrency, failures.get(), nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    private void streams(String eventId, String admin, List<String> fans, int holdSeconds) throws Exception {
        joins(eventId, fans, 64);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger firstMessage = new AtomicInteger();
        AtomicInteger moved = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong messages = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(fans.size());
        List<InputStream> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore connecting = new Semaphore(200);
        for (String fan : fans) {
            connecting.acquire();
            readers.execute(() -> {
                boolean counted = false;
                try {
                    HttpResponse<InputStream> r = http.send(request("GET", "/api/v1/events/" + eventId + "/queue/stream", fan, null)
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                        return;
                    }
                    open.incrementAndGet();
                    bodies.add(r.body());
                    BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
                    String line;
                    long firstPosition = -1;
                    boolean sawMove = false;
                    while ((line = lines.readLine()) != null) {
                        if (!line.startsWith("data:")) {
                            continue;
                        }
                        messages.incrementAndGet();
                        Matcher m = POSITION.matcher(line);
                        long position = m.find() ? Long.parseLong(m.group(1)) : -1;
                        if (firstPosition < 0) {
                            firstPosition = position;
                            firstMessage.incrementAndGet();
                            connecting.release();
                            counted = true;
                            connected.countDown();
                        } else if (!sawMove && position != firstPosition) {
                            sawMove = true;
                            moved.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    if (!counted) {
                        failed.incrementAndGet();
                    }
                } finally {
                    if (!counted) {
                        connecting.release();
                        connected.countDown();
                    }
                }
            });
        }
        connected.await();
        System.out.printf("streams: %d open, %d got their place, %d failed, in %.1f s%n", open.get(), firstMessage.get(),
                failed.get(), (System.nanoTime() - started) / 1e9);
        System.out.println("server says: " + metric("ticketrush_queue_sse_connections"));
        // let 1,000 fans in: every waiting fan's position changes, and each stream must hear it
        send("PATCH", "/api/v1/events/" + eventId + "/queue/control", admin, "{\"maxActiveShoppers\":1000,\"outflowPerSecond\":500}");
        send("POST", "/api/v1/events/" + eventId + "/queue/control/resume", admin, "{}");
        long pushStart = System.nanoTime();
        for (int s = 0; s < holdSeconds; s++) {
            Thread.sleep(1000);
            System.out.printf("  t+%2ds: %d of %d streams saw their position move, %d messages in all%n", s + 1,
                    moved.get(), open.get(), messages.get());
        }
        System.out.printf("push: %d of %d streams updated within %.0f s; server says %s%n", moved.get(), open.get(),
                (System.nanoTime() - pushStart) / 1e9, metric("ticketrush_queue_sse_connections"));
        bodies.forEach(b -> {
            try {
                b.close();
            } catch (Exception ignored) {
                // closing
            }
        });
    }

    private static final Pattern HOLD_BY = Pattern.compile("\"holdBy\":\"([^\"]+)\"");

    /** What one stream heard: arrival (epoch ms) and position of every message; position 0 = ADMITTED. */
    private static final class Heard {
        volatile long ticket = -1;
        volatile long admittedAtMillis = -1;
        final List<long[]> messages = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    private void staleness(String eventId, String admin, List<String> fans, int steps, long windowMillis) throws Exception {
        joins(eventId, fans, 64); // the line is paused: every fan's first position is their line number
        List<Heard> heard = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(fans.size());
        List<InputStream> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore connecting = new Semaphore(200);
        long started = System.nanoTime();
        for (String fan : fans) {
            Heard h = new Heard();
            HttpClient client = streamClients.get(heard.size() % streamClients.size());
            heard.add(h);
            connecting.acquire();
            readers.execute(() -> {
                boolean counted = false;
                try {
                    HttpResponse<InputStream> r = client.send(request("GET", "/api/v1/events/" + eventId + "/queue/stream", fan, null)
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                        return;
                    }
                    bodies.add(r.body());
                    BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (!line.startsWith("data:")) {
                            continue;
                        }
                        long at = System.currentTimeMillis();
                        Matcher m = POSITION.matcher(line);
                        long position = line.contains("\"ADMITTED\"") ? 0 : m.find() ? Long.parseLong(m.group(1)) : -1;
                        if (position == 0) {
                            Matcher hb = HOLD_BY.matcher(line);
                            if (hb.find()) {
                                h.admittedAtMillis = java.time.Instant.parse(hb.group(1)).toEpochMilli() - windowMillis;
                            }
                        }
                        h.messages.add(new long[] {at, position});
                        if (!counted) {
                            h.ticket = position;
                            counted = true;
                            connecting.release();
                            connected.countDown();
                        }
                    }
                } catch (Exception e) {
                    if (!counted) {
                        failed.incrementAndGet();
                    }
                } finally {
                    if (!counted) {
                        connecting.release();
                        connected.countDown();
                    }
                }
            });
        }
        connected.await();
        long open = heard.stream().filter(h -> h.ticket > 0).count();
        System.out.printf("streams: %d open with their place, %d failed, in %.1f s; server says %s%n", open, failed.get(),
                (System.nanoTime() - started) / 1e9, metric("ticketrush_queue_sse_connections"));
        int step = Math.max(1, fans.size() / 10);
        send("PATCH", "/api/v1/events/" + eventId + "/queue/control", admin, "{\"outflowPerSecond\":100000}");
        List<Long> delays = new ArrayList<>();
        int missed = 0;
        for (int k = 1; k <= steps; k++) {
            long servingBefore = (long) (k - 1) * step;
            long servingAfter = (long) k * step;
            // raising the cap lets exactly one step of fans in (nobody shops, so nobody leaves)
            send("PATCH", "/api/v1/events/" + eventId + "/queue/control", admin, "{\"maxActiveShoppers\":" + servingAfter + "}");
            if (k == 1) {
                send("POST", "/api/v1/events/" + eventId + "/queue/control/resume", admin, "{}");
            }
            List<Heard> moved = heard.stream().filter(h -> h.ticket > servingBefore).toList();
            long deadline = System.nanoTime() + 20_000_000_000L;
            long[] arrivals = new long[moved.size()];
            java.util.Arrays.fill(arrivals, -1);
            int got = 0;
            while (got < moved.size() && System.nanoTime() < deadline) {
                Thread.sleep(200); // the driver's own polling of what its readers heard, not a synchronisation
                got = 0;
                for (int i = 0; i < moved.size(); i++) {
                    if (arrivals[i] < 0) {
                        arrivals[i] = arrivalOf(moved.get(i), servingAfter);
                    }
                    got += arrivals[i] >= 0 ? 1 : 0;
                }
            }
            long admittedAt = heard.stream().filter(h -> h.ticket > servingBefore && h.ticket <= servingAfter)
                    .mapToLong(h -> h.admittedAtMillis).filter(t -> t > 0).min().orElse(-1);
            if (admittedAt < 0) {
                System.out.printf("step %d: no admission seen within 20 s (%s)%n", k, metric("ticketrush_queue_active_shoppers"));
                break;
            }
            long[] step_ = java.util.Arrays.stream(arrivals).filter(a -> a >= 0).map(a -> a - admittedAt).sorted().toArray();
            missed += moved.size() - step_.length;
            for (long d : step_) {
                delays.add(d);
            }
            System.out.printf("step %d: serving %d -> %d, %d of %d moved streams heard it; delay from admission p50 %d ms, "
                    + "p90 %d ms, p99 %d ms, max %d ms%n", k, servingBefore, servingAfter, step_.length, moved.size(),
                    pct(step_, 0.5), pct(step_, 0.9), pct(step_, 0.99), step_.length == 0 ? -1 : step_[step_.length - 1]);
        }
        long[] all = delays.stream().mapToLong(Long::longValue).sorted().toArray();
        long within2s = java.util.Arrays.stream(all).filter(d -> d <= 2000).count();
        System.out.printf("staleness over %d updates (%d streams, %d steps): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms; "
                + "%d within 2 s (%.2f %%), %d never heard%n", all.length, open, steps, pct(all, 0.5), pct(all, 0.9),
                pct(all, 0.99), all.length == 0 ? -1 : all[all.length - 1], within2s, 100.0 * within2s / Math.max(1, all.length),
                missed);
        bodies.forEach(b -> {
            try {
                b.close();
            } catch (Exception ignored) {
                // closing
            }
        });
    }

    /** When the stream first showed a position no older than serving {@code serving}; -1 if not yet. */
    private static long arrivalOf(Heard h, long serving) {
        synchronized (h.messages) {
            for (long[] m : h.messages) {
                long position = m[1];
                if (position == 0 || (position > 0 && position <= h.ticket - serving)) {
                    return m[0];
                }
            }
        }
        return -1;
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private String metric(String name) throws Exception {
        String text = send("GET", "/actuator/prometheus", null, null).body();
        return text.lines().filter(l -> l.startsWith(name)).findFirst().orElse(name + " ?");
    }

    private String login(String email, String password) throws Exception {
        String body = send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").body();
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + body);
        }
        return m.group(1);
    }

    /** A venue of 4 x 50 x 50 seats and an event on sale with a waiting room; maxActive 0 → 1 if asked. */
    private String queuedEvent(String admin, int maxActive) throws Exception {
        StringBuilder sections = new StringBuilder();
        for (String code : List.of("A", "B", "C", "D")) {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 50; r++) {
                rows.append(r > 1 ? "," : "").append("{\"label\":\"").append(r).append("\",\"seats\":50}");
            }
            sections.append(sections.isEmpty() ? "" : ",")
                    .append("{\"code\":\"").append(code).append("\",\"name\":\"").append(code).append("\",\"rows\":[").append(rows).append("]}");
        }
        String venue = send("POST", "/api/v1/venues", admin, "{\"name\":\"Load hall\",\"address\":\"Seoul\",\"sections\":[" + sections + "]}").body();
        String venueId = id(venue, "venueId");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
        String event = send("POST", "/api/v1/events", admin, """
                {"title":"Load test %d","category":"CONCERT","venueId":"%s","description":"load",
                 "salesOpenAt":"%s","salesCloseAt":"%s","maxTicketsPerPerson":4,
                 "grades":[{"code":"R","name":"R","price":100000,"sections":["A","B","C","D"]}],
                 "performances":[{"startsAt":"%s"}],
                 "queue":{"enabled":true,"outflowPerSecond":1,"maxActiveShoppers":%d}}"""
                .formatted(System.nanoTime(), venueId, now.minusMinutes(5), now.plusDays(10), now.plusDays(11),
                        Math.max(1, maxActive))).body();
        String eventId = id(event, "eventId");
        send("POST", "/api/v1/events/" + eventId + "/publish", admin, "{}");
        if (maxActive == 0) {
            send("POST", "/api/v1/events/" + eventId + "/queue/control/pause", admin, "{}");
        }
        return eventId;
    }

    private List<String> fans(String admin, int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        while (tokens.size() < count) {
            int batch = Math.min(5000, count - tokens.size());
            Matcher m = TOKEN.matcher(send("POST", "/api/v1/rehearsal/fans", admin, "{\"count\":" + batch + "}").body());
            while (m.find()) {
                tokens.add(m.group(1));
            }
        }
        return tokens;
    }

    private static String id(String body, String name) {
        Matcher m = ID.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + body);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return http.send(request(method, path, token, json).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b;
    }
}
