package io.ticketrush.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * Makes the whole document true about security and failures. Who may call an operation is asked
 * of the running security configuration ({@link WebInvocationPrivilegeEvaluator}) rather than
 * listed here: an operation an anonymous caller may reach has {@code security: []}, the others
 * need the bearer token, and {@code x-roles} names the roles the request rules or a
 * {@code @PreAuthorize} allow when not every role may call it. Every /api operation documents its
 * common failures as {@code application/problem+json} ({@code #/components/schemas/Problem}, with
 * the stable {@code code}s of each status in the description); the sandbox gateway answers Toss
 * error documents ({@code #/components/schemas/TossError}).
 */
@Component
class ApiDocumentRules implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> ROLES = List.of("FAN", "ORGANIZER", "STAFF", "ADMIN");
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> access;

    ApiDocumentRules(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
        this.access = access;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setSecurity(null);
        openApi.getComponents().addSchemas("Problem", problemSchema()).addSchemas("TossError", tossErrorSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        String uri = path.replaceAll("\\{[^}]+}", "1");
        WebInvocationPrivilegeEvaluator evaluator = access.getIfAvailable();
        boolean open = evaluator == null || evaluator.isAllowed("", uri, method.name(), ANONYMOUS);
        operation.setSecurity(open ? new ArrayList<>()
                : new ArrayList<>(List.of(new SecurityRequirement().addList("bearer"))));
        Set<String> roles = roles(operation, evaluator, uri, method.name(), open);
        if (!roles.isEmpty()) {
            operation.addExtension(ApiOperationNames.ROLES, new ArrayList<>(roles));
            operation.setDescription(join(operation.getDescription(), "Roles: " + String.join(", ", roles) + "."));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (path.startsWith("/sandbox-pg")) {
            responses.putIfAbsent("400", failure("#/components/schemas/TossError", "application/json",
                    "A Toss error document ({code, message}), e.g. INVALID_REQUEST, UNAUTHORIZED_KEY, NOT_FOUND_PAYMENT"));
            return;
        }
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (input || !open) {
            responses.putIfAbsent("400", problem("validation-failed, bad-parameter, malformed-request, bad-request"));
        }
        if (!open) {
            responses.putIfAbsent("401", problem("unauthenticated"));
        }
        if (!roles.isEmpty()) {
            responses.putIfAbsent("403", problem("forbidden"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("not-found (also for another organizer's or fan's data)"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", problem("payload-too-large"));
            responses.putIfAbsent("415", problem("unsupported-media-type"));
        }
        responses.putIfAbsent("406", problem("not-acceptable"));
        responses.putIfAbsent("500", problem("internal-error"));
    }

    private static Set<String> roles(Operation operation, WebInvocationPrivilegeEvaluator evaluator, String uri,
            String method, boolean open) {
        Set<String> roles = new LinkedHashSet<>();
        if (operation.getExtensions() != null && operation.getExtensions().get(ApiOperationNames.ROLES)
                instanceof List<?> declared) {
            declared.forEach(role -> roles.add(String.valueOf(role)));
            return roles;
        }
        if (open || evaluator == null) {
            return roles;
        }
        for (String role : ROLES) {
            Authentication caller = new UsernamePasswordAuthenticationToken("openapi", "n/a",
                    AuthorityUtils.createAuthorityList("ROLE_" + role));
            if (evaluator.isAllowed("", uri, method, caller)) {
                roles.add(role);
            }
        }
        return roles.size() == ROLES.size() ? Set.of() : roles;
    }

    private static String join(String description, String line) {
        return description == null || description.isBlank() ? line : description + "\n\n" + line;
    }

    private static ApiResponse problem(String codes) {
        return failure("#/components/schemas/Problem", PROBLEM_JSON, "Problem codes: " + codes);
    }

    private static ApiResponse failure(String schema, String mediaType, String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(mediaType, new MediaType().schema(new Schema<>().$ref(schema))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem document; `code` is stable and meant for programs, `detail` for people")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("validation-failed"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())))
                .required(List.of("status", "code"));
    }

    private static Schema<?> tossErrorSchema() {
        return new ObjectSchema().description("Toss Payments error document")
                .addProperty("code", new StringSchema()).addProperty("message", new StringSchema())
                .required(List.of("code", "message"));
    }

}
