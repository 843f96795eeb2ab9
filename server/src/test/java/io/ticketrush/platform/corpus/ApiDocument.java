package io.ticketrush.platform.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The server's own OpenAPI document (/v3/api-docs), read as a list of operations: every path ×
 * method, its parameters and its JSON body schema with {@code $ref}s resolved on demand.
 */
record ApiDocument(JsonNode document) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation of the document. */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {

        boolean hasJsonBody() {
            return !bodySchema.isMissingNode();
        }

        boolean isUnsafe() {
            return !method.equals("GET");
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A path, query or header parameter with its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {

        String type() {
            return schema.path("type").asString("string");
        }

        String format() {
            return schema.path("format").asString("");
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    JsonNode parameter = resolve(p);
                    parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                            parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
                }
                JsonNode content = resolve(operation.path("requestBody")).path("content");
                JsonNode body = content.has("application/json")
                        ? resolve(content.path("application/json").path("schema")) : MissingNode.getInstance();
                operations.add(new Operation(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), body));
            }
        }
        return operations;
    }

    /** The node itself, or what its {@code $ref} (#/components/...) points at. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
