// Owns: the HTTP side: binding 127.0.0.1, the thread pool and the scheduler, reading each exchange into a
// SimRequest with a request ID, recording it in the journal, and answering it: at once, after the drawn latency,
// never (held open), or by resetting the connection. Also aborting held exchanges, and start/close.
package dev.camelextend.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.camelextend.simulator.SimSupport.ALNUM;
import static dev.camelextend.simulator.SimSupport.randomString;
import static dev.camelextend.simulator.SimSupport.threads;

/** The JDK HTTP server of one simulator; delayed and never-answered exchanges hold no thread. */
final class SimulatorServer {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendSimulator.class);
    private static volatile Boolean rstSupported;

    enum State {
        NEW,
        STARTED,
        CLOSED
    }

    private final int requestedPort;
    private final int httpThreads;
    private final Journal journal;
    private final SimulatorFaults faults;
    private final Function<SimRequest, Reply> decider;
    private final Random requestIdRandom;
    /** exchanges whose answer is delayed or never coming; completed or aborted exactly once */
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();
    private final Object lifecycleLock = new Object();
    private volatile State state = State.NEW;
    private HttpServer server;
    private ThreadPoolExecutor httpExecutor;
    private ScheduledThreadPoolExecutor scheduler;
    private volatile int port = -1;

    SimulatorServer(int requestedPort, int httpThreads, long seed, Journal journal, SimulatorFaults faults,
            Function<SimRequest, Reply> decider) {
        this.requestedPort = requestedPort;
        this.httpThreads = httpThreads;
        this.journal = journal;
        this.faults = faults;
        this.decider = decider;
        this.requestIdRandom = new Random(seed ^ 0x5DEECE66DL);
    }

    /** Binds and serves; IllegalStateException when started before or when the port cannot be bound. */
    void start() {
        synchronized (lifecycleLock) {
            if (state != State.NEW) {
                throw new IllegalStateException("ExtendSimulator can be started once; it is " + state);
            }
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort),
                        1024);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot bind 127.0.0.1:" + requestedPort + ": " + e.getMessage(), e);
            }
            int bound = server.getAddress().getPort();
            httpExecutor = new ThreadPoolExecutor(httpThreads, httpThreads, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(10_000), threads("extend-simulator-" + bound + "-http-"));
            scheduler = new ScheduledThreadPoolExecutor(1, threads("extend-simulator-" + bound + "-scheduler-"));
            scheduler.setRemoveOnCancelPolicy(true);
            server.createContext("/", this::handle);
            server.setExecutor(httpExecutor);
            server.start();
            port = bound;
            state = State.STARTED;
            LOG.debug("Extend simulator started on http://127.0.0.1:{}", bound);
        }
    }

    /** Aborts held exchanges, stops the server and ends its threads. Idempotent. */
    void close() {
        synchronized (lifecycleLock) {
            if (state != State.STARTED) {
                state = State.CLOSED;
                return;
            }
            state = State.CLOSED;
            scheduler.shutdownNow();
            abortHeld();
            server.stop(0);
            httpExecutor.shutdownNow();
            try {
                httpExecutor.awaitTermination(5, TimeUnit.SECONDS);
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("Extend simulator on port {} stopped", port);
        }
    }

    State state() {
        return state;
    }

    /** The bound port, or -1 before {@link #start()}. */
    int port() {
        return port;
    }

    int heldExchanges() {
        return held.size();
    }

    /** Closes every held exchange without an answer (the JDK server closes the connection). */
    void abortHeld() {
        for (HttpExchange ex : List.copyOf(held)) {
            if (held.remove(ex)) {
                ex.close();
            }
        }
    }

    private void handle(HttpExchange ex) {
        try {
            handleSafely(ex);
        } catch (RuntimeException | Error e) {
            LOG.warn("Extend simulator failed on {} {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
            ex.close();
        }
    }

    private void handleSafely(HttpExchange ex) {
        long seq = journal.arrived();
        Instant receivedAt = Instant.now();
        URI uri = ex.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        byte[] body;
        try {
            body = ex.getRequestBody().readAllBytes();
        } catch (IOException e) {
            LOG.debug("Extend simulator could not read request #{}: {}", seq, e.toString());
            ex.close();
            return;
        }
        SimRequest req = new SimRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT), uri.getRawPath(),
                uri.getRawQuery(), headers, body, newRequestId());
        Reply reply = decider.apply(req);
        Duration latency = reply.outcome() == RecordedRequest.Outcome.NEVER_ANSWERED ? null : faults.drawLatency();
        if (latency == null || !latency.isZero()) {
            held.add(ex); // before the journal entry, so reset() after seeing the entry aborts this exchange too
        }
        String decodedPath;
        try {
            decodedPath = uri.getPath();
        } catch (RuntimeException e) {
            decodedPath = uri.getRawPath();
        }
        journal.record(new RecordedRequest(seq, receivedAt, req.method(), req.rawPath(), decodedPath, req.rawQuery(),
                headers, body, reply.status(), req.requestId(), reply.outcome()));
        LOG.debug("Extend simulator #{} {} {} -> {} {} ({})", seq, req.method(), req.rawPath(), reply.status(),
                reply.outcome(), req.requestId());
        dispatch(ex, req, reply, latency);
    }

    /** @param latency null for never answering; a held exchange is already in {@link #held} */
    private void dispatch(HttpExchange ex, SimRequest req, Reply reply, Duration latency) {
        if (latency == null) {
            if (state != State.STARTED && held.remove(ex)) {
                ex.close();
            }
            return;
        }
        if (latency.isZero()) {
            complete(ex, req, reply);
            return;
        }
        try {
            scheduler.schedule(() -> {
                if (!held.remove(ex)) {
                    return; // aborted meanwhile
                }
                try {
                    httpExecutor.execute(() -> complete(ex, req, reply));
                } catch (RejectedExecutionException e) {
                    ex.close();
                }
            }, latency.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (held.remove(ex)) {
                ex.close();
            }
        }
    }

    private void complete(HttpExchange ex, SimRequest req, Reply reply) {
        if (reply.outcome() == RecordedRequest.Outcome.CONNECTION_RESET) {
            resetConnection(ex);
            return;
        }
        try {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", "application/json");
            h.set(ExtendSimulator.REQUEST_ID_HEADER, req.requestId());
            reply.headers().forEach(h::set);
            byte[] body = reply.body();
            boolean noBody = body.length == 0 || "HEAD".equals(req.method()) || reply.status() == 204
                    || reply.status() == 304;
            ex.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("Extend simulator could not answer {} {}: {}", req.method(), req.rawPath(), e.toString());
        } finally {
            ex.close();
        }
    }

    /**
     * Closes the connection without an answer. With {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}
     * SO_LINGER is set to 0 first so the peer gets a TCP RST; otherwise the JDK server closes with a FIN.
     */
    private static void resetConnection(HttpExchange ex) {
        if (!Boolean.FALSE.equals(rstSupported)) {
            try {
                Field impl = ex.getClass().getDeclaredField("impl");
                impl.setAccessible(true);
                Object exchangeImpl = impl.get(ex);
                Field conn = exchangeImpl.getClass().getDeclaredField("connection");
                conn.setAccessible(true);
                Object connection = conn.get(exchangeImpl);
                Method channel = connection.getClass().getDeclaredMethod("getChannel");
                channel.setAccessible(true);
                ((SocketChannel) channel.invoke(connection)).setOption(StandardSocketOptions.SO_LINGER, 0);
                rstSupported = Boolean.TRUE;
            } catch (ReflectiveOperationException | RuntimeException | IOException e) {
                if (rstSupported == null) {
                    LOG.debug("Extend simulator closes reset connections with FIN (no TCP RST): {}", e.toString());
                }
                rstSupported = Boolean.FALSE;
            }
        }
        ex.close();
    }

    private String newRequestId() {
        synchronized (requestIdRandom) {
            return "req_" + randomString(requestIdRandom, ALNUM, 20);
        }
    }
}
