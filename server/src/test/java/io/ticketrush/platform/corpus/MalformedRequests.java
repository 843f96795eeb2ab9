package io.ticketrush.platform.corpus;

import io.ticketrush.testing.Api;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Generates the malformed requests for one operation of the API document, each wrong in exactly one
 * place: a path parameter (wrong type, huge, not a UUID, bad UTF-8, encoded slash/NUL), a query
 * parameter (wrong type, huge number, huge string, unknown enum value, bad UTF-8), a header parameter,
 * a broken bearer token, or the JSON body (every field: wrong types, null, missing when required, huge
 * numbers, 1 MB strings, invalid UTF-8, unknown enum values, bad formats; the whole body: empty,
 * truncated, not an object, nested too deep, invalid UTF-8, wrong or no content type).
 */
final class MalformedRequests {

    static final int HUGE_STRING = 1 << 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BAD_UTF8_MARKER = "@@corpus-bad-utf8@@";
    private static final byte[] BAD_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    private static final String JSON = "application/json";

    /** Raw (already URL-encoded) path values: none is a well-formed id. */
    private static final Map<String, String> BAD_PATH_VALUES = ordered(
            "not-a-uuid", "not-a-uuid",
            "negative", "-1",
            "huge-number", "9".repeat(40),
            "float-overflow", "1e309",
            "huge-string", "x".repeat(2000),
            "bad-utf8", "%FF%FE%C3%28",
            "nul", "%00",
            "encoded-slash", "..%2F..%2Fetc",
            "percent", "%25");

    private final SchemaExamples examples;

    /** {@code knownIds}: real ids by name (eventId, performanceId, venueId), so that one wrong place is the only fault. */
    MalformedRequests(ApiDocument document, Map<String, String> knownIds) {
        this.examples = new SchemaExamples(document, knownIds);
    }

    List<Probe> of(ApiDocument.Operation operation) {
        List<Probe> probes = new ArrayList<>();
        byte @Nullable [] body = operation.hasJsonBody() ? bytes(examples.example(operation.bodySchema())) : null;
        String contentType = body == null ? null : JSON;
        for (ApiDocument.Parameter parameter : operation.in("path")) {
            BAD_PATH_VALUES.forEach((kind, value) -> probes.add(new Probe(operation, "path." + parameter.name() + ":" + kind,
                    operation.method(), path(operation, Map.of(parameter.name(), value)), Map.of(), body, contentType, false)));
        }
        String target = path(operation, Map.of());
        for (ApiDocument.Parameter parameter : operation.in("query")) {
            badQueryValues(parameter).forEach((kind, value) -> probes.add(new Probe(operation,
                    "query." + parameter.name() + ":" + kind, operation.method(),
                    target + "?" + URLEncoder.encode(parameter.name(), StandardCharsets.UTF_8) + "=" + value,
                    Map.of(), body, contentType, false)));
        }
        for (ApiDocument.Parameter parameter : operation.in("header")) {
            badHeaderValues(parameter).forEach((kind, value) -> probes.add(new Probe(operation,
                    "header." + parameter.name() + ":" + kind, operation.method(), target,
                    Map.of(parameter.name(), value), body, contentType, false)));
        }
        probes.add(new Probe(operation, "header.Authorization:broken-bearer", operation.method(), target,
                Map.of("Authorization", "Bearer not.a.jwt"), body, contentType, false));
        if (body != null) {
            JsonNode example = examples.example(operation.bodySchema());
            wholeBodies(operation, target, example, probes);
            for (SchemaExamples.Field field : examples.fields(operation.bodySchema())) {
                fieldValues(field).forEach((kind, value) -> {
                    JsonNode mutated = replace(example, field.path(), value);
                    if (mutated != null) {
                        probes.add(new Probe(operation, "body." + field.name() + ":" + kind, operation.method(), target,
                                Map.of(), bytes(mutated), JSON, kind.equals("huge-string")));
                    }
                });
                if (field.required() && !(field.path().getLast() instanceof Integer)) {
                    JsonNode without = replace(example, field.path(), null);
                    if (without != null) {
                        probes.add(new Probe(operation, "body." + field.name() + ":missing", operation.method(), target,
                                Map.of(), bytes(without), JSON, false));
                    }
                }
            }
        }
        return probes;
    }

    private void wholeBodies(ApiDocument.Operation operation, String target, JsonNode example, List<Probe> probes) {
        String text = Api.JSON.writeValueAsString(example);
        Map<String, String> bodies = ordered(
                "empty", "",
                "null", "null",
                "array", "[]",
                "string", "\"text\"",
                "huge-number", "1e309",
                "truncated", text.substring(0, text.length() / 2),
                "unclosed", "{\"a\":",
                "too-deep", "[".repeat(5000) + "]".repeat(5000));
        bodies.forEach((kind, value) -> probes.add(new Probe(operation, "body:" + kind, operation.method(), target,
                Map.of(), value.getBytes(StandardCharsets.UTF_8), JSON, false)));
        probes.add(new Probe(operation, "body:bad-utf8", operation.method(), target, Map.of(), BAD_UTF8, JSON, false));
        byte[] valid = text.getBytes(StandardCharsets.UTF_8);
        probes.add(new Probe(operation, "content-type:text/plain", operation.method(), target, Map.of(), valid, "text/plain", false));
        probes.add(new Probe(operation, "content-type:xml", operation.method(), target, Map.of(), valid, "application/xml", false));
        probes.add(new Probe(operation, "content-type:garbage", operation.method(), target, Map.of(), valid, "no/such;;type=", false));
        probes.add(new Probe(operation, "content-type:none", operation.method(), target, Map.of(), valid, null, false));
    }

