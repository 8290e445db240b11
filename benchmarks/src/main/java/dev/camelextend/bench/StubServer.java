package dev.camelextend.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;

/**
 * A minimal, fast loopback stand-in for Extend's cancel endpoint: {@code POST /workflow_runs/{id}/cancel} answers 200
 * with the {@code workflow-run-cancelled.json} fixture as run {@code id} (the component checks that an answer is the
 * run it asked for). Path segments before {@code workflow_runs} select a behaviour,
 * so a client's {@code baseUrl} picks it:
 * <ul>
 * <li>{@code /delay/{ms}/...} answers after {@code ms} milliseconds - the answer is scheduled, no thread waits;</li>
 * <li>{@code /fail-first/...} answers 503 to the first request for each run ID, 200 afterwards;</li>
 * <li>{@code /ratelimit/{perSecond}/...} answers at most that many requests in any sliding second, and 429 with
 * {@code Retry-After: 1} beyond (rejected requests do not count).</li>
 * </ul>
 * {@code GET /_stats} returns counters as JSON; {@code POST /_reset} zeroes them. Two engines: HttpCore 5's async
 * server (the default, non-blocking) and the JDK's {@code HttpServer} (for comparison; it cannot delay without a
 * thread, so it only serves the plain mode).
 */
public final class StubServer implements AutoCloseable {

    public enum Engine { HTTPCORE, JDK }

