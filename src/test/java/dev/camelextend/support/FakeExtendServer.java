package dev.camelextend.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scriptable fake of the Extend API for the component's own tests: JDK HttpServer on 127.0.0.1, port 0. Answers
 * come from a queue of scripted {@link Reply replies} (consumed in order), else from a default handler. Every request
 * is recorded. Replies can be delayed without holding a server thread, can never answer, or can drop the connection.
 */
public final class FakeExtendServer implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    /** A request as the server saw it. */
    public record Recorded(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }

        /** The run the path names ({@code /workflow_runs/{id}} or {@code .../cancel}), or null. */
        public String runId() {
            String prefix = "/workflow_runs/";
            int at = rawPath.indexOf(prefix);
            if (at < 0) {
                return null;
            }
            String rest = rawPath.substring(at + prefix.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }

        public boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
        }
    }

    /** What to answer. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis, Mode mode) {
        public enum Mode { ANSWER, NEVER_ANSWER, DROP_CONNECTION }

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), 0, Mode.ANSWER);
        }

        /** A fixture run answered as the run the request names, as Extend would. */
        public static Reply runFor(Recorded request, String fixture) {
            String json = FakeExtendServer.fixture(fixture);
            String fixtureId = json.substring(json.indexOf("\"id\": \"") + 7, json.indexOf('"', json.indexOf("\"id\": \"") + 7));
            return json(200, json.replace(fixtureId, request.runId()));
        }

        public static Reply text(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "text/plain"), 0, Mode.ANSWER);
        }

        public static Reply neverAnswer() {
            return new Reply(0, null, Map.of(), 0, Mode.NEVER_ANSWER);
        }

        public static Reply dropConnection() {
            return new Reply(0, null, Map.of(), 0, Mode.DROP_CONNECTION);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMillis, mode);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, headers, millis, mode);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService delayer;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<HttpExchange> held = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> defaultHandler = r -> Reply.json(500,
            "{\"code\":\"INTERNAL_ERROR\",\"message\":\"no scripted reply\",\"retryable\":false}");

    public FakeExtendServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(4);
        delayer = Executors.newSingleThreadScheduledExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Queue replies, answered in order before the default handler is used again. */
    public FakeExtendServer enqueue(Reply... replies) {
        Collections.addAll(script, replies);
        return this;
    }

    /** The answer when no scripted reply is queued. */
    public FakeExtendServer otherwise(Function<Recorded, Reply> handler) {
        this.defaultHandler = handler;
        return this;
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** As a JUnit extension ({@code @RegisterExtension} on a static field): every test starts with no script. */
    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    /** As a JUnit extension: the server stops with its test class. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public void reset() {
        script.clear();
        requests.clear();
        releaseHeld();
    }

    /** A fixture file from src/test/resources/fixtures as text. */
    public static String fixture(String name) {
        try (InputStream in = FakeExtendServer.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(recorded);
        Reply reply = script.poll();
        if (reply == null) {
            reply = defaultHandler.apply(recorded);
        }
        switch (reply.mode()) {
            case NEVER_ANSWER -> held.add(exchange);
            case DROP_CONNECTION -> exchange.close(); // closing before any response drops the connection
            default -> {
                if (reply.delayMillis() > 0) {
                    Reply r = reply;
                    delayer.schedule(() -> send(exchange, r), reply.delayMillis(), TimeUnit.MILLISECONDS);
                } else {
                    send(exchange, reply);
                }
            }
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try {
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        } finally {
            exchange.close();
        }
    }

    private void releaseHeld() {
        for (HttpExchange e : held) {
            e.close();
        }
        held.clear();
    }

    @Override
    public void close() {
        releaseHeld();
        server.stop(0);
        delayer.shutdownNow();
        executor.shutdownNow();
    }
}
