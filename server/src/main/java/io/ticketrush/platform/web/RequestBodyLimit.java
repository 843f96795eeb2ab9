package io.ticketrush.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A request body larger than {@code ticketrush.body-limit.max-size} (1 MB; per route in
 * {@code ticketrush.body-limit.routes}) is answered 413 {@code payload-too-large}: at once when its
 * {@code Content-Length} says so, and otherwise (chunked, or a length that lies) as soon as the
 * application has read one byte past the limit ({@link BodyTooLarge}, mapped by {@link ProblemResponses}).
 * Nothing is parsed, stored or changed for such a request.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter implements Ordered {

    private final long defaultLimit;
    private final List<Map.Entry<PathPattern, Long>> routes;

    RequestBodyLimit(BodyLimitSettings settings) {
        this.defaultLimit = settings.maxSize().toBytes();
        this.routes = settings.routes().entrySet().stream()
                .map(e -> Map.entry(PathPatternParser.defaultInstance.parse(e.getKey()), e.getValue().toBytes()))
                .toList();
    }

    long limitFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return routes.stream().filter(route -> route.getKey().matches(container)).map(Map.Entry::getValue).findFirst()
                .orElse(defaultLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"Payload too large","status":413,"code":"payload-too-large",\
                "maxBytes":%d,"detail":"The request body is larger than %d bytes"}""".formatted(limit, limit));
    }

    /** Before everything else, the front door included: an oversized body costs nothing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    /** Thrown by the counted stream once the body passes its limit. */
    static final class BodyTooLarge extends IOException {

        final long limit;

        BodyTooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
