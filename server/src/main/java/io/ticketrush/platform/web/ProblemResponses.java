package io.ticketrush.platform.web;

import io.ticketrush.shared.DomainException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to an RFC 9457 problem document with a stable {@code code}. Domain
 * failures carry their own code; framework failures get one by kind; anything unexpected is a
 * 500 {@code internal-error} with no internals in the body.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemResponses.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(e.status()), e.getMessage());
        problem.setTitle(titleFor(e.code()));
        problem.setProperty("code", e.code());
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.properties().get("retryAfterSeconds") instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        return problem(problem, headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "Bad parameter", "bad-parameter",
                "Parameter '%s' has an invalid value".formatted(e.getName()));
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "invalid value")));
        return problem(problem, new HttpHeaders());
    }

    /** A query parameter that is not valid UTF-8 (Tomcat reports it when the parameters are first read). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(Exception e) {
        return problem(detail(HttpStatus.BAD_REQUEST, "Bad parameter", "bad-parameter",
                "A request parameter is not valid UTF-8"), new HttpHeaders());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "Validation failed", "validation-failed",
                "The request has invalid fields");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList());
        return problem(problem, new HttpHeaders());
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lockFailure(PessimisticLockingFailureException e) {
        ProblemDetail problem = detail(HttpStatus.CONFLICT, "Busy", "busy",
                "The resource is busy; try again");
        return problem(problem, new HttpHeaders());
    }

    /** Every database connection is busy: answer at once and let the client retry, no stack trace per request. */
    @ExceptionHandler({org.springframework.jdbc.CannotGetJdbcConnectionException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> poolExhausted(org.springframework.core.NestedRuntimeException e) {
        log.warn("No database connection available in time: " + e.getMostSpecificCause().getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problem(detail(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "busy", "The server is busy; try again in a moment"), headers);
    }

    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> transientFailure(TransientDataAccessException e) {
        log.warn("Transient data access failure", e);
        ProblemDetail problem = detail(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "unavailable",
                "Temporarily unavailable; try again");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problem(problem, headers);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Rejected a write that violates a constraint: " + e.getMostSpecificCause().getMessage());
        ProblemDetail problem = detail(HttpStatus.CONFLICT, "Conflict", "conflict",
                "The request conflicts with existing data");
        return problem(problem, new HttpHeaders());
    }

    @ExceptionHandler(org.springframework.security.authorization.AuthorizationDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Exception e) {
        ProblemDetail problem = detail(HttpStatus.FORBIDDEN, "Forbidden", "forbidden",
                "Your role does not allow this");
        return problem(problem, new HttpHeaders());
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(Exception e) {
        return denied(e);
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(Exception e) {
        ProblemDetail problem = detail(HttpStatus.UNAUTHORIZED, "Unauthenticated", "unauthenticated",
                "Sign in first");
        return problem(problem, new HttpHeaders());
    }

    /**
     * PostgreSQL or Redis went away in the middle of a request (a restart, a failover, a reset
     * connection): nothing was committed, so the client may retry — 503 {@code unavailable}, not a 500.
     * Failures of the stores that are not a lost connection stay 500s.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.TransactionSystemException.class,
            org.springframework.data.redis.RedisSystemException.class})
    ResponseEntity<ProblemDetail> storeUnreachable(RuntimeException e) {
        if (!StoreFailures.connectionLost(e)) {
            return unexpected(e);
        }
        log.warn("A store connection was lost during a request: " + StoreFailures.rootMessage(e));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "2");
        return problem(detail(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "unavailable",
                "Temporarily unavailable; try again"), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail problem = detail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "internal-error",
                "Something went wrong on our side");
        return problem(problem, new HttpHeaders());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "Validation failed", "validation-failed",
                "The request has invalid fields");
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        problem.setProperty("errors", errors);
        return asObject(problem(problem, new HttpHeaders()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "Validation failed", "validation-failed",
                "The request has invalid parameters");
        problem.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList());
        return asObject(problem(problem, new HttpHeaders()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                ProblemDetail problem = detail(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "payload-too-large",
                        tooLarge.getMessage());
                problem.setProperty("maxBytes", tooLarge.limit);
                return asObject(problem(problem, new HttpHeaders()));
            }
        }
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "Malformed request", "malformed-request",
                "The request body is missing or is not valid JSON of the expected shape");
        return asObject(problem(problem, new HttpHeaders()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(statusCode.value()));
        }
        return response;
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    private static String titleFor(String code) {
        String spaced = code.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ProblemDetail detail(HttpStatus status, String title, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
