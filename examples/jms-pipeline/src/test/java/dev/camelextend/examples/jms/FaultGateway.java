package dev.camelextend.examples.jms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A forwarding HTTP proxy in front of the Extend simulator that answers 503 for every request about a "poisoned" run:
 * the simulator's faults are random, this makes some runs fail on every attempt, so their requests must end in the
 * dead-letter queue. A connection the simulator drops is dropped here too.
 */
final class FaultGateway implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "date");

    private final String target;
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final AtomicLong poisonedAnswers = new AtomicLong();
    private final HttpClient client;
    private final ExecutorService executor;
    private final HttpServer server;

    FaultGateway(String target) throws IOException {
        this.target = target;
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fault-gateway");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request whose path names this run gets a 503 from now on. */
    void poison(String runId) {
        poisoned.add(runId);
    }

    long poisonedAnswers() {
        return poisonedAnswers.get();
    }

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            String[] segments = path.split("/");
            if (segments.length >= 3 && poisoned.contains(segments[2])) {
                poisonedAnswers.incrementAndGet();
                byte[] body = ("{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"poisoned run " + segments[2]
                               + "\",\"retryable\":true}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(503, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
                return;
            }
            byte[] requestBody = ex.getRequestBody().readAllBytes();
            String query = ex.getRequestURI().getRawQuery();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(ex.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                return; // the simulator dropped the connection: drop this one too (closed without an answer)
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] body = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
