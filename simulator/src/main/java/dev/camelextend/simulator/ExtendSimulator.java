// Owns: the public face of the simulator: its constants, the SimulatorBuilder, start/close, and the API tests call (runs,
// settings, scripted answers, journal, webhooks, reset). It wires the parts together and delegates to them:
// SimulatorServer (HTTP), ApiRouter (rules and routes), RunStore (runs), ScriptedFaults (scripted answers and faults),
// Journal, Webhooks (endpoints, subscriptions, deliveries).
package dev.camelextend.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Endpoints, the rules the simulator applies as Extend does, the run lifecycle, the faults and the threads are
 * described in the {@linkplain dev.camelextend.simulator package documentation}. The run lifecycle follows the
 * {@link SimulatorClock}: a manual clock by default, so nothing moves until {@code clock().advance(...)}.
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
    /**
     * Metadata key that, set to {@code true} when the run is seeded or created, marks it as started from Extend's
     * dashboard instead of through the API: as Extend documents, such runs trigger no webhook.
     */
    public static final String DASHBOARD_METADATA_KEY = "simulator:dashboard";
    /** The events of a workflow's runs, which only a subscription to that workflow delivers. */
    public static final List<String> WORKFLOW_RUN_EVENTS = WebhookEventTypes.WORKFLOW_RUN;
    /** Every run status of the 2026-02-09 API. */
    public static final List<String> RUN_STATUSES = List.of("PENDING", "PROCESSING", "NEEDS_REVIEW", "REJECTED",
            "PROCESSED", "FAILED", "CANCELLED", "CANCELLING");
    /** The kinds of processor run, as {@link #seedProcessorRun(String, String)} takes them. */
    public static final List<String> PROCESSOR_KINDS = ProcessorKind.names();
    /** Every status of a processor run: there is no CANCELLING (nor NEEDS_REVIEW or REJECTED). */
    public static final List<String> PROCESSOR_RUN_STATUSES = SimulatorSettings.PROCESSOR_STATUSES;

    static {
        // The JDK server writes the response head and body as two TCP segments; with Nagle's algorithm on and the
        // client delaying its ACK, every answer then stalls ~40 ms. TCP_NODELAY avoids that. The JDK reads this
        // property once, when the first HttpServer of the JVM is created; an explicit setting is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String apiKey;
    private final SimulatorClock clock;
    private final SimulatorFaults faults;
    private final SimulatorSettings settings;
    private final RunStore runs;
    private final ProcessorRunStore processorRuns;
    private final Journal journal;
    private final ScriptedFaults scripted;
    private final Webhooks webhooks;
    private final SimulatorServer server;

    ExtendSimulator(SimulatorBuilder b) {
        this.apiKey = b.apiKey;
        this.clock = b.clock != null ? b.clock : SimulatorClock.manual();
        this.faults = new SimulatorFaults(b.seed);
        this.settings = new SimulatorSettings(b.cancelRefusalStatus, b.cancelDelay, b.pendingDuration,
                b.processingDuration, b.defaultOutcome, b.workflows);
        this.webhooks = new Webhooks(b.seed, clock, faults, new WebhookDispatcher.Options(b.webhookTimeout,
                b.webhookRetries, b.webhookRetryDelay, b.webhookQueueCapacity, b.webhookConcurrency), () -> port0());
        this.runs = new RunStore(b.seed, clock, settings, webhooks.runEvents());
        webhooks.watch(runs.index());
        this.processorRuns = new ProcessorRunStore(b.seed, clock, settings);
        this.journal = new Journal(b.journalCapacity);
        ApiRouter router = new ApiRouter(apiKey, faults, new RunEndpoints(runs, clock, settings, faults),
                new ListEndpoint<>(runs.index(), clock, RUN_STATUSES,
                        Map.of("workflowId", "workflow", "batchId", "batch")),
                new ProcessorEndpoints(processorRuns, clock, settings), new WebhookApi(webhooks, clock));
        this.scripted = new ScriptedFaults(faults, router::api);
        this.server = new SimulatorServer(b.port, b.httpThreads, b.seed, journal, faults, scripted::decide);
    }

    /** A builder with the defaults: key {@value #DEFAULT_API_KEY}, port 0, refusal 400, no cancel delay, seed 42. */
    public static SimulatorBuilder builder() {
        return new SimulatorBuilder();
    }

    // ---- server lifecycle ----

    /** Binds 127.0.0.1 on the configured port and starts serving. Returns {@code this}. */
    public ExtendSimulator start() {
        server.start();
        return this;
    }

    /**
     * Aborts every delayed or never-answered exchange (the client sees its connection closed), stops the server and
     * ends the simulator's threads. Idempotent.
     */
    @Override
    public void close() {
        webhooks.close();
        server.close();
    }

    /** True between {@link #start()} and {@link #close()}. */
    public boolean isRunning() {
        return server.state() == SimulatorServer.State.STARTED;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The bound port. */
    public int port() {
        int port = server.port();
        if (port < 0) {
            throw new IllegalStateException("ExtendSimulator is not started");
        }
        return port;
    }

    /** The bound port, or -1 before start. */
    private int port0() {
        return server.port();
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

    // ---- runtime settings ----

    /** HTTP status of a refused cancel: 400, 409 or 422. */
    public ExtendSimulator cancelRefusalStatus(int status) {
        settings.cancelRefusalStatus = SimulatorSettings.checkRefusalStatus(status);
        return this;
    }

    public int cancelRefusalStatus() {
        return settings.cancelRefusalStatus;
    }

    /** How long a cancelled run stays CANCELLING; zero (the default) cancels at once. */
    public ExtendSimulator cancelDelay(Duration delay) {
        settings.cancelDelay = SimulatorSettings.checkDuration(delay, "cancelDelay");
        return this;
    }

    public Duration cancelDelay() {
        return settings.cancelDelay;
    }

    /** Lifecycle durations for runs created from now on. */
    public ExtendSimulator lifecycle(Duration pending, Duration processing) {
        settings.pendingDuration = SimulatorSettings.checkDuration(pending, "pendingDuration");
        settings.processingDuration = SimulatorSettings.checkDuration(processing, "processingDuration");
        return this;
    }

    /** Final status of runs created from now on: PROCESSED, FAILED or NEEDS_REVIEW. */
    public ExtendSimulator defaultOutcome(String status) {
        settings.defaultOutcome = SimulatorSettings.checkOutcome(status);
        return this;
    }

    // ---- runs ----

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
        return runs.seed(status, workflowId, batchId, metadata);
    }

    /**
     * Adds {@code runs} seeded runs of one new batch, as {@code POST /workflow_runs/batch} would group them, their
     * statuses cycling through {@code statuses} (each one of {@link #RUN_STATUSES}): each run keeps its status until
     * cancelled, like {@link #seedRun(String)}. Meant for lists and fan-outs at scale: 100,000 runs take seconds.
     *
     * @param workflowId the runs' workflow, or null for {@link #DEFAULT_WORKFLOW_ID}
     * @return the new {@code batch_...} ID, the runs' {@code batchId}
     * @throws IllegalArgumentException when {@code runs < 1}, no status is given or one is unknown (nothing is seeded)
     */
    public String seedBatch(int runs, String workflowId, String... statuses) {
        return this.runs.seedBatch(runs, workflowId, List.of(statuses));
    }

    /** Creates a run as {@code POST /workflow_runs} would: it follows the lifecycle on the clock. Returns its ID. */
    public String createRun(String workflowId, Map<String, ?> metadata) {
        return runs.create(workflowId, metadata);
    }

    /**
     * Changes the final status of a run created through the lifecycle that has not finished yet: PROCESSED, FAILED or
     * NEEDS_REVIEW for a workflow run, PROCESSED or FAILED for a processor run.
     */
    public ExtendSimulator setOutcome(String runId, String finalStatus) {
        if (processorRuns.contains(runId)) {
            processorRuns.setOutcome(runId, finalStatus);
        } else {
            runs.setOutcome(runId, finalStatus);
        }
        return this;
    }

    /**
     * Makes the next accepted cancel of this workflow run lose the race, as when a run finishes while its cancel is in
     * flight: the cancel answers 200 with CANCELLING (even with a zero {@link #cancelDelay(Duration)}), and when the
     * cancel delay ends the run is {@code finalStatus} instead of CANCELLED. For a share of all cancels see
     * {@link SimulatorFaults#cancelLosesRaceRate(double)}.
     *
     * @param finalStatus PROCESSED, FAILED or NEEDS_REVIEW; null removes the mark
     * @throws java.util.NoSuchElementException when there is no such workflow run (processor runs have no CANCELLING)
     */
    public ExtendSimulator cancelLosesRace(String runId, String finalStatus) {
        runs.cancelLosesRace(runId, finalStatus);
        return this;
    }

    /**
     * A snapshot of the run as {@code GET /workflow_runs/{id}} (or {@code GET /extract_runs/{id}} ... for a processor
     * run) would return it now (a copy).
     */
    public ObjectNode run(String runId) {
        return processorRuns.contains(runId) ? processorRuns.current(runId).toJson() : runs.current(runId).toJson();
    }

    /** The run's current status: a workflow run's or a processor run's. */
    public String status(String runId) {
        return processorRuns.contains(runId) ? processorRuns.current(runId).status() : runs.current(runId).status();
    }

    /** IDs of every workflow run, oldest first. */
    public List<String> runIds() {
        return runs.ids();
    }

    /** Removes every run, processor runs included. */
    public ExtendSimulator clearRuns() {
        runs.clear();
        processorRuns.clear();
        return this;
    }

    // ---- processor runs ----

    /**
     * Adds a processor run fixed in {@code status}: it keeps that status until cancelled (when PROCESSING).
     *
     * @param kind   one of {@link #PROCESSOR_KINDS}: {@code extract}, {@code classify}, {@code split} or {@code parse}
     * @param status one of {@link #PROCESSOR_RUN_STATUSES}
     * @return the new run ID ({@code exr_...}, {@code clr_...}, {@code splr_...} or {@code pr_...})
     */
    public String seedProcessorRun(String kind, String status) {
        return seedProcessorRun(kind, status, null, null);
    }

    /**
     * {@link #seedProcessorRun(String, String)} with the values the list filters {@code batchId} and {@code sourceId}
     * match.
     *
     * @param batchId  the run's batch, e.g. {@code bpr_...}, or null
     * @param sourceId what started the run, e.g. the {@code workflow_run_...} of a workflow run, or null
     */
    public String seedProcessorRun(String kind, String status, String batchId, String sourceId) {
        return processorRuns.seed(ProcessorKind.of(kind), status, batchId, sourceId);
    }

    /**
     * Creates a processor run that follows the lifecycle on the clock, as a workflow run of {@link #createRun} does:
     * PENDING, PROCESSING, then PROCESSED, or FAILED when {@code metadata} has {@value #OUTCOME_METADATA_KEY}
     * {@code = "FAILED"}.
     *
     * @param metadata the run's metadata, or null
     */
    public String createProcessorRun(String kind, Map<String, ?> metadata) {
        return processorRuns.create(ProcessorKind.of(kind), null, null, metadata);
    }

    /** IDs of every processor run of {@code kind}, oldest first. */
    public List<String> processorRunIds(String kind) {
        return processorRuns.ids(ProcessorKind.of(kind));
    }

    // ---- scripted answers, journal ----

    /**
     * Queues a one-shot answer: the next request (whatever it is) gets exactly this, ahead of every rule and fault
     * except latency. Queued answers are used in order. {@code Content-Type: application/json} and
     * {@code x-extend-request-id} are added unless {@code headers} set them.
     */
    public ExtendSimulator respondNext(int status, String body, Map<String, String> headers) {
        scripted.respondNext(status, body, headers);
        return this;
    }

    /** {@link #respondNext(int, String, Map)} without extra headers. */
    public ExtendSimulator respondNext(int status, String body) {
        return respondNext(status, body, Map.of());
    }

    /** Queues a one-shot connection reset (after the request is read). */
    public ExtendSimulator resetNext() {
        scripted.resetNext();
        return this;
    }

    /** Queues a one-shot never-answered request. */
    public ExtendSimulator neverAnswerNext() {
        scripted.neverAnswerNext();
        return this;
    }

    /** The recorded requests, oldest first (an immutable snapshot; capped at the journal capacity). */
    public List<RecordedRequest> journal() {
        return journal.snapshot();
    }

    /** Exchanges held open right now: answers waiting for their latency, and never-answered requests. */
    public int heldExchanges() {
        return server.heldExchanges();
    }

    /**
     * Empties the journal and zeroes the counts: {@link #requestCount()} and the rate-limit counters of
     * {@link SimulatorFaults#rateLimitedCount()} and {@link SimulatorFaults#requestCount(String)}.
     */
    public ExtendSimulator clearJournal() {
        journal.clear();
        faults.clearCounts();
        return this;
    }

    /** Requests received since start or the last {@link #clearJournal()}, also those dropped from a full journal. */
    public long requestCount() {
        return journal.requestCount();
    }

    // ---- webhooks ----

    /**
     * Makes a webhook endpoint for {@code url} and subscribes it to {@code events} of the runs of {@code workflowId},
     * as {@code POST /webhook_endpoints} and {@code POST /webhook_subscriptions} would (the same checks, the same
     * 400 messages as {@link IllegalArgumentException}s).
     *
     * @param workflowId the workflow, or null for {@link #DEFAULT_WORKFLOW_ID}
     * @param events     {@code workflow_run.*} events; none for all of {@link #WORKFLOW_RUN_EVENTS}
     * @return the endpoint's ID, secret and subscription
     * @throws IllegalStateException when the simulator keeps as many endpoints or subscriptions as it can
     */
    public WebhookRegistration registerWebhook(String url, String workflowId, String... events) {
        String wf = workflowId == null ? DEFAULT_WORKFLOW_ID : workflowId;
        if (wf.isBlank()) {
            throw new IllegalArgumentException("workflowId must not be blank; null picks " + DEFAULT_WORKFLOW_ID);
        }
        List<String> chosen = events.length == 0 ? WORKFLOW_RUN_EVENTS : List.of(events);
        ObjectNode endpoint = SimSupport.MAPPER.createObjectNode()
                .put("url", url).put("name", "Simulator webhook").put("apiVersion", API_VERSION);
        endpoint.putArray("enabledEvents");
        checked(WebhookChecks.checkEndpointCreate(endpoint));
        ArrayNode scoped = SimSupport.MAPPER.createArrayNode();
        chosen.forEach(scoped::add);
        checked(WebhookChecks.checkScopedEvents(scoped, "workflow"));
        WebhookEndpoint e = webhooks.createEndpoint(url, "Simulator webhook", "enabled", List.of(), API_VERSION, null);
        WebhookSubscription sub = webhooks.registry().upsert(e.id(), "workflow", wf, WebhookChecks.events(scoped),
                clock.now());
        if (sub == null) {
            throw new IllegalStateException("The endpoint " + e.id() + " was deleted meanwhile");
        }
        return new WebhookRegistration(e.id(), sub.id(), url, wf, e.signingSecret());
    }

    private static void checked(String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The webhook delivery journal, oldest first: one entry per attempt (an immutable snapshot; the newest 10,000).
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.journal().snapshot();
    }

    /**
     * Waits until the journal holds at least {@code count} entries, or {@code timeout} has passed; returns the entries
     * either way (so a test can also assert that nothing came: {@code awaitWebhookDeliveries(1, ...)} empty).
     *
     * @param timeout 0 to 10 minutes
     */
    public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) {
        return awaitWebhookDeliveries(d -> true, count, timeout);
    }

    /** {@link #awaitWebhookDeliveries(int, Duration)} counting only the entries {@code which} accepts. */
    public List<WebhookDelivery> awaitWebhookDeliveries(Predicate<? super WebhookDelivery> which, int count,
            Duration timeout) {
        return webhooks.journal().await(Objects.requireNonNull(which, "which"), count, timeout);
    }

    /** Webhook deliveries not finished yet: waiting to be sent, in flight, or waiting for a retry. */
    public int pendingWebhookDeliveries() {
        return webhooks.pendingDeliveries();
    }

    /**
     * Sends the next webhook delivery twice: the same event ID and body, two separate deliveries (each signed anew,
     * each with its own retries), so that a receiver's deduplication on {@code eventId} can be tested. For a share of
     * all deliveries see {@link SimulatorFaults#duplicateWebhookRate(double)}.
     */
    public ExtendSimulator duplicateNextWebhook() {
        webhooks.duplicateNext();
        return this;
    }

    /**
     * Forgets every webhook endpoint and subscription, every delivery not finished yet and the delivery journal;
     * {@link #reset()} does this too.
     */
    public ExtendSimulator clearWebhooks() {
        webhooks.clear();
        return this;
    }

    /**
     * Back to a clean slate for the next test: journal cleared, faults and rate limit off (random re-seeded), scripted
     * answers dropped, held exchanges aborted, webhooks cleared ({@link #clearWebhooks()}). Runs, clock and settings
     * stay.
     */
    public ExtendSimulator reset() {
        scripted.clear();
        faults.clear();
        server.abortHeld();
        clearJournal();
        clearWebhooks();
        return this;
    }

    @Override
    public String toString() {
        return "ExtendSimulator[" + (server.port() < 0 ? "not started" : baseUrl()) + ", runs=" + runs.size()
                + ", processorRuns=" + processorRuns.size() + ", " + server.state() + "]";
    }

    // ---- standalone ----

    /** The command line of {@code java -jar camel-extend-simulator.jar}: see {@link SimulatorMain}. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorMain.main(args);
    }

    /**
     * Parses {@code args} as {@link #main(String[])} does, starts the simulator and prints its base URL, API key and
     * seeded runs to {@code out}. Returns the running simulator (the caller closes it), or null for {@code --help}.
     *
     * @throws IllegalArgumentException for unknown flags or bad values
     * @throws IllegalStateException    when the port cannot be bound
     */
    public static ExtendSimulator launch(String[] args, PrintStream out) {
        CommandLine commandLine = CommandLine.parse(args);
        if (commandLine.help()) {
            out.println(CommandLine.usage());
            return null;
        }
        return commandLine.launch(out);
    }

    // ---- builder ----
}
