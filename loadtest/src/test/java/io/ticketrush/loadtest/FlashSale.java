package io.ticketrush.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The flash sale: {@code flash.fans} fans for a {@code flash.seats}-seat event. With the waiting room
 * on ({@code queue.enabled}, the default) they all arrive within {@code queue.arrival-seconds}, join
 * the event's line and wait for admission ({@link QueueHooks}; the line lets in {@code flash.admit-rate}
 * per second, at most {@code queue.max-active} shopping at once), then shop with the admission token;
 * without it they are let in at {@code flash.admit-rate} per second straight at the seats. Fans who won
 * a coupon in the coupon rush use it on their order (and order without it if it is refused). Each fan
 * wants 1-4 seats; tries specific seats (mostly the best section, so many collide), then on the last try the best available of a grade; with a hold,
 * orders, checks out at the sandbox gateway and confirms the payment. Meanwhile anonymous
 * readers load the seat map (gzip) at {@code storm.rate} per second.
 * <p>
 * What the fans were told is kept: every order confirmed PAID to a fan is written to
 * {@code flash-paid-orders.txt}, and the audit checks each one is PAID in the database with its
 * tickets (no lost orders).
 */
final class FlashSale {

    static final String PHASE = "flash";

    private final Timeline timeline;
    private final Staging.Show show;
    private final Queue<String> paidOrders = new ConcurrentLinkedQueue<>();
    private final AtomicLong paidTickets = new AtomicLong();
    private final AtomicLong fansWithTickets = new AtomicLong();
    private final AtomicLong fansWithout = new AtomicLong();
    private final AtomicLong fansStuck = new AtomicLong();
    private final AtomicLong fansNotAdmitted = new AtomicLong();
    private final AtomicLong couponOrders = new AtomicLong();
    private final AtomicLong couponsRefused = new AtomicLong();
    private final AtomicLong paidWithCoupon = new AtomicLong();
    private final QueueHooks queue;
    private final Function<String, String> couponOf;

    /** {@code couponOf}: the rush coupon a fan (by token) won, or null. */
    FlashSale(Timeline timeline, Staging.Show show, Function<String, String> couponOf) {
        this.timeline = timeline;
        this.show = show;
        this.couponOf = couponOf;
        this.queue = Settings.QUEUE_ENABLED ? new QueueHooks(timeline, PHASE, show.eventId()) : null;
    }

    /** The waiting room's settings for the flash-sale event, or null without one. */
    static Staging.Queue queueSettings() {
        return Settings.QUEUE_ENABLED ? new Staging.Queue(Settings.FLASH_ADMIT_RATE, maxActive()) : null;
    }

    static int maxActive() {
        return Settings.QUEUE_MAX_ACTIVE > 0 ? Settings.QUEUE_MAX_ACTIVE : Math.max(1, Settings.FLASH_FANS);
    }

    List<PopulationBuilder> populations(List<String> fans) {
        ChainBuilder shop = exec(session -> session.set("try", 0).set("held", false).set("busyRetries", 0)
                        .set("quantity", quantity(ThreadLocalRandom.current().nextInt(100))))
                .exec(asLongAs(session -> !session.getBoolean("held") && session.getInt("try") < Settings.FLASH_TRIES)
                        .on(exec(this::nextHoldRequest).exec(hold())
                                // 503 busy: the server turned the call away before doing anything; the same
                                // attempt again after Retry-After (1 s), a bounded number of times
                                .exec(asLongAs(FlashSale::busyAndPatient).on(pause(Duration.ofSeconds(1)).exec(hold())))))
                .exec(doIf(session -> session.getBoolean("held")).then(orderAndPay()))
                .exec(doIf(session -> queue != null && !session.contains("paid")).then(giveUp()))
                .exec(session -> {
                    if (session.contains("paid")) {
                        fansWithTickets.incrementAndGet();
                    } else if (session.getBoolean("held")) {
                        fansStuck.incrementAndGet(); // held seats but could not pay: the seats return at expiry
                    } else {
                        fansWithout.incrementAndGet();
                    }
                    return session;
                });
        var arrivals = scenario(PHASE + ":fans")
                .feed(Calls.fans(fans))
                .exec(session -> {
                    String coupon = couponOf.apply(session.getString("token"));
                    return coupon == null ? session : session.set("couponId", coupon);
                });
        PopulationBuilder buyers = queue == null
                ? arrivals.exec(shop).injectOpen(constantUsersPerSec(Settings.FLASH_ADMIT_RATE).during(arrival()))
                : arrivals.exec(queue.joinAndAwaitAdmission())
                        .exec(doIf(session -> session.getBoolean("admitted")).then(shop))
                        .exec(session -> {
                            if (!session.getBoolean("admitted")) {
                                fansNotAdmitted.incrementAndGet();
                            }
                            return session;
                        })
                        .injectOpen(rampUsers(Settings.FLASH_FANS).during(Duration.ofSeconds(Math.max(1, Settings.QUEUE_ARRIVAL_SECONDS))));
        String seatMap = PHASE + ":seat-map";
        PopulationBuilder readers = scenario(seatMap)
                .exec(Calls.timed(timeline, seatMap, http(seatMap)
                        .get("/api/v1/performances/" + show.performanceId() + "/seats")
                        .header("Accept-Encoding", "gzip")
                        .check(status().saveAs("st"), status().is(200))))
                .injectOpen(constantUsersPerSec(Settings.STORM_RATE).during(arrival()));
        return Settings.STORM_RATE > 0 ? List.of(buyers, readers) : List.of(buyers);
    }