    private static Map<String, JsonNode> fieldValues(SchemaExamples.Field field) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = field.type();
        switch (type) {
            case "integer", "number" -> {
                values.put("wrong-type-string", NODES.stringNode("not-a-number"));
                values.put("wrong-type-object", NODES.objectNode());
                values.put("huge-number", NODES.rawValueNode(new RawValue("1e309")));
                values.put("long-max-plus-one", NODES.rawValueNode(new RawValue("9223372036854775808")));
                values.put("long-min-minus-one", NODES.rawValueNode(new RawValue("-9223372036854775809")));
            }
            case "boolean" -> {
                values.put("wrong-type-string", NODES.stringNode("maybe"));
                values.put("wrong-type-array", NODES.arrayNode());
            }
            case "array" -> {
                values.put("wrong-type-string", NODES.stringNode("not-an-array"));
                values.put("wrong-type-object", NODES.objectNode());
                ArrayNode nulls = NODES.arrayNode();
                nulls.addNull();
                values.put("null-item", nulls);
            }
            case "object" -> {
                values.put("wrong-type-string", NODES.stringNode("not-an-object"));
                values.put("wrong-type-array", NODES.arrayNode());
            }
            default -> {
                // (a number is not "wrong" here: JSON binding coerces 12345 to "12345", as it may)
                values.put("wrong-type-object", NODES.objectNode());
                values.put("wrong-type-array", NODES.arrayNode());
                values.put("huge-string", NODES.stringNode("x".repeat(HUGE_STRING)));
                values.put("bad-utf8", NODES.stringNode("a" + BAD_UTF8_MARKER + "b"));
                if (SchemaExamples.isEnumeration(field.schema())) {
                    values.put("unknown-enum", NODES.stringNode("NOT_A_KNOWN_VALUE"));
                }
                switch (field.schema().path("format").asString("")) {
                    case "uuid" -> values.put("bad-uuid", NODES.stringNode("not-a-uuid"));
                    case "date-time" -> values.put("bad-date-time", NODES.stringNode("2026-02-30T25:61:00+09:00"));
                    case "email" -> values.put("bad-email", NODES.stringNode("not an email"));
                    default -> {
                    }
                }
            }
        }
        if (field.required()) {
            values.put("null", NODES.nullNode());
        }
        return values;
    }

    private static Map<String, String> badQueryValues(ApiDocument.Parameter parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (parameter.type()) {
            case "integer", "number" -> {
                values.put("wrong-type", "abc");
                values.put("huge-number", "1e309");
                values.put("long-max-plus-one", "9223372036854775808");
                values.put("negative", "-1");
                values.put("empty", "");
            }
            case "boolean" -> values.put("wrong-type", "maybe");
            default -> {
                values.put("unknown-enum", "NOT_A_KNOWN_VALUE");
                values.put("huge-string", "x".repeat(4000));
                values.put("bad-utf8", "%FF%FE%C3%28");
                if (parameter.format().equals("date-time") || parameter.format().equals("date")) {
                    values.put("bad-date-time", "2026-02-30T25%3A61%3A00%2B09%3A00");
                }
                if (parameter.format().equals("uuid")) {
                    values.put("bad-uuid", "not-a-uuid");
                }
            }
        }
        return values;
    }

    private static Map<String, String> badHeaderValues(ApiDocument.Parameter parameter) {
        if (parameter.name().equalsIgnoreCase("Authorization")) {
            return ordered("not-base64", "Basic !!!not-base64!!!", "huge", "Basic " + "A".repeat(4000));
        }
        return ordered("huge", "x".repeat(4000), "garbage", "not a valid value !@#$%^&*()", "blank", " ");
    }

    /** The operation's path with every parameter filled in: known ids, examples, or the given raw values. */
    private String path(ApiDocument.Operation operation, Map<String, String> raw) {
        String path = operation.path();
        for (ApiDocument.Parameter parameter : operation.in("path")) {
            String value = raw.containsKey(parameter.name()) ? raw.get(parameter.name())
                    : URLEncoder.encode(examples.parameterExample(parameter.name(), parameter.schema()), StandardCharsets.UTF_8);
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    /** A copy of {@code example} with the value at {@code path} replaced (or removed when {@code value} is null). */
    private static @Nullable JsonNode replace(JsonNode example, List<Object> path, @Nullable JsonNode value) {
        JsonNode copy = example.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
        }
        Object last = path.getLast();
        if (last instanceof Integer index && parent instanceof ArrayNode array && array.size() > index) {
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
            return copy;
        }
        if (last instanceof String name && parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
            return copy;
        }
        return null;
    }

    private static byte[] bytes(JsonNode body) {
        String text = Api.JSON.writeValueAsString(body);
        int marker = text.indexOf(BAD_UTF8_MARKER);
        if (marker < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, marker).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(BAD_UTF8);
        out.writeBytes(text.substring(marker + BAD_UTF8_MARKER.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Map<String, String> ordered(String... kindsAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndValues.length; i += 2) {
            map.put(kindsAndValues[i], kindsAndValues[i + 1]);
        }
        return map;
    }
}
