// Owns: sending webhook deliveries: the bounded queue, at most a few attempts in flight on the JDK HttpClient (sent
// asynchronously: no thread waits for an answer), the headers and signature of each attempt, the delivery timeout,
// retries with exponential backoff after a non-2xx answer, a timeout or a connection failure, and journaling every
// attempt.
package dev.camelextend.simulator;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every delivery counts against the queue capacity from the moment it is submitted until it is delivered, gives up,
 * or is abandoned (its endpoint deleted or disabled, or {@link #clear()}): waiting to be sent, in flight, or waiting
 * for its retry. A delivery submitted to a full queue is journaled as dropped, never sent. Retries wait on the
 * scheduler, not on a thread. One lock guards the queue; the journal is the only thing taken while it is held.
 */
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendSimulator.class);
    /** each retry waits twice as long as the one before, but never longer than this */
    static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    /**
     * The request timeout covers the wait for the answer's head; a body that never ends is cut off this much later,
     * so that no attempt stays in flight for ever.
     */
    private static final Duration BODY_GRACE = Duration.ofSeconds(1);
    static final String USER_AGENT = "camel-extend-simulator-webhooks";

    /** The delivery settings of {@link SimulatorBuilder}: timeout, retries, first retry delay, queue, concurrency. */
    record Options(Duration timeout, int retries, Duration retryDelay, int queueCapacity, int concurrency) {
    }

    /** One event to one endpoint; {@code attempts} and {@code retry} are guarded by the dispatcher's lock. */
    private static final class Delivery {
        final String eventId;
        final String eventType;
        final String endpointId;
        final byte[] body;
        final boolean duplicate;
        final long generation;
        int attempts;
        ScheduledFuture<?> retry;

        Delivery(String eventId, String eventType, String endpointId, byte[] body, boolean duplicate, long generation) {
            this.eventId = eventId;
            this.eventType = eventType;
            this.endpointId = endpointId;
            this.body = body;
            this.duplicate = duplicate;
            this.generation = generation;
        }
    }

    private final Options options;
    /** the endpoint as it is now (an update between attempts applies to the next one), or null once deleted */
    private final Function<String, WebhookEndpoint> endpoints;
    private final WebhookJournal journal;

    private final ArrayDeque<Delivery> ready = new ArrayDeque<>();
    /** deliveries waiting for their retry; identity-based, Delivery has no equals */
    private final Set<Delivery> waiting = new HashSet<>();
    private int inFlight;
    /** bumped by {@link #clear()}: an attempt that ends after it belongs to a forgotten delivery */
    private long generation;
    private ScheduledExecutorService threads;
    private HttpClient client;
    private boolean closed;

    WebhookDispatcher(Options options, Function<String, WebhookEndpoint> endpoints, WebhookJournal journal) {
        this.options = options;
        this.endpoints = endpoints;
        this.journal = journal;
    }

    /** Sends from now on with the client made here, on {@code threads} (the simulator's webhook threads). */
    synchronized void start(ScheduledExecutorService executor) {
        if (threads != null || closed) {
            return;
        }
        threads = executor;
        // HTTP/1.1: no h2c upgrade attempt on http:// URLs; no redirects: a delivery goes to the URL registered
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    }

    /**
     * Queues one delivery of an event to an endpoint. Called while the settled run's lock is held, so it only queues:
     * the sending happens on the webhook threads.
     */
    void submit(WebhookEndpoint endpoint, String eventId, String eventType, byte[] body, boolean duplicate) {
        String dropped = null;
        synchronized (this) {
            Delivery d = new Delivery(eventId, eventType, endpoint.id(), body, duplicate, generation);
            if (threads == null || closed) {
                dropped = "the simulator is not delivering (closed)";
            } else if (outstanding() >= options.queueCapacity()) {
                dropped = "queue full: " + options.queueCapacity() + " deliveries are waiting or in flight";
            } else {
                ready.addLast(d);
            }
            if (dropped != null) {
                journal.record(new WebhookDelivery(Instant.now(), eventId, eventType, endpoint.id(), endpoint.url(),
                        0, duplicate, WebhookDelivery.Outcome.DROPPED, 0, dropped, false, Map.of(), text(body)));
                return;
            }
        }
        pumpLater();
    }

    /** Deliveries not finished yet: waiting to be sent, in flight, or waiting for a retry. */
    synchronized int outstanding() {
        return ready.size() + waiting.size() + inFlight;
    }

    /** Forgets every delivery not finished yet; those in flight end without a journal entry or a retry. */
    synchronized void clear() {
        generation++;
        ready.clear();
        waiting.forEach(d -> d.retry.cancel(false));
        waiting.clear();
    }

    /** Stops sending; the caller shuts the threads down. */
    void close() {
        HttpClient c;
        synchronized (this) {
            clear();
            closed = true;
            c = client;
            client = null;
        }
        shutdown(c);
    }

    private void pumpLater() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = threads;
        }
        try {
            t.execute(this::pump);
        } catch (RejectedExecutionException closing) {
            // the simulator is closing: nothing is sent any more
        }
    }

    /** Starts attempts while fewer than {@code concurrency} are in flight. Runs on a webhook thread. */
    private void pump() {
        while (true) {
            Delivery d;
            synchronized (this) {
                if (closed || inFlight >= options.concurrency() || ready.isEmpty()) {
                    return;
                }
                d = ready.pollFirst();
                inFlight++;
            }
            attempt(d);
        }
    }

    private void attempt(Delivery d) {
        WebhookEndpoint endpoint = endpoints.apply(d.endpointId);
        int attempt;
        HttpClient c;
        synchronized (this) {
            if (endpoint == null || !endpoint.enabled() || d.generation != generation || closed) {
                inFlight--; // abandoned: the endpoint was deleted or disabled, or the delivery forgotten
                return;
            }
            attempt = ++d.attempts;
            c = client;
        }
        Map<String, String> headers = headers(endpoint, d.body);
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(options.timeout())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body));
            headers.forEach(request::header);
            sent = c.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            completed(d, endpoint, attempt, headers, null, e);
            return;
        }
        ScheduledFuture<?> guard = guard(sent);
        sent.whenComplete((response, error) -> {
            if (guard != null) {
                guard.cancel(false);
            }
            completed(d, endpoint, attempt, headers, response, error);
        });
    }

    /** The custom headers of the endpoint, then those of every delivery, which they cannot override. */
    private static Map<String, String> headers(WebhookEndpoint endpoint, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        endpoint.headers().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        long timestamp = Instant.now().getEpochSecond(); // wall clock: receivers check it against theirs
        h.put("content-type", "application/json");
        h.put("user-agent", USER_AGENT);
        h.put(ExtendSimulator.API_VERSION_HEADER, endpoint.apiVersion());
        h.put(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp));
        h.put(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(endpoint.signingSecret(), timestamp, body));
        return h;
    }

    private ScheduledFuture<?> guard(CompletableFuture<?> sent) {
        try {
            return threads.schedule(() -> sent.cancel(true), options.timeout().plus(BODY_GRACE).toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            return null;
        }
    }

    private void completed(Delivery d, WebhookEndpoint endpoint, int attempt, Map<String, String> headers,
            HttpResponse<Void> response, Throwable error) {
        WebhookDelivery.Outcome outcome;
        int status = 0;
        String failure = null;
        if (error == null) {
            status = response.statusCode();
            outcome = status >= 200 && status < 300 ? WebhookDelivery.Outcome.DELIVERED
                    : WebhookDelivery.Outcome.REJECTED;
        } else {
            Throwable cause = unwrap(error);
            if (cause instanceof HttpTimeoutException || cause instanceof CancellationException) {
                outcome = WebhookDelivery.Outcome.TIMED_OUT;
                failure = "no answer within " + options.timeout();
            } else {
                outcome = WebhookDelivery.Outcome.CONNECTION_FAILED;
                failure = cause.toString();
            }
        }
        synchronized (this) {
            inFlight--;
            if (d.generation == generation && !closed) {
                boolean retrying = outcome != WebhookDelivery.Outcome.DELIVERED && attempt <= options.retries()
                        && scheduleRetry(d, attempt);
                // recorded under the lock, so that the entry of a retry can never come before this one
                journal.record(new WebhookDelivery(Instant.now(), d.eventId, d.eventType, d.endpointId,
                        endpoint.url(), attempt, d.duplicate, outcome, status, failure, retrying, headers,
                        text(d.body)));
            }
        }
        LOG.debug("Extend simulator webhook {} {} attempt {} -> {} {}", d.eventType, d.eventId, attempt, outcome,
                status > 0 ? status : failure);
        pumpLater();
    }

    /** The caller holds the lock. False when the threads are shut down. */
    private boolean scheduleRetry(Delivery d, int attempt) {
        try {
            d.retry = threads.schedule(() -> retryNow(d), backoff(attempt).toNanos(), TimeUnit.NANOSECONDS);
            waiting.add(d);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    private void retryNow(Delivery d) {
        synchronized (this) {
            if (!waiting.remove(d) || closed) {
                return;
            }
            ready.addLast(d);
        }
        pump();
    }

    /** The wait before the retry after attempt {@code n}: the retry delay, doubled for each attempt before. */
    Duration backoff(int n) {
        Duration d = options.retryDelay();
        for (int i = 1; i < n && d.compareTo(MAX_RETRY_DELAY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : d;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Ends the client's own selector thread where the JDK can (HttpClient.shutdownNow, Java 21+). On Java 17 the
     * client has no such method and its thread ends once the client is unreachable.
     */
    private static void shutdown(HttpClient c) {
        if (c == null) {
            return;
        }
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            shutdownNow.invoke(c);
        } catch (NoSuchMethodException java17) {
            // dropped with the last reference
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Extend simulator could not shut its webhook client down: {}", e.toString());
        }
    }
}