    /** How long the fans take to come in (through the waiting room: to be let in). */
    static Duration arrival() {
        return Duration.ofMillis(Math.max(1_000, 1_000L * Settings.FLASH_FANS / Settings.FLASH_ADMIT_RATE));
    }

    /** 1 seat 20%, 2 seats 50%, 3 seats 10%, 4 seats 20% (the per-person limit is 4). */
    private static int quantity(int percentile) {
        return percentile < 20 ? 1 : percentile < 70 ? 2 : percentile < 80 ? 3 : 4;
    }

    private Session nextHoldRequest(Session session) {
        var random = ThreadLocalRandom.current();
        int attempt = session.getInt("try");
        int quantity = session.getInt("quantity");
        String body;
        if (attempt < Settings.FLASH_TRIES - 1) {
            int aim = random.nextInt(100);
            SeatPlan plan = show.plan();
            List<String> seats = aim < 40 ? plan.hot(random, Settings.HOT_SEATS, quantity)
                    : aim < 65 ? plan.inSection("A", random, quantity)
                    : aim < 85 ? plan.inSection("B", random, quantity)
                    : plan.inSection("C", random, quantity);
            body = Calls.seatIdsJson(seats);
        } else {
            int aim = random.nextInt(100);
            String grade = aim < 40 ? "VIP" : aim < 75 ? "R" : "S";
            body = "{\"gradeCode\":\"" + grade + "\",\"quantity\":" + quantity + "}";
        }
        return session.set("holdBody", body).set("try", attempt + 1);
    }

    private ChainBuilder hold() {
        String name = PHASE + ":hold";
        return exec(Calls.timed(timeline, name, admitted(http(name)
                .post("/api/v1/performances/" + show.performanceId() + "/holds")
                .header("Authorization", "Bearer #{token}"))
                .body(StringBody("#{holdBody}"))
                .check(status().saveAs("st"), status().in(201, 409, 422), jsonPath("$.holdId").optional().saveAs("holdId"))))
                .exec(session -> session.set("held", session.contains("holdId"))
                        .set("busyRetries", session.getInt("busyRetries") + (isBusy(session) ? 1 : 0)));
    }

    /** The admission token on the call, when the sale has a waiting room. */
    private HttpRequestActionBuilder admitted(HttpRequestActionBuilder request) {
        return queue == null ? request : request.header("Admission-Token", "#{admissionToken}");
    }

    private ChainBuilder orderAndPay() {
        return exec(doIfOrElse(session -> session.contains("couponId"))
                        .then(exec(session -> {
                            couponOrders.incrementAndGet();
                            return session;
                        }).exec(order("{\"holdId\":\"#{holdId}\",\"couponId\":\"#{couponId}\"}")))
                        .orElse(order("{\"holdId\":\"#{holdId}\"}")))
                // a refused coupon changes nothing: the fan orders the hold without it
                .exec(doIf(session -> !session.contains("orderId") && session.contains("couponId") && session.contains("st")
                        && List.of(404, 409, 422).contains(session.getInt("st"))).then(
                        exec(session -> {
                            couponsRefused.incrementAndGet();
                            return session.remove("couponId");
                        }).exec(order("{\"holdId\":\"#{holdId}\"}"))))
                .exec(asLongAs(session -> !session.contains("orderId") && busyAndPatient(session)).on(
                        pause(Duration.ofSeconds(1)).exec(doIfOrElse(session -> session.contains("couponId"))
                                .then(order("{\"holdId\":\"#{holdId}\",\"couponId\":\"#{couponId}\"}"))
                                .orElse(order("{\"holdId\":\"#{holdId}\"}")))))
                .exec(doIf(session -> session.contains("orderId")).then(checkout()))
                .exec(doIf(session -> session.contains("paymentKey")).then(confirm()))
                .exec(session -> {
                    // Gatling saves what it can even when a check fails: decide on the answer itself.
                    boolean paid = session.contains("st") && session.getInt("st") == 200
                            && "PAID".equals(session.getString("orderStatus")) && session.contains("tickets");
                    if (paid) {
                        if (session.contains("couponId")) {
                            paidWithCoupon.incrementAndGet();
                        }
                        paidOrders.add(session.getString("orderId"));
                        paidTickets.addAndGet(session.getInt("tickets"));
                        return session.set("paid", true);
                    }
                    return session;
                });
    }

