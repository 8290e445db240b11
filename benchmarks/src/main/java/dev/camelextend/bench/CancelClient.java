package dev.camelextend.bench;

import java.util.concurrent.CompletableFuture;

import dev.camelextend.model.WorkflowRun;

/**
 * One way of cancelling a workflow run: the future completes with the parsed run, or fails. Implementations:
 * {@link ComponentClient} (a), {@link CamelHttpClient} (b), {@link PlainClient} (c).
 */
public interface CancelClient extends AutoCloseable {

    /** The API key every client sends; the stub does not check it. */
    String API_KEY = "bench-key";
    String API_VERSION = "2026-02-09";

    /** Short label used in tables: {@code a}, {@code b} or {@code c}. */
    String label();

    CompletableFuture<WorkflowRun> cancel(String runId);

    @Override
    void close();

    /** Builds a client against {@code baseUrl}, able to keep {@code concurrency} requests in flight. */
    static CancelClient create(String label, String baseUrl, int concurrency) {
        return switch (label) {
            case "a" -> ComponentClient.create(baseUrl, Math.max(concurrency, 200));
            case "b" -> CamelHttpClient.create(baseUrl, concurrency, Math.max(concurrency, 200));
            case "c" -> PlainClient.create(baseUrl, Math.max(concurrency, 200));
            default -> throw new IllegalArgumentException("client a, b or c, not " + label);
        };
    }

    static String describe(String label) {
        return switch (label) {
            case "a" -> "extend:cancelRun via ProducerTemplate (async)";
            case "b" -> "camel-http route + unmarshal().json";
            case "c" -> "HttpClient 5 async + Jackson (no Camel)";
            default -> label;
        };
    }
}
