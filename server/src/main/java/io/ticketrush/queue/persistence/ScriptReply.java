package io.ticketrush.queue.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a waiting-room Lua script answers: a flat list of name, value, name, value... read by
 * name, never by index. A name may repeat (the fans one gatekeeper step admitted): {@link #all}
 * returns its values in order. Redis turns Lua numbers into integers and strings into strings.
 */
final class ScriptReply {

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();

    private ScriptReply() {
    }

    static ScriptReply of(@Nullable List<?> reply) {
        if (reply == null || reply.size() % 2 != 0) {
            throw new IllegalStateException("A waiting-room script answered without name/value pairs: " + reply);
        }
        ScriptReply r = new ScriptReply();
        for (int i = 0; i < reply.size(); i += 2) {
            String name = (String) reply.get(i);
            Object value = reply.get(i + 1);
            r.values.put(name, value);
            r.repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(String.valueOf(value));
        }
        return r;
    }

    long number(String name) {
        Object value = required(name);
        return value instanceof Number n ? n.longValue() : Long.parseLong((String) value);
    }

    /** The value, or null when the script left it out or sent ''. */
    @Nullable String text(String name) {
        Object value = values.get(name);
        return value == null || "".equals(value) ? null : value.toString();
    }

    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    /** The values whose name starts with {@code prefix}, by the rest of the name. */
    Map<String, String> under(String prefix) {
        Map<String, String> found = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), value.toString());
            }
        });
        return found;
    }

    private Object required(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("A waiting-room script answered without " + name + ": " + values.keySet());
        }
        return value;
    }
}
