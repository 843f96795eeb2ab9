package io.ticketrush.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests against the running server on its random port. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String body, Map<String, java.util.List<String>> headers, byte[] bytes) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).GET();
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** A web form's POST ({@code application/x-www-form-urlencoded}); a key with a list value is sent once per item. */
    public Response form(String path, String token, Map<String, ?> fields) {
        StringBuilder encoded = new StringBuilder();
        fields.forEach((name, value) -> {
            for (Object item : value instanceof java.util.Collection<?> many ? many : java.util.List.of(value)) {
                encoded.append(encoded.isEmpty() ? "" : "&")
                        .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(String.valueOf(item), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return send(request(path, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build());
    }

    public Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder builder = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public Response put(String path, String token, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String token, Object body, Map<String, String> headers) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder builder = request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            return new Response(response.statusCode(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                    response.headers().map(), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
