package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 선예매: before the general sale, holds need an access code; each use of a code is counted once. */
@IntegrationTest
class PresaleTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Api api;
    People people;
    People.Person organizer;
    Shows.Show show;
    OffsetDateTime salesOpenAt;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        organizer = people.organizer();
        Shows shows = new Shows(api);
        salesOpenAt = Campaigns.now().plusHours(2);
        String venue = shows.venue(organizer.token(), 3, 10);
        show = shows.publish(organizer.token(), venue, shows.eventBody(venue, 4, salesOpenAt));
        Api.Response presale = api.post(presalePath(), organizer.token(),
                Map.of("opensAt", Campaigns.now().minusMinutes(10).toString()));
        assertThat(presale.status()).as(presale.toString()).isEqualTo(200);
        assertThat(presale.json().get("salesOpenAt").asString()).isNotBlank();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void duringThePresaleAHoldNeedsAValidCode() {
        String fan = people.fan().token();
        Api.Response without = hold(fan, null, "A-1-1");
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("presale-code-required");
        Api.Response forged = hold(fan, "AAAA-BBBB-CCCC", "A-1-1");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("presale-code-invalid");

        List<String> codes = generate(3, 1);
        Api.Response held = hold(fan, codes.get(0).toLowerCase().replace("-", " "), "A-1-1");
        assertThat(held.status()).as("typed in lower case with spaces: " + held).isEqualTo(201);
    }

    @Test
    void aSingleUseCodeWorksOnce() {
        List<String> codes = generate(2, 1);
        assertThat(hold(people.fan().token(), codes.get(0), "A-1-2").status()).isEqualTo(201);
        Api.Response again = hold(people.fan().token(), codes.get(0), "A-1-3");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("presale-code-used-up");
        assertThat(uses(codes.get(0))).isEqualTo(1);

        // a hold that fails keeps the code's use: the use is counted in the hold's transaction
        Api.Response taken = hold(people.fan().token(), codes.get(1), "A-1-2");
        assertThat(taken.code()).isEqualTo("seat-unavailable");
        assertThat(uses(codes.get(1))).isZero();
        assertThat(hold(people.fan().token(), codes.get(1), "A-1-4").status()).isEqualTo(201);
    }

    @Test
    void aCodeWithFiveUsesLetsExactlyFiveHoldsThroughARace() throws Exception {
        String code = generate(1, 5).getFirst();
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fans.add(people.fan().token());
        }
        List<Api.Response> answers = Collections.synchronizedList(new ArrayList<>());
        Campaigns.race(fans.size(), i -> answers.add(hold(fans.get(i), code, "B-" + (i / 10 + 1) + "-" + (i % 10 + 1))));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(5);
        assertThat(answers.stream().filter(a -> a.status() != 201)).allMatch(a -> a.code().equals("presale-code-used-up"));
        assertThat(uses(code)).isEqualTo(5);
    }

    @Test
    void beforeThePresaleNothingAndAfterItEveryoneMayHold() {
        String code = generate(1, 1).getFirst();
        Api.Response moved = api.post(presalePath(), organizer.token(), Map.of("opensAt", Campaigns.now().plusHours(1).toString()));
        assertThat(moved.status()).isEqualTo(200);
        Api.Response early = hold(people.fan().token(), code, "A-3-1");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("sale-not-open");
        assertThat(early.json().get("presaleOpensAt").asString()).isNotBlank();

        clock.advance(Duration.ofMinutes(121));
        Api.Response general = hold(people.fan().token(), null, "A-3-1");
        assertThat(general.status()).as("general sale: no code needed " + general).isEqualTo(201);
        assertThat(uses(code)).isZero();
    }

    @Test
    void organizersManageTheirOwnPresaleAndDownloadCodes() {
        String fan = people.fan().token();
        assertThat(api.post(presalePath(), fan, Map.of("opensAt", Campaigns.now().toString())).status()).isEqualTo(403);
        assertThat(api.post(presalePath() + "/codes", fan, Map.of("count", 1, "usesPerCode", 1)).status()).isEqualTo(403);
        assertThat(api.get(presalePath() + "/codes.csv", fan).status()).isEqualTo(403);
        String stranger = people.organizer().token();
        assertThat(api.post(presalePath() + "/codes", stranger, Map.of("count", 1, "usesPerCode", 1)).code()).isEqualTo("not-your-event");
        assertThat(api.get(presalePath() + "/codes.csv", stranger).code()).isEqualTo("not-your-event");

        Api.Response late = api.post(presalePath(), organizer.token(), Map.of("opensAt", salesOpenAt.plusMinutes(1).toString()));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errors").findValuesAsString("field")).containsExactly("opensAt");
        Api.Response tooMany = api.post(presalePath() + "/codes", organizer.token(), Map.of("count", 0, "usesPerCode", 1));
        assertThat(tooMany.status()).isEqualTo(400);

        List<String> batch = generate(25, 2);
        assertThat(batch).hasSize(25).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        assertThat(api.get(presalePath(), fan).json().get("presaleOpensAt").asString()).isNotBlank();
    }

    /** Generates a batch and returns its codes from the CSV download. */
    private List<String> generate(int count, int uses) {
        Api.Response batch = api.post(presalePath() + "/codes", organizer.token(), Map.of("count", count, "usesPerCode", uses));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        String batchId = batch.json().get("batchId").asString();
        Api.Response csv = api.get(presalePath() + "/codes.csv", organizer.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\n"));
        assertThat(lines.getFirst()).isEqualTo("code,uses_allowed,uses,batch_id,created_at");
        List<String> codes = lines.stream().skip(1).filter(l -> l.contains(batchId)).map(l -> l.split(",")[0]).toList();
        assertThat(codes).hasSize(count);
        assertThat(lines.stream().skip(1).filter(l -> l.contains(batchId))).allMatch(l -> l.split(",")[1].equals(String.valueOf(uses)));
        return codes;
    }

    private Api.Response hold(String fanToken, String code, String seat) {
        Map<String, Object> body = code == null ? Map.of("seatIds", List.of(seat)) : Map.of("seatIds", List.of(seat), "accessCode", code);
        return api.post("/api/v1/performances/" + show.performanceId() + "/holds", fanToken, body);
    }

    private int uses(String code) {
        return jdbc.sql("SELECT uses FROM presale_codes WHERE event_id = :e::uuid AND code = :c")
                .param("e", show.eventId()).param("c", code.replace("-", "")).query(Integer.class).single();
    }

    private String presalePath() {
        return "/api/v1/events/" + show.eventId() + "/presale";
    }
}
