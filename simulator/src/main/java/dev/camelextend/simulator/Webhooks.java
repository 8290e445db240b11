// Owns: the webhook side of one simulator, wired together: the registry, the run events, the dispatcher, the delivery
// journal, the signed payloads and the lifecycle ticker; whether an endpoint gets its payload inline or as a signed
// URL; its threads, started when the first endpoint is made and ended by close; and clearing all of it.
package dev.camelextend.simulator;

import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.MAPPER;
import static dev.camelextend.simulator.SimSupport.threads;

/**
 * Created with the simulator; a simulator whose tests never make an endpoint never starts a webhook thread. The
 * threads ({@code extend-simulator-PORT-webhook-N}, {@value #THREADS}) send, time out and retry deliveries and tick the
 * lifecycle; the JDK HttpClient adds its own selector thread.
 */
final class Webhooks {

    static final int THREADS = 2;

    private final SimulatorClock clock;
    private final IntSupplier port;
    private final WebhookRegistry registry;
    private final WebhookJournal journal = new WebhookJournal();
    private final SignedPayloads payloads = new SignedPayloads(SignedPayloads.CAPACITY);
    private final WebhookDispatcher dispatcher;
    private final RunEvents events;
    private LifecycleTicker ticker;
    private ScheduledThreadPoolExecutor executor; // guarded by this
    private boolean closed;

    Webhooks(long seed, SimulatorClock clock, SimulatorFaults faults, WebhookDispatcher.Options options,
            IntSupplier port) {
        this.clock = clock;
        this.port = port;
        this.registry = new WebhookRegistry(seed);
        this.dispatcher = new WebhookDispatcher(options, registry::endpoint, journal);
        this.events = new RunEvents(registry, dispatcher, this::payloadFor, faults, seed);
    }

    /** The listener the workflow runs tell when they settle. */
    SimRun.SettleListener runEvents() {
        return events;
    }

    /** The workflow runs whose lifecycle the ticker follows; given once, after the run store exists. */
    void watch(RunIndex<SimRun> runs) {
        this.ticker = new LifecycleTicker(runs, clock);
    }

    WebhookRegistry registry() {
        return registry;
    }

    WebhookJournal journal() {
        return journal;
    }

    /** {@code GET /webhook_payloads/{token}}. */
    Reply signedPayload(String token, SimRequest req) {
        return payloads.answer(token, req, clock.now());
    }

    int pendingDeliveries() {
        return dispatcher.outstanding();
    }

    void duplicateNext() {
        events.duplicateNext();
    }

    /**
     * Makes an endpoint; the first one starts the threads. Called with no lock held: starting sweeps the due runs.
     *
     * @throws IllegalStateException when the registry is full, or the simulator is closed
     */
    WebhookEndpoint createEndpoint(String url, String name, String status, List<String> events, String apiVersion,
            ObjectNode advancedOptions) {
        start();
        return registry.createEndpoint(url, name, status, events, apiVersion, advancedOptions, clock.now());
    }

    /** Forgets every endpoint, subscription, unfinished delivery and journal entry; the threads stay. */
    void clear() {
        dispatcher.clear();
        registry.clear();
        events.clear();
        journal.clear();
        payloads.clear();
    }

    /** Stops delivering and ends the threads. Idempotent. */
    void close() {
        ScheduledThreadPoolExecutor e;
        synchronized (this) {
            closed = true;
            e = executor;
        }
        if (ticker != null) {
            ticker.stop();
        }
        dispatcher.close();
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void start() {
        ScheduledThreadPoolExecutor started;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("ExtendSimulator is closed");
            }
            if (executor != null) {
                return;
            }
            int p = port.getAsInt();
            executor = new ScheduledThreadPoolExecutor(THREADS,
                    threads("extend-simulator-" + (p < 0 ? "unstarted" : Integer.toString(p)) + "-webhook-"));
            executor.setRemoveOnCancelPolicy(true); // cancelled timeouts and retries leave the queue at once
            started = executor;
        }
        dispatcher.start(started);
        ticker.start(started);
    }

    /**
     * The payload an endpoint gets: the run inline, or with {@code payload.format: "url"} (above the threshold, if
     * one is set) a {@code signed_data_url} to it, with the run's ID and metadata so that a receiver can decide before
     * fetching. Inline before the simulator has a port to point a URL at.
     */
    private JsonNode payloadFor(WebhookEndpoint endpoint, ObjectNode run, byte[] runBytes) {
        int p = port.getAsInt();
        if (p < 0 || !endpoint.deliversAsUrl(runBytes.length)) {
            return run;
        }
        String token = payloads.put(runBytes, clock.now());
        ObjectNode n = MAPPER.createObjectNode();
        n.put("object", "signed_data_url");
        n.put("data", "http://127.0.0.1:" + p + SignedPayloads.PATH + token);
        n.set("id", run.get("id"));
        n.set("metadata", run.get("metadata").deepCopy());
        return n;
    }
}
