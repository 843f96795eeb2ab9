package io.ticketrush.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketrush.shared.DomainException;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.Staffing;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import io.ticketrush.ticket.persistence.TicketRows;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class TicketFlowTests {

    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    Api api;
    Fans fans;
    Fans.Person fan;
    People people;
    People.Person organizer;
    UUID performanceId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fans = new Fans(api);
        fan = fans.signUp();
        people = new People(api, jdbc);
        organizer = people.organizer();
        // a real performance whose door is open now: check-in asks the catalog whose door it is and when
        performanceId = UUID.fromString(new Shows(api).tonight(organizer.token(), 1, 2).performanceId());
    }

    /** Staff the show's organizer assigned to its doors. */
    private String staff() {
        return Staffing.staffOf(api, people, organizer.token()).token();
    }

    @Test
    void theOwnerReadsTheTicketAndItsQrImageEncodesTheCode() throws Exception {
        IssuedTicket ticket = issue(UUID.randomUUID(), "A-1").getFirst();

        Api.Response read = api.get("/api/v1/tickets/" + ticket.ticketId(), fan.token());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("ticketId").asString()).isEqualTo(ticket.ticketId().toString());
        assertThat(read.json().get("orderId").asString()).isEqualTo(ticket.orderId().toString());
        assertThat(read.json().get("performanceId").asString()).isEqualTo(performanceId.toString());
        assertThat(read.json().get("seatId").asString()).isEqualTo("A-1");
        assertThat(read.json().get("code").asString()).isEqualTo(ticket.code()).startsWith("TR1.");
        assertThat(read.json().get("status").asString()).isEqualTo("VALID");
        assertThat(read.json().has("checkedInAt")).isFalse();

        Api.Response qr = api.get("/api/v1/tickets/" + ticket.ticketId() + "/qr", fan.token());
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("Content-Type")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
        String decoded = new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(ticket.code());
    }

    @Test
    void someoneElsesTicketIsNotFound() {
        IssuedTicket ticket = issue(UUID.randomUUID(), "A-1").getFirst();
        Fans.Person stranger = fans.signUp();

        Api.Response read = api.get("/api/v1/tickets/" + ticket.ticketId(), stranger.token());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("unknown-ticket");
        Api.Response qr = api.get("/api/v1/tickets/" + ticket.ticketId() + "/qr", stranger.token());
        assertThat(qr.status()).isEqualTo(404);
        assertThat(qr.code()).isEqualTo("unknown-ticket");
        assertThat(api.get("/api/v1/tickets/" + UUID.randomUUID(), fan.token()).code()).isEqualTo("unknown-ticket");
        assertThat(api.get("/api/v1/me/tickets", stranger.token()).json().get("items").size()).isZero();
    }

    @Test
    void badTicketIdsAndMissingTokensAreRefused() {
        Api.Response malformed = api.get("/api/v1/tickets/not-a-uuid", fan.token());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("bad-parameter");
        assertThat(api.get("/api/v1/tickets/" + UUID.randomUUID(), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/tickets", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/check-ins", null, Map.of("code", "x")).status()).isEqualTo(401);
    }

    @Test
    void myTicketsAreListedNewestFirst() {
        List<IssuedTicket> first = issue(UUID.randomUUID(), "B-1");
        List<IssuedTicket> second = issue(UUID.randomUUID(), "B-2");

        Api.Response mine = api.get("/api/v1/me/tickets", fan.token());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("items").findValuesAsString("ticketId")).containsExactly(
                second.getFirst().ticketId().toString(), first.getFirst().ticketId().toString());
        assertThat(mine.json().get("items").get(0).get("seatId").asString()).isEqualTo("B-2");
    }

    @Test
    void staffAdmitsATicketOnceAndTheSecondScanSaysWhen() {
        IssuedTicket ticket = issue(UUID.randomUUID(), "C-1").getFirst();
        String staff = staff();
        double admitted = checkIns("admitted");
        double duplicate = checkIns("duplicate");

        Api.Response first = api.post("/api/v1/check-ins", staff, Map.of("code", ticket.code()));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("ticketId").asString()).isEqualTo(ticket.ticketId().toString());
        assertThat(first.json().get("seatId").asString()).isEqualTo("C-1");
        Instant checkedInAt = Instant.parse(first.json().get("checkedInAt").asString());

        Api.Response second = api.post("/api/v1/check-ins", staff, Map.of("code", ticket.code()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("already-checked-in");
        assertThat(Instant.parse(second.json().get("checkedInAt").asString())).isEqualTo(checkedInAt);

        Api.Response read = api.get("/api/v1/tickets/" + ticket.ticketId(), fan.token());
        assertThat(read.json().get("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(Instant.parse(read.json().get("checkedInAt").asString())).isEqualTo(checkedInAt);
        assertThat(checkIns("admitted")).isEqualTo(admitted + 1);
        assertThat(checkIns("duplicate")).isEqualTo(duplicate + 1);
    }

    @Test
    void theShowsOrganizerMayCheckInButFansAndOtherOrganizersMayNot() {
        List<IssuedTicket> issued = issue(UUID.randomUUID(), "D-1", "D-2");

        Api.Response byFan = api.post("/api/v1/check-ins", fan.token(), Map.of("code", issued.get(0).code()));
        assertThat(byFan.status()).isEqualTo(403);
        assertThat(byFan.code()).isEqualTo("forbidden");
        Api.Response byAnotherOrganizer = api.post("/api/v1/check-ins", people.organizer().token(),
                Map.of("code", issued.get(0).code()));
        assertThat(byAnotherOrganizer.status()).as(byAnotherOrganizer.toString()).isEqualTo(404);
        assertThat(byAnotherOrganizer.code()).isEqualTo("ticket-not-found");
        assertThat(tickets.forOrder(issued.get(0).orderId())).extracting(IssuedTicket::status)
                .containsOnly(TicketStatus.VALID);

        assertThat(api.post("/api/v1/check-ins", organizer.token(), Map.of("code", issued.get(1).code())).status()).isEqualTo(200);
    }

    @Test
    void forgedGarbageAndMissingCodesAreBadRequests() {
        IssuedTicket ticket = issue(UUID.randomUUID(), "E-1").getFirst();
        String staff = staff();
        double invalid = checkIns("invalid");
        String forged = ticket.code().substring(0, ticket.code().length() - 2)
                + (ticket.code().endsWith("AA") ? "BA" : "AA");

        for (String code : List.of(forged, "not a ticket", "TR1.x.y")) {
            Api.Response response = api.post("/api/v1/check-ins", staff, Map.of("code", code));
            assertThat(response.status()).as(code).isEqualTo(400);
            assertThat(response.code()).isEqualTo("invalid-ticket-code");
        }
        assertThat(checkIns("invalid")).isEqualTo(invalid + 3);
        for (Object body : List.of("{}", Map.of("code", ""), "")) {
            Api.Response response = api.post("/api/v1/check-ins", staff, body);
            assertThat(response.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation-failed");
        }
        assertThat(tickets.forOrder(ticket.orderId()).getFirst().status()).isEqualTo(TicketStatus.VALID);
    }

    @Test
    void aCancelledTicketIsTurnedAway() {
        UUID orderId = UUID.randomUUID();
        IssuedTicket ticket = issue(orderId, "F-1").getFirst();
        tx.executeWithoutResult(status -> tickets.cancelForOrder(orderId));
        String staff = staff();

        Api.Response scan = api.post("/api/v1/check-ins", staff, Map.of("code", ticket.code()));
        assertThat(scan.status()).isEqualTo(409);
        assertThat(scan.code()).isEqualTo("ticket-cancelled");
        assertThat(api.get("/api/v1/tickets/" + ticket.ticketId(), fan.token()).json().get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void issuingAgainReturnsTheSameTicketsAndCountsOnlyNewOnes() {
        UUID orderId = UUID.randomUUID();
        double before = issuedCount();
        List<IssuedTicket> first = issue(orderId, "G-1", "G-2");
        List<IssuedTicket> again = issue(orderId, "G-1", "G-2");
        List<IssuedTicket> more = issue(orderId, "G-2", "G-3");

        assertThat(again).isEqualTo(first);
        assertThat(more.get(0)).isEqualTo(first.get(1));
        assertThat(more.get(1).seatId()).isEqualTo("G-3");
        assertThat(tickets.forOrder(orderId)).hasSize(3);
        assertThat(issuedCount()).isEqualTo(before + 3);
    }

    @Test
    void nothingIsIssuedOrCountedWhenTheOrdersTransactionRollsBack() {
        UUID orderId = UUID.randomUUID();
        double before = issuedCount();
        tx.executeWithoutResult(status -> {
            tickets.issue(orderId, UUID.fromString(fan.userId()), performanceId, List.of("H-1"));
            status.setRollbackOnly();
        });
        assertThat(tickets.forOrder(orderId)).isEmpty();
        assertThat(issuedCount()).isEqualTo(before);
    }

    @Test
    void aSeatWithALiveTicketCannotBeTicketedForAnotherOrder() {
        UUID firstOrder = UUID.randomUUID();
        issue(firstOrder, "J-1");

        assertThatThrownBy(() -> issue(UUID.randomUUID(), "J-1"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("seat-already-ticketed"));

        tx.executeWithoutResult(status -> tickets.cancelForOrder(firstOrder));
        UUID secondOrder = UUID.randomUUID();
        assertThat(issue(secondOrder, "J-1")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TicketStatus.VALID));
    }

    @Test
    void theTicketsOfManyOrdersOfSeveralOwnersAreReadInOneStatementEachUnderItsOwnOrder() {
        UUID otherOwner = UUID.fromString(fans.signUp().userId());
        UUID pair = UUID.randomUUID();
        UUID single = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID ticketless = UUID.randomUUID();
        issue(pair, "K-2", "K-1");
        issue(single, "K-3");
        tx.execute(status -> tickets.issue(theirs, otherOwner, performanceId, List.of("K-4")));
        issue(cancelled, "K-5");
        tx.executeWithoutResult(status -> tickets.cancelForOrder(cancelled));

        Map<UUID, List<IssuedTicket>> mine = tickets.forOrders(List.of(pair, single, cancelled, ticketless));

        assertThat(mine).containsOnlyKeys(pair, single, cancelled);
        assertThat(mine.get(pair)).as("as forOrder lists them").isEqualTo(tickets.forOrder(pair))
                .extracting(IssuedTicket::seatId).containsExactly("K-1", "K-2");
        assertThat(mine.get(single)).extracting(IssuedTicket::seatId).containsExactly("K-3");
        assertThat(mine.get(cancelled)).extracting(IssuedTicket::status).containsExactly(TicketStatus.CANCELLED);
        assertThat(mine.values()).allSatisfy(list -> assertThat(list)
                .allSatisfy(t -> assertThat(t.ownerId()).isEqualTo(UUID.fromString(fan.userId()))));
        assertThat(tickets.forOrders(List.of())).isEmpty();

        AtomicInteger statements = new AtomicInteger();
        TicketRows counted = new TicketRows(JdbcClient.create(countingStatements(dataSource, statements)));
        assertThat(counted.forOrders(List.of(pair))).hasSize(2);
        assertThat(statements).as("one order, one statement").hasValue(1);
        statements.set(0);
        assertThat(counted.forOrders(List.of(pair, single, theirs, cancelled, ticketless))).hasSize(5);
        assertThat(statements).as("five orders, still one statement").hasValue(1);
        statements.set(0);
        assertThat(counted.forOrders(List.of())).isEmpty();
        assertThat(statements).as("no orders, no statement").hasValue(0);
    }

    /** The data source, counting every statement prepared or created on its connections. */
    private static DataSource countingStatements(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                            || m.getName().equals("prepareCall")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private List<IssuedTicket> issue(UUID orderId, String... seats) {
        return tx.execute(status -> tickets.issue(orderId, UUID.fromString(fan.userId()), performanceId, List.of(seats)));
    }

    private double checkIns(String result) {
        var counter = meters.find("ticketrush.checkins").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private double issuedCount() {
        return meters.get("ticketrush.tickets.issued").counter().count();
    }
}
