package io.ticketrush.platform.corpus;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One malformed request: which operation it targets, what is wrong with it ({@code kind}, e.g.
 * {@code body.price:huge-number}), and the request itself. {@code body} null = no body;
 * {@code contentType} null = no Content-Type header.
 */
record Probe(ApiDocument.Operation operation, String kind, String method, String target, Map<String, String> headers,
        byte @Nullable [] body, @Nullable String contentType, boolean heavy) {

    @Override
    public String toString() {
        return operation + " [" + kind + "] " + method + " " + abbreviate(target);
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + " chars)";
    }
}
