package io.ticketrush.platform.corpus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Well-formed example values built from a JSON schema (the starting point every malformed request
 * differs from in one place), and the places in them that a mutation can target.
 */
final class SchemaExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private final ApiDocument document;
    private final Map<String, String> knownIds;

    /** {@code knownIds}: ids of real things by parameter or field name (eventId, performanceId, ...). */
    SchemaExamples(ApiDocument document, Map<String, String> knownIds) {
        this.document = document;
        this.knownIds = knownIds;
    }

    /** A place in a body: the path to it (field names, 0 for an array's first item), its schema, whether it is required. */
    record Field(List<Object> path, JsonNode schema, boolean required) {

        String name() {
            return path.stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElse("");
        }

        String type() {
            return schema.path("type").asString("object");
        }
    }

    /** An example with every property filled in (so that every field has a place to mutate). */
    JsonNode example(JsonNode schema) {
        return example("", document.resolve(schema), 0);
    }

    /** Every field of the example body, nested objects and the first item of arrays included. */
    List<Field> fields(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(document.resolve(schema), new ArrayList<>(), fields, 0);
        return fields;
    }

    /** A scalar example for a parameter named {@code name}. */
    String parameterExample(String name, JsonNode schema) {
        JsonNode value = example(name, document.resolve(schema), 0);
        return value.isValueNode() ? value.asString() : "x";
    }

    private void collect(JsonNode schema, List<Object> path, List<Field> fields, int depth) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        Set<String> required = required(schema);
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode propertySchema = document.resolve(property.getValue());
            List<Object> propertyPath = append(path, property.getKey());
            fields.add(new Field(propertyPath, propertySchema, required.contains(property.getKey())));
            descend(propertySchema, propertyPath, fields, depth);
        }
    }

    private void descend(JsonNode schema, List<Object> path, List<Field> fields, int depth) {
        String type = schema.path("type").asString("object");
        if (type.equals("object")) {
            collect(schema, path, fields, depth + 1);
        } else if (type.equals("array")) {
            JsonNode items = document.resolve(schema.path("items"));
            List<Object> itemPath = append(path, 0);
            if (!items.path("type").asString("object").equals("object") || items.has("properties")) {
                fields.add(new Field(itemPath, items, true));
            }
            descend(items, itemPath, fields, depth + 1);
        }
    }

    private JsonNode example(String name, JsonNode schema, int depth) {
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(example(name, document.resolve(schema.path("items")), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(string(name, schema));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (depth < MAX_DEPTH) {
                object.set(property.getKey(), example(property.getKey(), document.resolve(property.getValue()), depth + 1));
            }
        }
        return object;
    }

    private static long integer(JsonNode schema) {
        long value = 1;
        if (schema.has("minimum")) {
            value = Math.max(value, schema.path("minimum").asLong());
        }
        if (schema.has("exclusiveMinimum") && schema.path("exclusiveMinimum").isNumber()) {
            value = Math.max(value, schema.path("exclusiveMinimum").asLong() + 1);
        }
        return schema.has("maximum") ? Math.min(value, schema.path("maximum").asLong()) : value;
    }

    private String string(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").path(0).asString();
        }
        String format = schema.path("format").asString("");
        String pattern = schema.path("pattern").asString("");
        if (knownIds.containsKey(name) && (format.equals("uuid") || pattern.contains("{36}") || format.isEmpty())) {
            return knownIds.get(name);
        }
        switch (format) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "date-time" -> {
                return OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(30).withNano(0).toString();
            }
            case "date" -> {
                return OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(30).toLocalDate().toString();
            }
            case "email" -> {
                return "corpus-" + UUID.randomUUID() + "@example.com";
            }
            default -> {
            }
        }
        if (isEnumeration(schema)) {
            return pattern.split("\\|")[0];
        }
        for (String candidate : List.of(UUID.randomUUID().toString(), "A1b2C3d4", "A1", "1")) {
            if (fits(candidate, pattern, schema)) {
                return candidate;
            }
        }
        int min = schema.path("minLength").asInt(1);
        return "x".repeat(Math.max(1, min));
    }

    /** A string that takes one of a few words: an {@code enum}, or a pattern like {@code FIXED|PERCENT}. */
    static boolean isEnumeration(JsonNode schema) {
        return schema.has("enum") || schema.path("pattern").asString("").matches("[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)+");
    }

    private static boolean fits(String candidate, String pattern, JsonNode schema) {
        if (candidate.length() < schema.path("minLength").asInt(0)
                || candidate.length() > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        try {
            return pattern.isEmpty() ? candidate.length() <= 8 : Pattern.compile(pattern).matcher(candidate).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asString()));
        return required;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }
}
