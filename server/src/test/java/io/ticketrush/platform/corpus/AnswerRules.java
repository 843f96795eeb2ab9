package io.ticketrush.platform.corpus;

import io.ticketrush.testing.Api;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a good answer to a malformed request is. Never a 5xx (nor no answer at all). Under /api every error is application/problem+json with a
 * {@code code}; under /sandbox-pg (the imitation of Toss Payments) an error is a JSON document with a
 * {@code code} (Toss's own {@code {code, message}} shape on the gateway's server API); the few page
 * routes the document lists (JSON fragments polled by the fans' pages) only must not fail, since a
 * page route answers a browser (a redirect to /login, an error page). A 2xx is not judged here: an
 * idempotent call (a logout, a delete) may rightly accept a value it ignores; that nothing was
 * written is checked on the database instead.
 */
final class AnswerRules {

    private AnswerRules() {
    }

    static Optional<String> violation(CorpusClient.Answer answer) {
        int status = answer.status();
        String path = answer.probe().operation().path();
        if (status < 0) {
            return Optional.of("no answer");
        }
        if (status >= 500) {
            return Optional.of("server error");
        }
        if (path.startsWith("/api/")) {
            if (status < 400) {
                return status < 300 ? Optional.empty() : Optional.of("a redirect from the JSON API");
            }
            if (!answer.contentType().startsWith("application/problem+json")) {
                return Optional.of("error is not application/problem+json");
            }
            return hasCode(answer.body()) ? Optional.empty() : Optional.of("problem without a code");
        }
        if (path.startsWith("/sandbox-pg/") && status >= 400) {
            return answer.contentType().contains("json") && hasCode(answer.body())
                    ? Optional.empty() : Optional.of("gateway error is not a JSON document with a code");
        }
        return Optional.empty();
    }

    private static boolean hasCode(String body) {
        try {
            JsonNode json = Api.JSON.readTree(body);
            return json.path("code").isString() && !json.path("code").asString().isBlank();
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
