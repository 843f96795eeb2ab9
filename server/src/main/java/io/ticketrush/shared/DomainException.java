package io.ticketrush.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A domain failure with a stable machine-readable {@code code}. It is mapped once, by the
 * platform, to an RFC 9457 problem with the given HTTP status; extra properties become
 * members of the problem document (for example the seat ids that were unavailable).
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(404, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(409, code, detail);
    }

    public static DomainException badRequest(String code, String detail) {
        return new DomainException(400, code, detail);
    }
}
