package io.ticketrush.platform.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.AnotherInstance;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Lints the server's own OpenAPI document (/v3/api-docs) and holds it to the running server: every
 * operation has a unique, suffix-free id, a summary, a tag, a documented client error
 * (problem+json with a {@code code} for /api), real media types; the operations are exactly the /api
 * and /sandbox-pg handler mappings; the security it declares is what an anonymous request meets.
 */
@IntegrationTest
class ApiDocumentLintTests {

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z]*\\.[a-z][A-Za-z0-9]*");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ConfigurableApplicationContext context;

    Api api;
    JsonNode document;

    @BeforeEach
    void fetch() {
        api = new Api(port);
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        document = docs.json();
    }

    record Op(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(new Op(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            entry.getValue()));
                }
            }
        }
        return operations;
    }

    @Test
    void everyOperationHasAStableUniqueIdASummaryATagAndACodedClientError() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (Op op : operations()) {
            String id = op.node().path("operationId").asString("");
            if (!OPERATION_ID.matcher(id).matches()) {
                problems.add(op + ": operationId '" + id + "' is not <controller>.<method>");
            }
            if (!ids.add(id)) {
                problems.add(op + ": operationId '" + id + "' is used twice");
            }
            if (op.node().path("summary").asString("").isBlank()) {
                problems.add(op + ": no summary");
            }
            if (op.node().path("tags").isEmpty() || op.node().path("tags").get(0).asString().endsWith("-controller")) {
                problems.add(op + ": no module tag " + op.node().path("tags"));
            }
            if (!documentsClientError(op)) {
                problems.add(op + ": no 4xx documented as a coded error");
            }
        }
        assertThat(operations()).hasSizeGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    private boolean documentsClientError(Op op) {
        boolean sandbox = op.path().startsWith("/sandbox-pg");
        String mediaType = sandbox ? "application/json" : "application/problem+json";
        for (Map.Entry<String, JsonNode> response : op.node().path("responses").properties()) {
            JsonNode schema = resolve(response.getValue().path("content").path(mediaType).path("schema"));
            if (response.getKey().startsWith("4") && schema.path("properties").has("code")
                    && schema.path("required").toString().contains("\"code\"")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noOperationSendsOrAnswersTheWildcardMediaType() {
        List<String> wildcards = new ArrayList<>();
        for (Op op : operations()) {
            if (op.node().path("requestBody").path("content").has("*/*")) {
                wildcards.add(op + " request");
            }
            op.node().path("responses").properties().forEach(response -> {
                if (response.getValue().path("content").has("*/*")) {
                    wildcards.add(op + " " + response.getKey());
                }
            });
        }
        assertThat(wildcards).isEmpty();
        assertThat(content("GET", "/api/v1/events/{eventId}/queue/stream", "200").has("text/event-stream")).as("text/event-stream").isTrue();
        assertThat(content("GET", "/api/v1/events/{eventId}/presale/codes.csv", "200").has("text/csv")).as("text/csv").isTrue();
        assertThat(content("GET", "/api/v1/tickets/{ticketId}/qr", "200").has("image/png")).as("image/png").isTrue();
    }

    private JsonNode content(String method, String path, String status) {
        return document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses").path(status).path("content");
    }

    @Test
    void theOperationsAreExactlyTheApiAndSandboxHandlerMappings() {
        Set<String> handled = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/") || path.startsWith("/sandbox-pg/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> handled.add(method.name() + " " + path));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(op.toString()));
        assertThat(documented).isEqualTo(handled);
    }

    @Test
    void theDeclaredSecurityIsWhatAnAnonymousRequestMeets() {
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            if (!op.path().startsWith("/api/")) {
                continue;
            }
            String uri = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Api.Response answer = switch (op.method()) {
                case "GET" -> api.get(uri, null);
                case "DELETE" -> api.delete(uri, null);
                case "PUT" -> api.put(uri, null, Map.of());
                default -> api.post(uri, null, Map.of());
            };
            boolean refused = answer.status() == 401;
            JsonNode security = op.node().path("security");
            boolean declaresBearer = security.toString().contains("bearer");
            boolean declaresOpen = security.isArray() && security.isEmpty();
            if (refused != declaresBearer || refused == declaresOpen) {
                wrong.add(op + ": anonymous answer " + answer.status() + ", declared security " + security);
            }
            if (refused && op.node().path("responses").path("401").isMissingNode()) {
                wrong.add(op + ": 401 not documented");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(document.path("security").isMissingNode() || document.path("security").isEmpty()).isTrue();
        assertThat(operation("PUT", "/api/v1/venues/{venueId}/shared").path("x-roles").toString()).contains("ADMIN");
        assertThat(operation("POST", "/api/v1/events").path("x-roles").toString()).contains("ORGANIZER")
                .doesNotContain("FAN");
        assertThat(operation("POST", "/api/v1/events").path("responses").has("403")).isTrue();
    }

    private JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void thePaymentConfirmBodyIsTheOrdersNotTheSandboxGatewaysAndBothAreListed() {
        JsonNode order = resolve(operation("POST", "/api/v1/orders/{orderId}/payments/confirm")
                .path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode sandbox = resolve(operation("POST", "/sandbox-pg/v1/payments/confirm")
                .path("requestBody").path("content").path("application/json").path("schema"));
        assertThat(new TreeSet<>(order.path("properties").propertyNames())).containsExactly("amount", "paymentKey");
        assertThat(new TreeSet<>(sandbox.path("properties").propertyNames()))
                .containsExactly("amount", "orderId", "paymentKey");
    }

    @Test
    void theSandboxIsNotInTheDocumentWhenItIsOff() {
        try (AnotherInstance off = AnotherInstance.sharingStoresWith(context,
                "--ticketrush.payment.sandbox.enabled=false",
                "--ticketrush.payment.base-url=http://127.0.0.1:9",
                "--ticketrush.payment.secret-key=test_sk_lint")) {
            Api.Response docs = off.api().get("/v3/api-docs", null);
            assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
            assertThat(docs.json().path("paths").propertyNames()).isNotEmpty()
                    .noneMatch(path -> path.startsWith("/sandbox-pg"));
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
            current = document.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }
}
