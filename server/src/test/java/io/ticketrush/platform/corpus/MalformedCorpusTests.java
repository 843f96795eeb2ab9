package io.ticketrush.platform.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.platform.corpus.CorpusClient.Answer;
import io.ticketrush.platform.corpus.CorpusClient.Send;
import io.ticketrush.platform.corpus.CorpusClient.Sender;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A malformed-input corpus generated from the server's own OpenAPI document: every operation it
 * lists (so endpoints added later are covered without touching this test) gets requests that are
 * wrong in exactly one place (see {@link MalformedRequests}). Each is sent as the organizer-admin who
 * owns the show the ids point at (so it gets past authorization to the input) and anonymously; a
 * sample of each operation's requests also as a fan, another organizer and a staff member. No answer
 * may be a 5xx, every /api error is problem+json with a code (see {@link AnswerRules}), and no table
 * gains or loses a row. Counts are printed to the test's output.
 */
@IntegrationTest
class MalformedCorpusTests {

    private static final int PARALLEL = 4;
    private static final int ANONYMOUS_SAMPLE = 10;
    private static final int ROLE_SAMPLE = 5;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationInTheApiDocumentAnswersMalformedInputWithACodedClientErrorAndWritesNothing() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        People.Person owner = people.withRoles("ADMIN", "ORGANIZER", "STAFF");
        Shows.Show show = new Shows(api).onSale(owner.token(), 1, 4, 4);
        Sender ownerSender = new Sender("owner", owner.token());
        Sender anonymous = new Sender("anonymous", null);
        List<Sender> others = List.of(new Sender("fan", people.fan().token()),
                new Sender("organizer", people.organizer().token()),
                new Sender("staff", people.withRoles("STAFF").token()));

        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        ApiDocument document = new ApiDocument(docs.json());
        List<ApiDocument.Operation> operations = document.operations();
        assertThat(operations).as("operations in the API document").hasSizeGreaterThan(30);

        MalformedRequests generator = new MalformedRequests(document, Map.of("eventId", show.eventId(),
                "performanceId", show.performanceId(), "venueId", show.venueId()));
        List<Send> sends = new ArrayList<>();
        int probes = 0;
        for (ApiDocument.Operation operation : operations) {
            List<Probe> generated = generator.of(operation);
            assertThat(generated).as("malformed requests for " + operation).isNotEmpty();
            probes += generated.size();
            generated.forEach(probe -> sends.add(new Send(probe, ownerSender)));
            sample(generated, ANONYMOUS_SAMPLE).forEach(probe -> sends.add(new Send(probe, anonymous)));
            for (Sender sender : others) {
                sample(generated, ROLE_SAMPLE).forEach(probe -> sends.add(new Send(probe, sender)));
            }
        }

        Map<String, Long> before = snapshot();
        long started = System.nanoTime();
        List<Answer> answers = new CorpusClient(port).sendAll(sends, PARALLEL);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> after = snapshot();

        Map<String, Long> byStatus = answers.stream().collect(Collectors.groupingBy(a -> String.valueOf(a.status()),
                TreeMap::new, Collectors.counting()));
        Map<String, Long> byRole = answers.stream().collect(Collectors.groupingBy(Answer::role, TreeMap::new,
                Collectors.counting()));
        System.out.printf("Malformed-input corpus: %d operations, %d malformed requests, %d sent in %d ms; "
                + "answers by status %s; by sender %s; %d tables counted%n",
                operations.size(), probes, answers.size(), millis, byStatus, byRole, before.size());

        answers.stream().filter(a -> a.status() >= 200 && a.status() < 300)
                .forEach(a -> System.out.println("accepted (the bad value is ignored or allowed): " + a));

        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Answer answer : answers) {
            AnswerRules.violation(answer).ifPresent(why -> violations.computeIfAbsent(why, k -> new ArrayList<>())
                    .add(answer.toString()));
        }
        violations.forEach((why, list) -> {
            System.out.println("== " + why + ": " + list.size());
            list.forEach(line -> System.out.println("   " + line));
        });
        assertThat(violations.keySet()).as(() -> violations.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().size() + "), e.g. " + e.getValue().getFirst())
                .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(after).as("rows written by malformed requests").isEqualTo(before);
    }

    /** Up to {@code size} of an operation's probes, taken in turn from each kind (path, query, header, body, ...). */
    static List<Probe> sample(List<Probe> probes, int size) {
        Map<String, List<Probe>> byFamily = new LinkedHashMap<>();
        probes.stream().filter(p -> !p.heavy())
                .forEach(p -> byFamily.computeIfAbsent(p.kind().split("[.:]")[0], k -> new ArrayList<>()).add(p));
        List<Probe> sample = new ArrayList<>();
        for (int round = 0; sample.size() < size && !byFamily.isEmpty(); round++) {
            int r = round;
            byFamily.values().removeIf(family -> family.size() <= r);
            for (List<Probe> family : byFamily.values()) {
                if (sample.size() < size) {
                    sample.add(family.get(r));
                }
            }
        }
        return sample;
    }

    /**
     * Rows per table, every table of the application's schemas (so tables added later count too), but
     * the event outbox, the scheduling locks and Flyway's history, which background work changes.
     */
    private Map<String, Long> snapshot() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : jdbc.sql("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND table_name NOT IN ('event_publication', 'event_publication_archive', 'shedlock', 'flyway_schema_history')
                """).query(String.class).list()) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }
}