    private static boolean isBusy(Session session) {
        return session.contains("st") && session.getInt("st") == 503;
    }

    /** The last answer was 503 busy and the fan still has patience. */
    private static boolean busyAndPatient(Session session) {
        return session.contains("st") && session.getInt("st") == 503
                && session.getInt("busyRetries") < Settings.BUSY_RETRIES;
    }

    /**
     * A fan who ends without paying gives the turn up, as a fan closing the page would (the slot goes
     * to the next fan now, not at the admission's deadline): one who still holds seats lets them go
     * (which ends the admission), one who holds nothing leaves the line.
     */
    private ChainBuilder giveUp() {
        String release = PHASE + ":release";
        String leave = PHASE + ":leave";
        return exec(doIfOrElse(session -> session.getBoolean("held") && session.contains("holdId"))
                .then(Calls.timed(timeline, release, http(release).delete("/api/v1/holds/#{holdId}")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("st"), status().in(204, 404))))
                .orElse(Calls.timed(timeline, leave, http(leave).delete("/api/v1/events/" + show.eventId() + "/queue")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("st"), status().in(204, 409)))));
    }

    private ChainBuilder order(String body) {
        String name = PHASE + ":order";
        return Calls.timed(timeline, name, admitted(http(name).post("/api/v1/orders")
                .header("Authorization", "Bearer #{token}"))
                .body(StringBody(body))
                .check(status().saveAs("st"), status().is(201), jsonPath("$.orderId").saveAs("orderId"),
                        jsonPath("$.amount").ofLong().saveAs("amount")))
                .exec(session -> session.set("busyRetries", session.getInt("busyRetries") + (isBusy(session) ? 1 : 0)));
    }

    private ChainBuilder checkout() {
        String name = PHASE + ":checkout";
        return Calls.timed(timeline, name, http(name).post("/sandbox-pg/v1/checkout")
                .body(StringBody("{\"orderId\":\"#{orderId}\",\"amount\":#{amount},\"cardNumber\":\"" + Settings.CARD + "\"}"))
                .check(status().saveAs("st"), status().is(200), jsonPath("$.paymentKey").saveAs("paymentKey")));
    }

    private ChainBuilder confirm() {
        String name = PHASE + ":confirm";
        return Calls.timed(timeline, name, admitted(http(name).post("/api/v1/orders/#{orderId}/payments/confirm")
                .header("Authorization", "Bearer #{token}"))
                .body(StringBody("{\"paymentKey\":\"#{paymentKey}\",\"amount\":#{amount}}"))
                .check(status().saveAs("st"), status().is(200), jsonPath("$.status").saveAs("orderStatus"),
                        jsonPath("$.status").is("PAID"), jsonPath("$.tickets[*].ticketId").count().saveAs("tickets")));
    }

    /** What the fans saw, for the audit and the report. */
    void writeOutcome(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("flash-paid-orders.txt"), paidOrders);
            StringBuilder extra = new StringBuilder();
            extra.append("flash.queue=").append(queue != null).append('\n');
            extra.append("flash.fansNotAdmitted=").append(fansNotAdmitted.get()).append('\n');
            extra.append("flash.couponOrders=").append(couponOrders.get()).append('\n');
            extra.append("flash.couponsRefused=").append(couponsRefused.get()).append('\n');
            extra.append("flash.paidWithCoupon=").append(paidWithCoupon.get()).append('\n');
            if (queue != null) {
                extra.append("queue.outflowPerSecond=").append(Settings.FLASH_ADMIT_RATE).append('\n');
                extra.append("queue.maxActiveShoppers=").append(maxActive()).append('\n');
                queue.outcome().forEach((k, v) -> extra.append(k).append('=').append(v).append('\n'));
            }
            Files.writeString(dir.resolve("flash-outcome.properties"), extra + """
                    flash.performanceId=%s
                    flash.eventId=%s
                    flash.seats=%d
                    flash.fans=%d
                    flash.paidOrders=%d
                    flash.paidTickets=%d
                    flash.fansWithTickets=%d
                    flash.fansWithout=%d
                    flash.fansHeldButNotPaid=%d
                    """.formatted(show.performanceId(), show.eventId(), show.plan().seatCount(), Settings.FLASH_FANS,
                    paidOrders.size(), paidTickets.get(), fansWithTickets.get(), fansWithout.get(), fansStuck.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
