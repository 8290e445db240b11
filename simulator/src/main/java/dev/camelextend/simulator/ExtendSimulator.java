package dev.camelextend.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory HTTP fake of Extend's workflow-run API, version {@value #API_VERSION}, on the JDK HTTP server, bound to
 * 127.0.0.1.
 *
 * <pre>{@code
 * try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test").build().start()) {
 *     String runId = sim.seedRun("PROCESSING");
 *     // point the client at sim.baseUrl() with sim.apiKey() ...
 *     sim.faults().latency(Duration.ofMillis(200)).serverErrorRate(0.1);
 *     assertEquals("CANCELLED", sim.status(runId));
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 * <ul>
 * <li>{@code POST /workflow_runs} (run workflow; the run follows the lifecycle below),</li>
 * <li>{@code POST /workflow_runs/batch} (returns {@code {"batchId"}}),</li>
 * <li>{@code GET /workflow_runs/{id}}, {@code POST /workflow_runs/{id}} (update: metadata merged),
 * {@code DELETE /workflow_runs/{id}} (returns {@code {"id"}}),</li>
 * <li>{@code GET /workflow_runs} (list: filters {@code status}, {@code workflowId}, {@code batchId},
 * {@code fileNameContains}; {@code sortBy} updatedAt|createdAt, {@code sortDir} desc|asc, {@code maxPageSize} 1..1000
 * default 10, cursor {@code nextPageToken}; answer {@code {"object":"list","data":[WorkflowRunSummary],
 * "nextPageToken":"..."}}, the token left out on the last page),</li>
 * <li>{@code POST /workflow_runs/{id}/cancel} (empty body or a JSON object such as {@code {}}).</li>
 * </ul>
 *
 * <h2>Rules, as Extend applies them</h2>
 * <ul>
 * <li>{@code Authorization: Bearer <apiKey>} is required: else 401 {@code UNAUTHORIZED};</li>
 * <li>{@code x-extend-api-version: 2026-02-09} is required: missing or another value gives 400
 * {@code INVALID_REQUEST};</li>
 * <li>unknown run: 404 {@code NOT_FOUND} "Workflow run not found";</li>
 * <li>cancel of a run that is not PENDING or PROCESSING (CANCELLING included): refused with {@code INVALID_REQUEST}
 * and the status of {@link Builder#cancelRefusalStatus(int)} (400 by default; 409 or 422 selectable, since Extend
 * does not document it);</li>
 * <li>every error body is the flat 2026-02-09 shape {@code {"code","message","retryable","requestId"}} (plus
 * {@code docUrl} on request validation errors), and every answer has an {@code x-extend-request-id} header equal to
 * the body's {@code requestId}.</li>
 * </ul>
 *
 * <h2>Run lifecycle</h2>
 * Runs created through the API or {@link #createRun(String, Map)} are PENDING for {@link Builder#pendingDuration}
 * (zero by default: the create answer already says PROCESSING, as the SDK documents), PROCESSING for
 * {@link Builder#processingDuration} (10 s), then take their outcome: {@link Builder#defaultOutcome} (PROCESSED),
 * {@link #setOutcome(String, String)}, or the metadata key {@value #OUTCOME_METADATA_KEY} sent at creation (PROCESSED,
 * FAILED or NEEDS_REVIEW). A cancel moves a PENDING/PROCESSING run to CANCELLING and after {@link #cancelDelay} to
 * CANCELLED; with a zero delay (the default) the cancel answer already says CANCELLED. Seeded runs
 * ({@link #seedRun(String)}) stay in their status until cancelled. Time is the {@link SimulatorClock}: a manual clock by
 * default, so nothing moves until {@code clock().advance(...)}.
 *
 * <h2>Faults</h2>
 * {@link #faults()} switches latency, 5xx, connection resets, never-answered requests, malformed bodies and a rate
 * limit at run time; {@link #respondNext(int, String, Map)}, {@link #resetNext()} and {@link #neverAnswerNext()} queue
 * one-shot answers. Delayed and never-answered exchanges hold no thread: the handler returns and a scheduler completes
 * the exchange later.
 * <p>
 * <b>Connection reset, as measured on JDK 17.</b> Closing an {@link HttpExchange} before
 * {@code sendResponseHeaders} makes the JDK server close the TCP connection with an orderly FIN and no byte of
 * response: Java's HttpClient throws {@code IOException: HTTP/1.1 header parser received no bytes} (and silently sends
 * an idempotent GET once more on a new connection, so the journal shows it twice), curl says "Empty reply from server"
 * (exit 52), Node's fetch fails with {@code UND_ERR_SOCKET} "other side closed". A real TCP RST needs
 * {@code SO_LINGER=0} on the socket, which {@code com.sun.net.httpserver} does not expose: the simulator sets it by
 * reflection when the JVM runs with {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}, and then
 * clients see "Connection reset by peer" (curl exit 56, Node {@code ECONNRESET}; Java's message stays the same).
 *
 * <h2>Threads</h2>
 * A fixed pool of {@link Builder#httpThreads} (4) daemon threads ({@code extend-simulator-PORT-http-N}) serves
 * requests and one scheduler thread ({@code extend-simulator-PORT-scheduler-1}) times delayed answers.
 * {@link #close()} aborts every held exchange, stops the server and ends all of these threads.
 */
public final class ExtendSimulator implements AutoCloseable {

    /** The API version the simulator implements and requires in {@value #API_VERSION_HEADER}. */
    public static final String API_VERSION = "2026-02-09";
    public static final String API_VERSION_HEADER = "x-extend-api-version";
    /** Response header carrying the request ID on every answer. */
    public static final String REQUEST_ID_HEADER = "x-extend-request-id";
    public static final String DEFAULT_API_KEY = "sk_test_extend_simulator";
    /** The workflow of seeded runs ("Invoice Processing", as in Extend's docs). */
    public static final String DEFAULT_WORKFLOW_ID = "workflow_BMlfq_yWM3sT-ZzvCnA3f";
    /** Metadata key that picks the final status of a run created over HTTP. */
    public static final String OUTCOME_METADATA_KEY = "simulator:outcome";
    /** Every run status of the 2026-02-09 API. */
    public static final List<String> RUN_STATUSES = List.of("PENDING", "PROCESSING", "NEEDS_REVIEW", "REJECTED",
            "PROCESSED", "FAILED", "CANCELLED", "CANCELLING");
    static final List<String> OUTCOMES = List.of("PROCESSED", "FAILED", "NEEDS_REVIEW");

    private static final Logger LOG = LoggerFactory.getLogger(ExtendSimulator.class);

    static {
        // The JDK server writes the response head and body as two TCP segments; with Nagle's algorithm on and the
        // client delaying its ACK, every answer then stalls ~40 ms. TCP_NODELAY avoids that. The JDK reads this
        // property once, when the first HttpServer of the JVM is created; an explicit setting is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String DOC_URL = "https://docs.extend.ai/2026-02-09/developers/error-codes";
    private static final int MAX_PAGE_SIZE = 1000;
    private static final int DEFAULT_PAGE_SIZE = 10;

    private enum State {
        NEW,
        STARTED,
        CLOSED
    }

    // ---- configuration ----
    private final String apiKey;
    private final int requestedPort;
    private final int httpThreads;
    private final int journalCapacity;
    private final SimulatorClock clock;
    private final SimulatorFaults faults;
    private final Map<String, String> workflowNames = new ConcurrentHashMap<>();
    private volatile int cancelRefusalStatus;
    private volatile Duration cancelDelay;
    private volatile Duration pendingDuration;
    private volatile Duration processingDuration;
    private volatile String defaultOutcome;

    // ---- state ----
    private final Map<String, SimRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger seedCounter = new AtomicInteger();
    private final Random idRandom;
    private final Random requestIdRandom;
    private final ArrayDeque<RecordedRequest> journal = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong requestCount = new AtomicLong();
    private final Queue<Reply> scripted = new ConcurrentLinkedQueue<>();
    /** exchanges whose answer is delayed or never coming; completed or aborted exactly once */
    private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();
    private final Object lifecycleLock = new Object();
    private volatile State state = State.NEW;
    private HttpServer server;
    private ThreadPoolExecutor httpExecutor;
    private ScheduledThreadPoolExecutor scheduler;
    private volatile int port = -1;

    private ExtendSimulator(Builder b) {
        this.apiKey = b.apiKey;
        this.requestedPort = b.port;
        this.httpThreads = b.httpThreads;
        this.journalCapacity = b.journalCapacity;
        this.clock = b.clock != null ? b.clock : SimulatorClock.manual();
        this.faults = new SimulatorFaults(b.seed);
        this.idRandom = new Random(b.seed);
        this.requestIdRandom = new Random(b.seed ^ 0x5DEECE66DL);
        this.cancelRefusalStatus = b.cancelRefusalStatus;
        this.cancelDelay = b.cancelDelay;
        this.pendingDuration = b.pendingDuration;
        this.processingDuration = b.processingDuration;
        this.defaultOutcome = b.defaultOutcome;
        this.workflowNames.put(DEFAULT_WORKFLOW_ID, "Invoice Processing");
        this.workflowNames.putAll(b.workflows);
    }

    /** A builder with the defaults: key {@value #DEFAULT_API_KEY}, port 0, refusal 400, no cancel delay, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    // =====================================================================================================
    // server lifecycle
    // =====================================================================================================

    /** Binds 127.0.0.1 on the configured port and starts serving. Returns {@code this}. */
    public ExtendSimulator start() {
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
            LOG.debug("Extend simulator started on {}", baseUrl());
            return this;
        }
    }

    /**
     * Aborts every delayed or never-answered exchange (the client sees its connection closed), stops the server and
     * ends the simulator's threads. Idempotent.
     */
    @Override
    public void close() {
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

    /** True between {@link #start()} and {@link #close()}. */
    public boolean isRunning() {
        return state == State.STARTED;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The bound port. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("ExtendSimulator is not started");
        }
        return port;
    }

    /** The API key clients must send as {@code Authorization: Bearer <key>}. */
    public String apiKey() {
        return apiKey;
    }

    public SimulatorClock clock() {
        return clock;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    // =====================================================================================================
    // runtime settings
    // =====================================================================================================

    /** HTTP status of a refused cancel: 400, 409 or 422. */
    public ExtendSimulator cancelRefusalStatus(int status) {
        this.cancelRefusalStatus = checkRefusalStatus(status);
        return this;
    }

    public int cancelRefusalStatus() {
        return cancelRefusalStatus;
    }

    /** How long a cancelled run stays CANCELLING; zero (the default) cancels at once. */
    public ExtendSimulator cancelDelay(Duration delay) {
        this.cancelDelay = checkDuration(delay, "cancelDelay");
        return this;
    }

    public Duration cancelDelay() {
        return cancelDelay;
    }

    /** Lifecycle durations for runs created from now on. */
    public ExtendSimulator lifecycle(Duration pending, Duration processing) {
        this.pendingDuration = checkDuration(pending, "pendingDuration");
        this.processingDuration = checkDuration(processing, "processingDuration");
        return this;
    }

    /** Final status of runs created from now on: PROCESSED, FAILED or NEEDS_REVIEW. */
    public ExtendSimulator defaultOutcome(String status) {
        this.defaultOutcome = checkOutcome(status);
        return this;
    }

    // =====================================================================================================
    // runs
    // =====================================================================================================

    /** Adds a run of the default workflow fixed in {@code status} (any of {@link #RUN_STATUSES}); returns its ID. */
    public String seedRun(String status) {
        return seedRun(status, DEFAULT_WORKFLOW_ID, null, Map.of());
    }

    /**
     * Adds a run fixed in {@code status}: it keeps that status until cancelled (when PENDING or PROCESSING).
     *
     * @param batchId  the run's {@code batchId}, or null
     * @param metadata the run's metadata (JSON-serialisable values)
     * @return the new run ID
     */
    public String seedRun(String status, String workflowId, String batchId, Map<String, ?> metadata) {
        String s = checkStatus(status);
        Instant now = clock.now();
        int n = seedCounter.incrementAndGet();
        SimRun run = newRun(workflowId, null, batchId, now.minusSeconds(600), toObject(metadata),
                pdfFiles("Invoice-" + n + ".pdf", now.minusSeconds(600)), false);
        run.seed(s, now);
        runs.put(run.id, run);
        return run.id;
    }

    /** Creates a run as {@code POST /workflow_runs} would: it follows the lifecycle on the clock. Returns its ID. */
    public String createRun(String workflowId, Map<String, ?> metadata) {
        Instant now = clock.now();
        ObjectNode md = toObject(metadata);
        SimRun run = newRun(workflowId, null, null, now, md, pdfFiles("document.pdf", now), true);
        run.plan(pendingDuration, processingDuration, outcomeOf(md));
        runs.put(run.id, run);
        return run.id;
    }

    /** Changes the final status of a run created through the lifecycle that has not finished yet. */
    public ExtendSimulator setOutcome(String runId, String finalStatus) {
        String outcome = checkOutcome(finalStatus);
        SimRun run = find(runId);
        run.catchUp(clock.now());
        if (!run.setOutcome(outcome)) {
            throw new IllegalStateException("Run " + runId + " is seeded or already finished (" + run.status() + ")");
        }
        return this;
    }

    /** A snapshot of the run as {@code GET /workflow_runs/{id}} would return it now (a copy). */
    public ObjectNode run(String runId) {
        SimRun run = find(runId);
        run.catchUp(clock.now());
        return run.toJson();
    }

    /** The run's current status. */
    public String status(String runId) {
        SimRun run = find(runId);
        run.catchUp(clock.now());
        return run.status();
    }

    /** IDs of every run, oldest first. */
    public List<String> runIds() {
        List<SimRun> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparing((SimRun r) -> r.createdAt).thenComparing(r -> r.id));
        return all.stream().map(r -> r.id).toList();
    }

    /** Removes every run. */
    public ExtendSimulator clearRuns() {
        runs.clear();
        return this;
    }

    // =====================================================================================================
    // scripted answers, journal
    // =====================================================================================================

    /**
     * Queues a one-shot answer: the next request (whatever it is) gets exactly this, ahead of every rule and fault
     * except latency. Queued answers are used in order. {@code Content-Type: application/json} and
     * {@code x-extend-request-id} are added unless {@code headers} set them.
     */
    public ExtendSimulator respondNext(int status, String body, Map<String, String> headers) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        scripted.add(new Reply(status, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                headers == null ? Map.of() : Map.copyOf(headers), RecordedRequest.Outcome.SCRIPTED));
        return this;
    }

    /** {@link #respondNext(int, String, Map)} without extra headers. */
    public ExtendSimulator respondNext(int status, String body) {
        return respondNext(status, body, Map.of());
    }

    /** Queues a one-shot connection reset (after the request is read). */
    public ExtendSimulator resetNext() {
        scripted.add(Reply.NO_ANSWER_RESET);
        return this;
    }

    /** Queues a one-shot never-answered request. */
    public ExtendSimulator neverAnswerNext() {
        scripted.add(Reply.NO_ANSWER_HOLD);
        return this;
    }

    /** The recorded requests, oldest first (an immutable snapshot; capped at the journal capacity). */
    public List<RecordedRequest> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** Exchanges held open right now: answers waiting for their latency, and never-answered requests. */
    public int heldExchanges() {
        return held.size();
    }

    /** Empties the journal and zeroes {@link #requestCount()}. */
    public ExtendSimulator clearJournal() {
        synchronized (journal) {
            journal.clear();
            requestCount.set(0);
        }
        return this;
    }

    /** Requests received since start or the last {@link #clearJournal()}, also those dropped from a full journal. */
    public long requestCount() {
        return requestCount.get();
    }

    /**
     * Back to a clean slate for the next test: journal cleared, faults and rate limit off (random re-seeded), scripted
     * answers dropped, held exchanges aborted. Runs, clock and settings stay.
     */
    public ExtendSimulator reset() {
        scripted.clear();
        faults.clear();
        abortHeld();
        clearJournal();
        return this;
    }

    // =====================================================================================================
    // HTTP handling
    // =====================================================================================================

    private record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String requestId) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private record Reply(int status, byte[] body, Map<String, String> headers, RecordedRequest.Outcome outcome) {
        static final Reply NO_ANSWER_RESET = new Reply(0, new byte[0], Map.of(),
                RecordedRequest.Outcome.CONNECTION_RESET);
        static final Reply NO_ANSWER_HOLD = new Reply(0, new byte[0], Map.of(),
                RecordedRequest.Outcome.NEVER_ANSWERED);

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        Reply with(RecordedRequest.Outcome o) {
            return new Reply(status, body, headers, o);
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
        long seq = sequence.incrementAndGet();
        requestCount.incrementAndGet();
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
        Request req = new Request(ex.getRequestMethod().toUpperCase(Locale.ROOT), uri.getRawPath(), uri.getRawQuery(),
                headers, body, newRequestId());
        Reply reply = decide(req);
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
        record(new RecordedRequest(seq, receivedAt, req.method(), req.rawPath(), decodedPath, req.rawQuery(), headers,
                body, reply.status(), req.requestId(), reply.outcome()));
        LOG.debug("Extend simulator #{} {} {} -> {} {} ({})", seq, req.method(), req.rawPath(), reply.status(),
                reply.outcome(), req.requestId());
        dispatch(ex, req, reply, latency);
    }

    private Reply decide(Request req) {
        Reply script = scripted.poll();
        if (script != null) {
            return script;
        }
        SimulatorFaults.ConnectionFault fault = faults.drawConnectionFault();
        Reply api = null;
        if (fault == SimulatorFaults.ConnectionFault.NONE || faults.processBeforeFault()) {
            api = api(req);
        }
        switch (fault) {
            case NEVER_ANSWER:
                return Reply.NO_ANSWER_HOLD;
            case RESET:
                return Reply.NO_ANSWER_RESET;
            case SERVER_ERROR:
                return error(faults.serverErrorStatus(), "INTERNAL_ERROR", "An unexpected error occurred", true, req)
                        .with(RecordedRequest.Outcome.SERVER_ERROR);
            default:
                if (api.is2xx() && api.body().length > 0 && faults.drawMalformed()) {
                    byte[] cut = java.util.Arrays.copyOf(api.body(), Math.max(1, api.body().length / 2));
                    return new Reply(api.status(), cut, api.headers(), RecordedRequest.Outcome.MALFORMED_BODY);
                }
                return api;
        }
    }

    /** The simulated API: authentication, version, rate limit, routes. */
    private Reply api(Request req) {
        String auth = req.header("authorization");
        if (auth == null || auth.isBlank()) {
            return error(401, "UNAUTHORIZED", "Missing API key: send an Authorization: Bearer <API key> header", false,
                    req);
        }
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || !constantTimeEquals(auth.substring(7).trim(), apiKey)) {
            return error(401, "UNAUTHORIZED", "Invalid API key", false, req);
        }
        String version = req.header(API_VERSION_HEADER);
        if (version == null || version.isBlank()) {
            return error(400, "INVALID_REQUEST", "Missing " + API_VERSION_HEADER
                    + " header: specify an API version such as " + API_VERSION, false, req);
        }
        if (!API_VERSION.equals(version.trim())) {
            return error(400, "INVALID_REQUEST", "Unsupported API version '" + version.trim()
                    + "': this server implements " + API_VERSION, false, req);
        }
        long retryAfter = faults.acquire(System.nanoTime());
        if (retryAfter > 0) {
            Reply r = error(429, "RATE_LIMIT_EXCEEDED", "Too many requests. Back off and retry.", true, req);
            return new Reply(429, r.body(), Map.of("Retry-After", Long.toString(retryAfter)), r.outcome());
        }
        return route(req);
    }

    private Reply route(Request req) {
        String p = req.rawPath() == null || req.rawPath().isEmpty() ? "/" : req.rawPath();
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] seg = p.substring(1).split("/", -1);
        String m = req.method();
        if (!"workflow_runs".equals(seg[0])) {
            return error(404, "NOT_FOUND", "No such endpoint: " + m + " " + req.rawPath(), false, req);
        }
        if (seg.length == 1) {
            return switch (m) {
                case "GET" -> list(req);
                case "POST" -> create(req);
                default -> notAllowed(req, "GET, POST");
            };
        }
        if (seg.length == 2 && "batch".equals(seg[1]) && "POST".equals(m)) {
            return createBatch(req);
        }
        String id;
        try {
            id = percentDecode(seg[1]);
        } catch (IllegalArgumentException e) {
            return error(404, "NOT_FOUND", "Workflow run not found", false, req);
        }
        if (seg.length == 2) {
            return switch (m) {
                case "GET" -> get(id, req);
                case "POST" -> update(id, req);
                case "DELETE" -> delete(id, req);
                default -> notAllowed(req, "GET, POST, DELETE");
            };
        }
        if (seg.length == 3 && "cancel".equals(seg[2])) {
            return "POST".equals(m) ? cancel(id, req) : notAllowed(req, "POST");
        }
        return error(404, "NOT_FOUND", "No such endpoint: " + m + " " + req.rawPath(), false, req);
    }

    private Reply get(String id, Request req) {
        SimRun run = runs.get(id);
        if (run == null) {
            return runNotFound(req);
        }
        run.catchUp(clock.now());
        return json(200, run.toJson());
    }

    private Reply cancel(String id, Request req) {
        SimRun run = runs.get(id);
        if (run == null) {
            return runNotFound(req);
        }
        if (req.body().length > 0 && !new String(req.body(), StandardCharsets.UTF_8).isBlank()) {
            JsonNode body = parse(req.body());
            if (body == null || !body.isObject()) {
                return invalid("Cancel takes no request body: send nothing or {}", req);
            }
        }
        Instant now = clock.now();
        synchronized (run) {
            run.catchUp(now);
            if (!run.cancel(now, cancelDelay)) {
                String status = run.status();
                String why = "CANCELLING".equals(status) ? "it is already being cancelled"
                        : "its status is " + status + " (cannot cancel terminal run)";
                return error(cancelRefusalStatus, "INVALID_REQUEST", "Workflow run " + id
                        + " cannot be cancelled: " + why + ". Only PENDING or PROCESSING runs can be cancelled.",
                        false, req);
            }
            return json(200, run.toJson());
        }
    }

    private Reply update(String id, Request req) {
        SimRun run = runs.get(id);
        if (run == null) {
            return runNotFound(req);
        }
        JsonNode body = req.body().length == 0 ? MAPPER.createObjectNode() : parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        JsonNode md = body.get("metadata");
        if (md != null && !md.isNull() && !md.isObject()) {
            return invalid("metadata must be an object; Path: metadata", req);
        }
        Instant now = clock.now();
        run.catchUp(now);
        if (md != null && md.isObject()) {
            run.mergeMetadata((ObjectNode) md, now);
        }
        return json(200, run.toJson());
    }

    private Reply delete(String id, Request req) {
        if (runs.remove(id) == null) {
            return runNotFound(req);
        }
        return json(200, MAPPER.createObjectNode().put("id", id));
    }

    private Reply create(Request req) {
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = checkWorkflow(body);
        if (problem == null) {
            problem = checkMetadata(body.get("metadata"), "metadata");
        }
        JsonNode file = body.get("file");
        JsonNode pkg = body.get("package");
        boolean hasFile = file != null && !file.isNull();
        boolean hasPackage = pkg != null && !pkg.isNull();
        if (problem == null && hasFile == hasPackage) {
            problem = "Exactly one of file or package is required; Path: file";
        }
        if (problem == null && hasFile) {
            problem = checkFile(file, "file", true);
        }
        if (problem == null && hasPackage) {
            JsonNode pf = pkg.get("files");
            if (pf == null || !pf.isArray() || pf.size() < 2 || pf.size() > 50) {
                problem = "package.files must hold 2 to 50 files; Path: package.files";
            } else {
                for (int i = 0; i < pf.size() && problem == null; i++) {
                    problem = checkFile(pf.get(i), "package.files[" + i + "]", false);
                }
            }
        }
        if (problem == null && body.has("priority") && !body.get("priority").isNull()
                && (!body.get("priority").canConvertToInt() || body.get("priority").asInt() < 1
                        || body.get("priority").asInt() > 100)) {
            problem = "priority must be an integer from 1 to 100; Path: priority";
        }
        if (problem != null) {
            return invalid(problem, req);
        }
        Instant now = clock.now();
        ObjectNode md = body.has("metadata") && body.get("metadata").isObject()
                ? (ObjectNode) body.get("metadata").deepCopy()
                : MAPPER.createObjectNode();
        ArrayNode files = MAPPER.createArrayNode();
        if (hasFile) {
            files.add(fileSummary(file, now));
        } else {
            pkg.get("files").forEach(f -> files.add(fileSummary(f, now)));
        }
        JsonNode wf = body.get("workflow");
        SimRun run = newRun(wf.get("id").asText(), textOrNull(wf.get("version")), null, now, md, files, true);
        run.plan(pendingDuration, processingDuration, outcomeOf(md));
        runs.put(run.id, run);
        return json(200, run.toJson());
    }

    private Reply createBatch(Request req) {
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = checkWorkflow(body);
        JsonNode inputs = body.get("inputs");
        if (problem == null && (inputs == null || !inputs.isArray() || inputs.isEmpty() || inputs.size() > 1000)) {
            problem = "inputs must hold 1 to 1000 items; Path: inputs";
        }
        for (int i = 0; problem == null && i < inputs.size(); i++) {
            JsonNode in = inputs.get(i);
            problem = !in.isObject() ? "inputs[" + i + "] must be an object; Path: inputs[" + i + "]"
                    : checkFile(in.get("file"), "inputs[" + i + "].file", true);
            if (problem == null) {
                problem = checkMetadata(in.get("metadata"), "inputs[" + i + "].metadata");
            }
        }
        if (problem != null) {
            return invalid(problem, req);
        }
        Instant now = clock.now();
        String batchId = "batch_" + randomString(idRandom, ID_ALPHABET, 8);
        JsonNode wf = body.get("workflow");
        for (JsonNode in : inputs) {
            ObjectNode md = in.has("metadata") && in.get("metadata").isObject()
                    ? (ObjectNode) in.get("metadata").deepCopy()
                    : MAPPER.createObjectNode();
            ArrayNode files = MAPPER.createArrayNode().add(fileSummary(in.get("file"), now));
            SimRun run = newRun(wf.get("id").asText(), textOrNull(wf.get("version")), batchId, now, md, files, true);
            run.plan(pendingDuration, processingDuration, outcomeOf(md));
            runs.put(run.id, run);
        }
        return json(200, MAPPER.createObjectNode().put("batchId", batchId));
    }

    private record ListEntry(SimRun run, Instant key, ObjectNode summary) {
    }

    private Reply list(Request req) {
        Map<String, String> q;
        try {
            q = parseQuery(req.rawQuery());
        } catch (IllegalArgumentException e) {
            return invalid("Malformed query string", req);
        }
        String status = q.get("status");
        if (status != null && !RUN_STATUSES.contains(status)) {
            return invalid("status must be one of " + RUN_STATUSES + "; Path: status", req);
        }
        String sortBy = q.getOrDefault("sortBy", "updatedAt");
        if (!sortBy.equals("updatedAt") && !sortBy.equals("createdAt")) {
            return invalid("sortBy must be updatedAt or createdAt; Path: sortBy", req);
        }
        String sortDir = q.getOrDefault("sortDir", "desc");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            return invalid("sortDir must be asc or desc; Path: sortDir", req);
        }
        int pageSize = DEFAULT_PAGE_SIZE;
        if (q.containsKey("maxPageSize")) {
            try {
                pageSize = Integer.parseInt(q.get("maxPageSize"));
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                return invalid("maxPageSize must be an integer from 1 to " + MAX_PAGE_SIZE + "; Path: maxPageSize",
                        req);
            }
        }
        String workflowId = q.get("workflowId");
        String batchId = q.get("batchId");
        String fileNameContains = q.get("fileNameContains");
        Instant now = clock.now();
        List<ListEntry> entries = new ArrayList<>();
        for (SimRun run : runs.values()) {
            ObjectNode summary;
            Instant key;
            synchronized (run) {
                run.catchUp(now);
                if (status != null && !status.equals(run.status())
                        || workflowId != null && !workflowId.equals(run.workflowId)
                        || batchId != null && !batchId.equals(run.batchId)
                        || fileNameContains != null && !run.fileNameContains(fileNameContains)) {
                    continue;
                }
                key = "createdAt".equals(sortBy) ? run.createdAt : run.updatedAt();
                summary = run.toSummaryJson();
            }
            entries.add(new ListEntry(run, key, summary));
        }
        Comparator<ListEntry> order = Comparator.comparing(ListEntry::key).thenComparing(e -> e.run().id);
        if ("desc".equals(sortDir)) {
            order = order.reversed();
        }
        entries.sort(order);
        int from = 0;
        String token = q.get("nextPageToken");
        if (token != null && !token.isEmpty()) {
            ListEntry cursor = decodeToken(token, sortBy, sortDir);
            if (cursor == null) {
                return invalid("Invalid nextPageToken; Path: nextPageToken", req);
            }
            while (from < entries.size() && order.compare(entries.get(from), cursor) <= 0) {
                from++;
            }
        }
        int to = Math.min(entries.size(), from + pageSize);
        ObjectNode out = MAPPER.createObjectNode();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        for (int i = from; i < to; i++) {
            data.add(entries.get(i).summary());
        }
        if (to < entries.size()) {
            ListEntry last = entries.get(to - 1);
            out.put("nextPageToken", encodeToken(sortBy, sortDir, last.key(), last.run().id));
        }
        return json(200, out);
    }

    private static String encodeToken(String sortBy, String sortDir, Instant key, String id) {
        String raw = "v1|" + sortBy + "|" + sortDir + "|" + key.getEpochSecond() + "." + key.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a fake entry positioned at the cursor, or null when the token is invalid or from other parameters */
    private static ListEntry decodeToken(String token, String sortBy, String sortDir) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 5);
            if (parts.length != 5 || !"v1".equals(parts[0]) || !sortBy.equals(parts[1]) || !sortDir.equals(parts[2])) {
                return null;
            }
            String[] t = parts[3].split("\\.");
            Instant key = Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]));
            SimRun marker = new SimRun(parts[4], "", "", "", "", null, null, key, null, null, null, false);
            return new ListEntry(marker, key, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- dispatch ----

    /** @param latency null for never answering; a held exchange is already in {@link #held} */
    private void dispatch(HttpExchange ex, Request req, Reply reply, Duration latency) {
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

    private void complete(HttpExchange ex, Request req, Reply reply) {
        if (reply.outcome() == RecordedRequest.Outcome.CONNECTION_RESET) {
            resetConnection(ex);
            return;
        }
        try {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", "application/json");
            h.set(REQUEST_ID_HEADER, req.requestId());
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

    private void abortHeld() {
        for (HttpExchange ex : List.copyOf(held)) {
            if (held.remove(ex)) {
                ex.close(); // no response sent: the JDK server closes the connection
            }
        }
    }

    private static volatile Boolean rstSupported;

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

    private void record(RecordedRequest r) {
        synchronized (journal) {
            if (journalCapacity <= 0) {
                return;
            }
            while (journal.size() >= journalCapacity) {
                journal.pollFirst();
            }
            journal.addLast(r);
        }
    }

    // ---- replies ----

    private Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, MAPPER.writeValueAsBytes(body), Map.of(), RecordedRequest.Outcome.ANSWERED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply error(int status, String code, String message, boolean retryable, Request req) {
        return errorBody(status, code, message, retryable, req, null);
    }

    private Reply invalid(String message, Request req) {
        return errorBody(400, "INVALID_REQUEST", message, false, req, DOC_URL);
    }

    private Reply runNotFound(Request req) {
        return error(404, "NOT_FOUND", "Workflow run not found", false, req);
    }

    private Reply notAllowed(Request req, String allow) {
        Reply r = error(405, "INVALID_REQUEST", "Method " + req.method() + " is not allowed on " + req.rawPath(),
                false, req);
        return new Reply(405, r.body(), Map.of("Allow", allow), r.outcome());
    }

    private Reply errorBody(int status, String code, String message, boolean retryable, Request req, String docUrl) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        n.put("retryable", retryable);
        n.put("requestId", req.requestId());
        if (docUrl != null) {
            n.put("docUrl", docUrl);
        }
        return json(status, n);
    }

    // ---- helpers ----

    private SimRun find(String runId) {
        SimRun run = runs.get(Objects.requireNonNull(runId, "runId"));
        if (run == null) {
            throw new NoSuchElementException("No workflow run " + runId);
        }
        return run;
    }

    private SimRun newRun(String workflowId, String requestedVersion, String batchId, Instant createdAt,
            ObjectNode metadata, ArrayNode files, boolean lifecycle) {
        String wf = workflowId == null || workflowId.isBlank() ? DEFAULT_WORKFLOW_ID : workflowId;
        String name = workflowNames.getOrDefault(wf, "Simulated workflow");
        Random wfRandom = new Random(wf.hashCode());
        String versionId = "workflow_version_" + randomString(wfRandom, ID_ALPHABET, 21);
        String version;
        String versionName;
        if (requestedVersion == null || requestedVersion.isBlank()) {
            version = "1";
            versionName = "Production v1";
        } else if ("draft".equals(requestedVersion)) {
            version = "draft";
            versionName = null;
        } else {
            version = requestedVersion;
            versionName = "Version " + requestedVersion;
        }
        String id;
        String[] stepIds;
        synchronized (idRandom) {
            do {
                id = "workflow_run_" + randomString(idRandom, ID_ALPHABET, 21);
            } while (runs.containsKey(id));
            stepIds = new String[] { "workflow_step_run_" + randomString(idRandom, ALNUM, 8),
                    "workflow_step_run_" + randomString(idRandom, ALNUM, 8),
                    "parse_run_" + randomString(idRandom, ALNUM, 12), "extract_run_" + randomString(idRandom, ALNUM, 12),
                    "workflow_step_" + randomString(wfRandom, ALNUM, 8), "workflow_step_" + randomString(wfRandom, ALNUM, 8) };
        }
        return new SimRun(id, wf, name, versionId, version, versionName, batchId, createdAt, metadata, files, stepIds,
                lifecycle);
    }

    private ArrayNode pdfFiles(String name, Instant createdAt) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("object", "file");
        f.put("id", newFileId());
        f.put("name", name);
        f.put("type", "PDF");
        f.putNull("parentFileId");
        f.putObject("metadata").put("pageCount", 3);
        f.put("createdAt", createdAt.toString());
        f.put("updatedAt", createdAt.toString());
        return MAPPER.createArrayNode().add(f);
    }

    private ObjectNode fileSummary(JsonNode in, Instant now) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("object", "file");
        String name;
        String type;
        if (in.hasNonNull("id")) {
            f.put("id", in.get("id").asText());
            name = textOrNull(in.get("name")) != null ? in.get("name").asText() : in.get("id").asText() + ".pdf";
        } else {
            f.put("id", newFileId());
            if (in.hasNonNull("text")) {
                name = textOrNull(in.get("name")) != null ? in.get("name").asText() : "document.txt";
            } else {
                String url = in.get("url").asText();
                String path = url.replaceAll("[?#].*$", "");
                String last = path.substring(path.lastIndexOf('/') + 1);
                name = textOrNull(in.get("name")) != null ? in.get("name").asText()
                        : last.isEmpty() ? "document.pdf" : last;
            }
        }
        type = in.hasNonNull("text") ? "TXT" : typeOf(name);
        f.put("name", name);
        f.put("type", type);
        f.putNull("parentFileId");
        ObjectNode md = f.putObject("metadata");
        if ("PDF".equals(type)) {
            md.put("pageCount", 1);
        }
        f.put("createdAt", now.toString());
        f.put("updatedAt", now.toString());
        return f;
    }

    private static String typeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return "CSV";
        } else if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".tif")
                || n.endsWith(".tiff") || n.endsWith(".gif") || n.endsWith(".webp")) {
            return "IMG";
        } else if (n.endsWith(".txt")) {
            return "TXT";
        } else if (n.endsWith(".docx") || n.endsWith(".doc")) {
            return "DOCX";
        } else if (n.endsWith(".xlsx") || n.endsWith(".xls")) {
            return "EXCEL";
        } else if (n.endsWith(".xml")) {
            return "XML";
        } else if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "HTML";
        }
        return "PDF";
    }

    private String newFileId() {
        synchronized (idRandom) {
            return "file_" + randomString(idRandom, ALNUM, 22);
        }
    }

    private String newRequestId() {
        synchronized (requestIdRandom) {
            return "req_" + randomString(requestIdRandom, ALNUM, 20);
        }
    }

    private String outcomeOf(ObjectNode metadata) {
        JsonNode o = metadata == null ? null : metadata.get(OUTCOME_METADATA_KEY);
        return o != null && o.isTextual() && OUTCOMES.contains(o.asText()) ? o.asText() : defaultOutcome;
    }

    private static String checkWorkflow(JsonNode body) {
        JsonNode wf = body.get("workflow");
        if (wf == null || !wf.isObject() || !wf.hasNonNull("id") || !wf.get("id").isTextual()
                || wf.get("id").asText().isBlank()) {
            return "workflow.id is required; Path: workflow.id";
        }
        JsonNode v = wf.get("version");
        if (v != null && !v.isNull() && !v.isTextual()) {
            return "workflow.version must be a string; Path: workflow.version";
        }
        return null;
    }

    private static String checkMetadata(JsonNode md, String path) {
        if (md == null || md.isNull()) {
            return null;
        }
        if (!md.isObject()) {
            return path + " must be an object; Path: " + path;
        }
        if (md.toString().getBytes(StandardCharsets.UTF_8).length > 10 * 1024) {
            return path + " exceeds 10 KB; Path: " + path;
        }
        JsonNode outcome = md.get(OUTCOME_METADATA_KEY);
        if (outcome != null && !(outcome.isTextual() && OUTCOMES.contains(outcome.asText()))) {
            return OUTCOME_METADATA_KEY + " must be one of " + OUTCOMES + "; Path: " + path + "." + OUTCOME_METADATA_KEY;
        }
        return null;
    }

    private static String checkFile(JsonNode f, String path, boolean textAllowed) {
        if (f == null || !f.isObject()) {
            return path + " must be an object; Path: " + path;
        }
        int kinds = (f.hasNonNull("url") ? 1 : 0) + (f.hasNonNull("id") ? 1 : 0) + (f.hasNonNull("text") ? 1 : 0);
        if (kinds != 1) {
            return path + " needs exactly one of url, id or text; Path: " + path;
        }
        if (!textAllowed && f.hasNonNull("text")) {
            return "text files are not allowed here; Path: " + path + ".text";
        }
        for (String k : new String[] { "url", "id", "text" }) {
            if (f.hasNonNull(k) && (!f.get(k).isTextual() || f.get(k).asText().isBlank())) {
                return path + "." + k + " must be a non-empty string; Path: " + path + "." + k;
            }
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static ObjectNode toObject(Map<String, ?> metadata) {
        return metadata == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(metadata);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    /** RFC 3986 percent-decoding of one path segment ('+' stays '+'). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("bad escape");
                }
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static String checkStatus(String status) {
        if (!RUN_STATUSES.contains(status)) {
            throw new IllegalArgumentException("Unknown run status '" + status + "', expected one of " + RUN_STATUSES);
        }
        return status;
    }

    static String checkOutcome(String status) {
        if (!OUTCOMES.contains(status)) {
            throw new IllegalArgumentException("Outcome must be one of " + OUTCOMES + ", got '" + status + "'");
        }
        return status;
    }

    static int checkRefusalStatus(int status) {
        if (status != 400 && status != 409 && status != 422) {
            throw new IllegalArgumentException("cancelRefusalStatus must be 400, 409 or 422, got " + status);
        }
        return status;
    }

    static Duration checkDuration(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "ExtendSimulator[" + (port < 0 ? "not started" : baseUrl()) + ", runs=" + runs.size() + ", " + state
                + "]";
    }

    // =====================================================================================================
    // builder
    // =====================================================================================================

    /** Configuration of an {@link ExtendSimulator}; {@link #build()} gives a simulator that is not started yet. */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private int port;
        private int cancelRefusalStatus = 400;
        private Duration cancelDelay = Duration.ZERO;
        private Duration pendingDuration = Duration.ZERO;
        private Duration processingDuration = Duration.ofSeconds(10);
        private String defaultOutcome = "PROCESSED";
        private SimulatorClock clock;
        private long seed = 42L;
        private int httpThreads = 4;
        private int journalCapacity = 100_000;
        private final Map<String, String> workflows = new LinkedHashMap<>();

        private Builder() {
        }

        /** The API key clients must send; default {@value ExtendSimulator#DEFAULT_API_KEY}. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Status of a refused cancel: 400 (default), 409 or 422. */
        public Builder cancelRefusalStatus(int status) {
            this.cancelRefusalStatus = checkRefusalStatus(status);
            return this;
        }

        /** How long a cancelled run stays CANCELLING (zero by default: CANCELLED at once). */
        public Builder cancelDelay(Duration delay) {
            this.cancelDelay = checkDuration(delay, "cancelDelay");
            return this;
        }

        /** How long a created run stays PENDING (zero by default). */
        public Builder pendingDuration(Duration d) {
            this.pendingDuration = checkDuration(d, "pendingDuration");
            return this;
        }

        /** How long a created run stays PROCESSING (10 s by default). */
        public Builder processingDuration(Duration d) {
            this.processingDuration = checkDuration(d, "processingDuration");
            return this;
        }

        /** Final status of created runs: PROCESSED (default), FAILED or NEEDS_REVIEW. */
        public Builder defaultOutcome(String status) {
            this.defaultOutcome = checkOutcome(status);
            return this;
        }

        /** The lifecycle clock; default {@link SimulatorClock#manual()}. */
        public Builder clock(SimulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seed of the random sources (IDs, request IDs, faults); default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Size of the HTTP thread pool; default 4. */
        public Builder httpThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("httpThreads must be >= 1");
            }
            this.httpThreads = threads;
            return this;
        }

        /** How many requests the journal keeps (the newest); default 100,000. 0 keeps none. */
        public Builder journalCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("journalCapacity must be >= 0");
            }
            this.journalCapacity = capacity;
            return this;
        }

        /** Names a workflow ID; runs of unknown workflows are named "Simulated workflow". */
        public Builder workflow(String workflowId, String name) {
            workflows.put(Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(name, "name"));
            return this;
        }

        public ExtendSimulator build() {
            return new ExtendSimulator(this);
        }
    }

    // =====================================================================================================
    // standalone
    // =====================================================================================================

    /**
     * Runs a simulator until the JVM is stopped (Ctrl-C).
     * <p>
     * Flags: {@code --port N} (default 0: any free port), {@code --api-key KEY}, {@code --seed-runs N} (N runs in mixed
     * statuses), {@code --seed S}, {@code --cancel-refusal-status 400|409|422}, {@code --cancel-delay-ms MS},
     * {@code --processing-ms MS}, {@code --pending-ms MS}, {@code --help}. Prints the base URL and the API key. Runs use
     * the system clock, so created runs finish by themselves.
     */
    public static void main(String[] args) throws InterruptedException {
        ExtendSimulator sim;
        try {
            sim = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (sim == null) {
            return; // --help
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "extend-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses {@code args} as {@link #main(String[])} does, starts the simulator and prints its base URL, API key and
     * seeded runs to {@code out}. Returns the running simulator (the caller closes it), or null for {@code --help}.
     *
     * @throws IllegalArgumentException for unknown flags or bad values
     */
    public static ExtendSimulator launch(String[] args, PrintStream out) {
        Builder b = builder().clock(SimulatorClock.system());
        int seedRuns = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                out.println(usage());
                return null;
            }
            int eq = flag.indexOf('=');
            String value;
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--port" -> b.port(intArg(flag, value));
                case "--api-key" -> b.apiKey(value);
                case "--seed-runs" -> seedRuns = intArg(flag, value);
                case "--seed" -> b.seed(Long.parseLong(value));
                case "--cancel-refusal-status" -> b.cancelRefusalStatus(intArg(flag, value));
                case "--cancel-delay-ms" -> b.cancelDelay(Duration.ofMillis(intArg(flag, value)));
                case "--processing-ms" -> b.processingDuration(Duration.ofMillis(intArg(flag, value)));
                case "--pending-ms" -> b.pendingDuration(Duration.ofMillis(intArg(flag, value)));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (seedRuns < 0) {
            throw new IllegalArgumentException("--seed-runs must be >= 0");
        }
        ExtendSimulator sim = b.build().start();
        List<String> mix = List.of("PROCESSING", "PENDING", "PROCESSED", "FAILED", "NEEDS_REVIEW", "CANCELLED",
                "PROCESSING", "PROCESSED", "REJECTED", "CANCELLING");
        for (int i = 0; i < seedRuns; i++) {
            String status = mix.get(i % mix.size());
            String batch = i % 3 == 2 ? "batch_sim" + (i / 6) : null;
            String workflow = i % 4 == 3 ? "workflow_sim_receipts" : DEFAULT_WORKFLOW_ID;
            sim.seedRun(status, workflow, batch, Map.of("seedIndex", i));
        }
        out.println("Extend simulator (API " + API_VERSION + ") listening");
        out.println("base URL: " + sim.baseUrl());
        out.println("API key:  " + sim.apiKey());
        for (String id : sim.runIds()) {
            out.println("run " + id + " " + sim.status(id));
        }
        out.flush();
        return sim;
    }

    private static int intArg(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }

    static String usage() {
        return "usage: java -cp <classpath> " + ExtendSimulator.class.getName()
                + " [--port N] [--api-key KEY] [--seed-runs N] [--seed S] [--cancel-refusal-status 400|409|422]"
                + " [--cancel-delay-ms MS] [--pending-ms MS] [--processing-ms MS]";
    }
}
