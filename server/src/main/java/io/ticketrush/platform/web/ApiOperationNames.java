package io.ticketrush.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the OpenAPI document can learn from each handler method: a stable operation id
 * {@code <controller>.<method>} (unless {@code @Operation(operationId)} names one), the owning
 * module as tag (unless {@code @Tag} names one), a summary from the method name (unless
 * {@code @Operation(summary)} gives one), the roles of a {@code @PreAuthorize}, and real media types
 * instead of springdoc's {@code *}{@code /*} (JSON; {@code text/event-stream} for an {@link SseEmitter}).
 */
@Component
class ApiOperationNames implements GlobalOperationCustomizer {

    static final String ROLES = "x-roles";
    private static final String ANY = "*/*";
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        String method = handler.getMethod().getName();
        io.swagger.v3.oas.annotations.Operation declared = handler.getMethodAnnotation(
                io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(noun(type) + "." + method);
        }
        if (AnnotatedElementUtils.findMergedAnnotation(type, io.swagger.v3.oas.annotations.tags.Tag.class) == null) {
            operation.setTags(new ArrayList<>(List.of(module(type))));
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(sentence(method));
        }
        Set<String> roles = roles(handler);
        if (!roles.isEmpty()) {
            operation.addExtension(ROLES, new ArrayList<>(roles));
        }
        String produced = SseEmitter.class.isAssignableFrom(handler.getMethod().getReturnType())
                ? org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE
                : org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> replaceAny(response, produced));
        }
        if (operation.getRequestBody() != null) {
            replaceAny(operation.getRequestBody().getContent(), org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        }
        return operation;
    }

    private static void replaceAny(ApiResponse response, String produced) {
        replaceAny(response.getContent(), produced);
    }

    private static void replaceAny(Content content, String mediaType) {
        if (content != null && content.containsKey(ANY)) {
            MediaType any = content.remove(ANY);
            content.putIfAbsent(mediaType, any);
        }
    }

    /** {@code EventController} → {@code event}; {@code DevMailbox} → {@code devMailbox}. */
    static String noun(Class<?> type) {
        String name = type.getSimpleName().replaceFirst("Controller$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The module below io.ticketrush; the payment sandbox is its own tag. */
    static String module(Class<?> type) {
        String[] parts = type.getPackageName().split("\\.");
        if (parts.length > 3 && parts[3].equals("sandbox")) {
            return "sandbox-pg";
        }
        return parts.length > 2 ? parts[2] : type.getPackageName();
    }

    /** {@code confirmPayment} → {@code Confirm payment}. */
    static String sentence(String method) {
        String words = method.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The roles a {@code @PreAuthorize} names; the method's rule replaces the class's. */
    private static Set<String> roles(HandlerMethod handler) {
        Set<String> roles = new LinkedHashSet<>();
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule != null) {
            Matcher matcher = ROLE.matcher(rule.value());
            while (matcher.find()) {
                roles.add(matcher.group(1));
            }
        }
        return roles;
    }
}
