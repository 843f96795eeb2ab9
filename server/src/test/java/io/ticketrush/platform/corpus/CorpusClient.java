package io.ticketrush.platform.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/** Sends probes to the running server as raw HTTP/1.1 requests, a few at a time, and keeps every answer. */
final class CorpusClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    CorpusClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Who sends a probe: a role name and its bearer token (null: anonymous). */
    record Sender(String role, @Nullable String token) {
    }

    /** A probe sent as someone, and what came back ({@code status} -1: no answer, see {@code body}). */
    record Answer(Probe probe, String role, int status, String contentType, String body) {

        @Override
        public String toString() {
            return probe + " as " + role + " → " + status + " " + contentType + " " + Probe.abbreviate(body);
        }
    }

    record Send(Probe probe, Sender sender) {
    }

    List<Answer> sendAll(List<Send> sends, int parallel) {
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Send send : sends) {
                futures.add(pool.submit(() -> send(send.probe(), send.sender())));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    Answer send(Probe probe, Sender sender) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + probe.target())).timeout(TIMEOUT)
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (sender.token() != null && !probe.headers().containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + sender.token());
        }
        probe.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(probe, sender.role(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(probe, sender.role(), -1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