    static final byte[] FIXTURE = fixture();
    /** The fixture around its top-level run ID, so an answer names the run asked for without a copy of the JSON. */
    private static final String FIXTURE_RUN_ID = "workflow_run_xKm9pNv3qWsY_jL2tR5Dh";
    private static final byte[] FIXTURE_HEAD = head(FIXTURE, FIXTURE_RUN_ID);
    private static final byte[] FIXTURE_TAIL = tail(FIXTURE, FIXTURE_RUN_ID);
    private static final byte[] UNAVAILABLE = "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"try again\",\"retryable\":true}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RATE_LIMITED = "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"retryable\":true}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "{\"code\":\"NOT_FOUND\",\"message\":\"no such path\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final Engine engine;
    private final int port;
    private final HttpAsyncServer httpcore;
    private final HttpServer jdk;
    private final ScheduledExecutorService delays;

    private final LongAdder requests = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder status429 = new LongAdder();
    private final LongAdder status503 = new LongAdder();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    private StubServer(Engine engine, int requestedPort, int ioThreads) throws Exception {
        this.engine = engine;
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort);
        if (engine == Engine.HTTPCORE) {
            delays = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stub-delay");
                t.setDaemon(true);
                return t;
            });
            IOReactorConfig.Builder reactor = IOReactorConfig.custom().setTcpNoDelay(true).setSoReuseAddress(true)
                    .setBacklogSize(4096);
            if (ioThreads > 0) {
                reactor.setIoThreadCount(ioThreads);
            }
            httpcore = AsyncServerBootstrap.bootstrap()
                    .setIOReactorConfig(reactor.build())
                    .setCanonicalHostName("127.0.0.1") // else requests to 127.0.0.1 get 421 Misdirected Request
                    .register("*", new Handler())
                    .create();
            httpcore.start();
            ListenerEndpoint endpoint = httpcore.listen(bind, URIScheme.HTTP).get();
            port = ((InetSocketAddress) endpoint.getAddress()).getPort();
            jdk = null;
        } else {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            delays = null;
            httpcore = null;
            jdk = HttpServer.create(bind, 4096);
            jdk.createContext("/", this::handleJdk);
            jdk.start(); // no executor: the dispatcher thread answers, the fastest setup for a trivial handler
            port = jdk.getAddress().getPort();
        }
    }

    /** Starts a stub on 127.0.0.1; port 0 picks a free one; ioThreads 0 means one per core. */
    public static StubServer start(Engine engine, int port, int ioThreads) throws Exception {
        return new StubServer(engine, port, ioThreads);
    }

    public static StubServer start() throws Exception {
        return start(Engine.HTTPCORE, 0, 0);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Engine engine() {
        return engine;
    }

    public Stats stats() {
        return new Stats(requests.sum(), ok.sum(), status429.sum(), status503.sum());
    }

    public void reset() {
        requests.reset();
        ok.reset();
        status429.reset();
        status503.reset();
        seen.clear();
        synchronized (window) {
            window.clear();
        }
    }

    /** Counters since the last reset. */
    public record Stats(long requests, long ok, long status429, long status503) {
        String toJson() {
            return "{\"requests\":" + requests + ",\"ok\":" + ok + ",\"status429\":" + status429 + ",\"status503\":"
                   + status503 + "}";
        }

        static Stats parse(String json) {
            return new Stats(num(json, "requests"), num(json, "ok"), num(json, "status429"), num(json, "status503"));
        }

        private static long num(String json, String key) {
            int i = json.indexOf("\"" + key + "\":") + key.length() + 3;
            int j = i;
            while (j < json.length() && Character.isDigit(json.charAt(j))) {
                j++;
            }
            return Long.parseLong(json.substring(i, j));
        }
    }

    /** What to answer: status, body, extra header, and how long to wait first. */
    private record Answer(int status, byte[] body, String retryAfter, long delayMillis) {
    }

    private Answer decide(String method, String path) {
        if (path.equals("/_stats")) {
            return new Answer(200, stats().toJson().getBytes(StandardCharsets.UTF_8), null, 0);
        }
        if (path.equals("/_reset")) {
            reset();
            return new Answer(200, "{}".getBytes(StandardCharsets.UTF_8), null, 0);
        }
        requests.increment();
        int runs = path.indexOf("/workflow_runs/");
        if (runs < 0 || !"POST".equals(method) || !path.endsWith("/cancel")) {
            return new Answer(404, NOT_FOUND, null, 0);
        }
        long delay = 0;
        boolean failFirst = false;
        int rateLimit = 0;
        String[] options = path.substring(0, runs).split("/");
        for (int i = 0; i < options.length; i++) {
            switch (options[i]) {
                case "delay" -> delay = Long.parseLong(options[++i]);
                case "fail-first" -> failFirst = true;
                case "ratelimit" -> rateLimit = Integer.parseInt(options[++i]);
                default -> {
                }
            }
        }
        String runId = path.substring(runs + "/workflow_runs/".length(), path.length() - "/cancel".length());
        if (failFirst) {
            if (seen.add(runId)) {
                status503.increment();
                return new Answer(503, UNAVAILABLE, null, delay);
            }
        }
        if (rateLimit > 0 && !admit(rateLimit)) {
            status429.increment();
            return new Answer(429, RATE_LIMITED, "1", delay);
        }
        ok.increment();
        return new Answer(200, runAnswer(runId), null, delay);
    }

    /** Sliding one-second window of admitted requests. */
    private boolean admit(int perSecond) {
        long now = System.nanoTime();
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) {
                window.pollFirst();
            }
            if (window.size() >= perSecond) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    private final class Handler implements AsyncServerRequestHandler<Message<HttpRequest, Void>> {
        @Override
        public AsyncRequestConsumer<Message<HttpRequest, Void>> prepare(HttpRequest request, EntityDetails entity,
                                                                        HttpContext context) {
            return new BasicRequestConsumer<>(entity == null ? null : new DiscardingEntityConsumer<>());
        }

        @Override
        public void handle(Message<HttpRequest, Void> message, ResponseTrigger trigger, HttpContext context) {
            HttpRequest request = message.getHead();
            String path = request.getPath();
            int q = path.indexOf('?');
            Answer answer = decide(request.getMethod(), q < 0 ? path : path.substring(0, q));
            Runnable respond = () -> {
                try {
                    AsyncResponseBuilder response = AsyncResponseBuilder.create(answer.status())
                            .setEntity(AsyncEntityProducers.create(answer.body(), ContentType.APPLICATION_JSON));
                    if (answer.retryAfter() != null) {
                        response.setHeader("Retry-After", answer.retryAfter());
                    }
                    trigger.submitResponse(response.build(), context);
                } catch (Exception e) {
                    // the client went away; nothing to answer
                }
            };
            if (answer.delayMillis() > 0) {
                delays.schedule(respond, answer.delayMillis(), TimeUnit.MILLISECONDS);
            } else {
                respond.run();
            }
        }
    }

    private void handleJdk(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            Answer answer = decide(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        if (httpcore != null) {
            httpcore.close(CloseMode.IMMEDIATE);
            delays.shutdownNow();
        }
        if (jdk != null) {
            jdk.stop(0);
        }
    }

    /** The fixture with {@code runId} as its top-level ID. */
    static byte[] runAnswer(String runId) {
        byte[] id = runId.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[FIXTURE_HEAD.length + id.length + FIXTURE_TAIL.length];
        System.arraycopy(FIXTURE_HEAD, 0, body, 0, FIXTURE_HEAD.length);
        System.arraycopy(id, 0, body, FIXTURE_HEAD.length, id.length);
        System.arraycopy(FIXTURE_TAIL, 0, body, FIXTURE_HEAD.length + id.length, FIXTURE_TAIL.length);
        return body;
    }

    private static byte[] head(byte[] fixture, String id) {
        String text = new String(fixture, StandardCharsets.UTF_8);
        return text.substring(0, topLevelId(text, id)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tail(byte[] fixture, String id) {
        String text = new String(fixture, StandardCharsets.UTF_8);
        return text.substring(topLevelId(text, id) + id.length()).getBytes(StandardCharsets.UTF_8);
    }

    private static int topLevelId(String text, String id) {
        int at = text.indexOf("\"id\": \"" + id + "\"");
        if (at < 0) {
            throw new IllegalStateException("the fixture's top-level id is not " + id);
        }
        return at + "\"id\": \"".length();
    }

    private static byte[] fixture() {
        try (InputStream in = StubServer.class.getResourceAsStream("/workflow-run-cancelled.json")) {
            if (in == null) {
                throw new IllegalStateException("workflow-run-cancelled.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a stub as its own process: {@code StubServer [httpcore|jdk] [ioThreads]}. Prints {@code STUB_PORT=n}, then
     * serves until its standard input closes (so it dies with the process that started it).
     */
    public static void main(String[] args) throws Exception {
        Engine engine = args.length > 0 ? Engine.valueOf(args[0].toUpperCase()) : Engine.HTTPCORE;
        int ioThreads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (StubServer stub = start(engine, 0, ioThreads)) {
            System.out.println("STUB_PORT=" + stub.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // wait for the parent to close our stdin
            }
        }
        System.exit(0);
    }
}
