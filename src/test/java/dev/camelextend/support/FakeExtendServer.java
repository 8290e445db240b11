package dev.camelextend.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scriptable fake of the Extend API for the component's own tests: JDK HttpServer on 127.0.0.1, port 0. Answers
 * come from a queue of scripted {@link Reply replies} (consumed in order), else from a default handler. Every request
 * is recorded. Replies can be delayed without holding a server thread, can never answer, can drop the connection, can
 * stream a body that never ends or trickle one slowly (both end when the client goes away, the next test starts, or the
 * server closes). {@link #https(SSLContext)} serves the same over TLS. For bytes the JDK server cannot send (a status
 * line or header of our choosing) use {@link RawReplyServer}.
 */
public final class FakeExtendServer implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    /** A request as the server saw it; {@code target} is the request target as sent (absolute through a proxy). */
    public record Recorded(String method, String rawPath, Map<String, List<String>> headers, byte[] body,
                           String target) {
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

    /**
     * What to answer. {@code content} is the body (for {@link Mode#ENDLESS_BODY} the chunk sent over and over, for
     * {@link Mode#TRICKLE} the start of the body); {@code everyMillis} is the pace of a trickle.
     */
    public record Reply(int status, byte[] content, Map<String, String> headers, long delayMillis, Mode mode,
                        long everyMillis) {
        public enum Mode { ANSWER, NEVER_ANSWER, DROP_CONNECTION, ENDLESS_BODY, TRICKLE }

        /** The Content-Length a trickling answer declares and never reaches. */
        public static final long TRICKLE_LENGTH = 100_000;

        /** A text body, sent as UTF-8. */
        public Reply(int status, String body, Map<String, String> headers, long delayMillis, Mode mode) {
            this(status, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers, delayMillis, mode, 0);
        }

        /** The body as UTF-8 text, or null. */
        public String body() {
            return content == null ? null : new String(content, StandardCharsets.UTF_8);
        }

        /** Exactly these bytes as the body, with this Content-Type (none if null). */
        public static Reply bytes(int status, byte[] body, String contentType) {
            return new Reply(status, body, contentType == null ? Map.of() : Map.of("Content-Type", contentType), 0,
                    Mode.ANSWER, 0);
        }

        /** 200 with a chunked JSON body of {@code chunk} repeated without end (see {@link #bytesStreamed()}). */
        public static Reply endlessBody(String chunk) {
            return new Reply(200, chunk.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"),
                    0, Mode.ENDLESS_BODY, 0);
        }

        /**
         * 200 with JSON headers at once (Content-Length {@link #TRICKLE_LENGTH}), then {@code start}, then one space
         * every {@code everyMillis}: a socket read timeout never fires.
         */
        public static Reply trickle(String start, long everyMillis) {
            return new Reply(200, start.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"),
                    0, Mode.TRICKLE, everyMillis);
        }

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
            return new Reply(status, content, h, delayMillis, mode, everyMillis);
        }

        /** Answers after {@code millis} without holding a server thread (not for endless or trickling answers). */
        public Reply delayed(long millis) {
            return new Reply(status, content, headers, millis, mode, everyMillis);
        }
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService executor;
    private final ScheduledExecutorService delayer;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<HttpExchange> held = new CopyOnWriteArrayList<>();
    /** Bumped by every reset and by close: a streaming answer of an earlier generation stops. */
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicLong streamed = new AtomicLong();
    private volatile Function<Recorded, Reply> defaultHandler = r -> Reply.json(500,
            "{\"code\":\"INTERNAL_ERROR\",\"message\":\"no scripted reply\",\"retryable\":false}");

    public FakeExtendServer() {
        this(false, null);
    }

    /** The same fake over HTTPS, with the server certificate of {@code ssl}. */
    public static FakeExtendServer https(SSLContext ssl) {
        return new FakeExtendServer(true, ssl);
    }

    private FakeExtendServer(boolean tls, SSLContext ssl) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try {
            if (tls) {
                HttpsServer https = HttpsServer.create(address, 512);
                https.setHttpsConfigurator(new HttpsConfigurator(ssl));
                server = https;
            } else {
                server = HttpServer.create(address, 512);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheme = tls ? "https" : "http";
        executor = Executors.newFixedThreadPool(4);
        delayer = Executors.newSingleThreadScheduledExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
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

    /** Body bytes written by endless and trickling answers since the last reset. */
    public long bytesStreamed() {
        return streamed.get();
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
        generation.incrementAndGet();
        script.clear();
        requests.clear();
        streamed.set(0);
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
                Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRequestURI().toString());
        requests.add(recorded);
        Reply reply = script.poll();
        if (reply == null) {
            reply = defaultHandler.apply(recorded);
        }
        switch (reply.mode()) {
            case NEVER_ANSWER -> held.add(exchange);
            case DROP_CONNECTION -> exchange.close(); // closing before any response drops the connection
            case ENDLESS_BODY, TRICKLE -> stream(exchange, reply);
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
            byte[] bytes = reply.content() == null ? new byte[0] : reply.content();
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

    /** Writes an endless or trickling body in this handler thread until the client, a reset or close ends it. */
    private void stream(HttpExchange exchange, Reply reply) {
        int mine = generation.get();
        boolean trickle = reply.mode() == Reply.Mode.TRICKLE;
        try (OutputStream out = exchange.getResponseBody()) {
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), trickle ? Reply.TRICKLE_LENGTH : 0); // 0: chunked
            byte[] next = reply.content();
            while (generation.get() == mine) {
                out.write(next);
                out.flush();
                streamed.addAndGet(next.length);
                if (trickle) {
                    Thread.sleep(reply.everyMillis());
                    next = new byte[] { ' ' };
                }
            }
        } catch (IOException | InterruptedException stopped) {
            // the client went away, or the server is closing
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
        generation.incrementAndGet();
        releaseHeld();
        server.stop(0); // closes every connection: a blocked write of a streaming answer fails
        delayer.shutdownNow();
        executor.shutdownNow(); // interrupts a trickle between its bytes
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
