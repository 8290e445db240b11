package dev.camelextend.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.client.ExtendCallFailure.Kind;
import dev.camelextend.model.WorkflowRun;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel-free, non-blocking client for Extend's workflow-run endpoints: the operations, and the rules of one call
 * across its attempts (retry, classification, the cancel-refusal check, the one completion funnel). Sending is
 * delegated: {@link Pacing} waits for the rate limiter, {@link Dispatcher} writes the request and keeps its deadline.
 * Each call returns at once; its future completes exactly once, with an {@link ExtendResponse} or an
 * {@link ExtendCallFailure}, on an HttpClient I/O thread or on the scheduler thread.
 * <p>
 * Retries are counted per call, never shared between calls: every call gets the full budget. Backoff waits are
 * scheduled on the {@code scheduler}, so no thread sleeps. Every attempt is bounded by {@code requestTimeout}: the
 * socket-level response timeout catches a silent server, and an attempt deadline also bounds a server that trickles
 * bytes forever or a connection pool that never frees a slot.
 * <p>
 * The client does not own the HTTP client or the scheduler: whoever created them closes them. {@link #close()} ends
 * the client itself: calls still pending fail at once and nothing more is sent, so that stopping the component can
 * neither leave an exchange waiting forever (its retry or deadline dropped with the scheduler) nor send a request
 * after the stop.
 */
public final class ExtendClient {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendClient.class);

    private final ExtendClientSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Sending sending;
    private final AnswerReader reader;
    private final ErrorBodyDecoder errorDecoder;
    private final RetryPolicy retryPolicy;
    private final String runsUrl;
    private final Clock clock;
    /** Calls not completed yet, so that {@link #close()} can end them. */
    private final Set<Call> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param rateLimiter paces every request of this client (shared with other clients of the same account), or null
     *                    for no client-side limit
     */
    public ExtendClient(ExtendClientSettings settings, Transport transport,
                        ScheduledExecutorService scheduler, ObjectMapper mapper, RateLimiter rateLimiter) {
        this(settings, new Pacing(rateLimiter, new Dispatcher(settings, transport, scheduler), scheduler,
                callBudget(settings)), scheduler, mapper, Clock.systemUTC());
    }

    /** The call rules over any {@link Sending}: canned answers and a virtual scheduler and clock, in tests. */
    ExtendClient(ExtendClientSettings settings, Sending sending, ScheduledExecutorService scheduler,
                 ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.sending = sending;
        this.reader = new AnswerReader(mapper, settings.apiKey());
        this.errorDecoder = new ErrorBodyDecoder(mapper, settings.apiKey());
        this.retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
        this.runsUrl = settings.baseUrl() + "/workflow_runs/";
        this.clock = clock;
    }

    public ExtendClientSettings settings() {
        return settings;
    }

    /**
     * Ends this client: every call not completed yet fails now ({@link Kind#CONNECTION}), requests in flight are
     * cancelled, and no request is sent from now on - not even a retry or a rate-limited send that was already
     * waiting. Later calls fail at once. Idempotent. The HTTP client and the scheduler stay open (their owner closes
     * them).
     */
    public void close() {
        closed = true;
        for (Call call : pending) {
            fail(call, closedFailure(call));
        }
        sending.close();
    }

    private static ExtendCallFailure.Builder closedFailure(Call call) {
        return ExtendCallFailure.builder(Kind.CONNECTION, call.operation.label(), call.runId)
                .message(call.describe() + ": the Extend client was closed (the component is stopping) before the call"
                         + " completed");
    }

    /**
     * {@code POST /workflow_runs/{id}/cancel}. A refusal (409, or 400/422) is confirmed with one GET of the run: if
     * the run is no longer PENDING or PROCESSING, the future fails with {@link Kind#CANCEL_NOT_ALLOWED} - unless the
     * run is CANCELLED or CANCELLING and either {@code alreadyCancelledIsSuccess} is set or an earlier attempt of this
     * call may have reached Extend; then the cancel succeeded and the run is the result.
     *
     * @param runId       a valid run ID (see {@link RunIds}); an invalid one throws IllegalArgumentException at once
     * @param workspaceId sent as {@code x-extend-workspace-id}; null for none
     */
    public CompletableFuture<ExtendResponse> cancelRun(String runId, String workspaceId) {
        return call(RunOperation.CANCEL_RUN, runId, workspaceId);
    }

    /** {@code GET /workflow_runs/{id}}. */
    public CompletableFuture<ExtendResponse> getRun(String runId, String workspaceId) {
        return call(RunOperation.GET_RUN, runId, workspaceId);
    }

    /** {@code operation} on the run; see {@link #cancelRun} and {@link #getRun}. */
    public CompletableFuture<ExtendResponse> call(RunOperation operation, String runId, String workspaceId) {
        return start(new Call(operation, operation.url(runsUrl, segment(runId)), runId, workspaceId));
    }

    /**
     * A cheap authenticated request for health checks: {@code GET /workflow_runs?maxPageSize=1}, one attempt, no
     * retries. Completes with the answer's status (any status, 2xx or not), or fails when there was no answer.
     */
    public CompletableFuture<ProbeResult> probe(String workspaceId) {
        long budgetEnds = System.nanoTime() + settings.requestTimeout().toNanos(); // one attempt, no retries
        return sending.send(Method.GET, settings.baseUrl() + "/workflow_runs?maxPageSize=1", workspaceId, budgetEnds)
                .thenApply(answer -> {
            ApiError error = answer.isSuccess() ? ApiError.EMPTY : errorDecoder.decode(answer.body());
            return new ProbeResult(answer.status(), error.code(), error.message(),
                    answer.requestId() != null ? reader.requestId(answer) : error.requestId());
        });
    }

    /** What a {@link #probe} saw; its texts have been through {@link ServerText} with the key. */
    public record ProbeResult(int statusCode, String errorCode, String errorMessage, String requestId) {
    }

    /**
     * A run ID as a path segment. The check admits only {@code [A-Za-z0-9_-]}, characters that URL-encode to
     * themselves, so the checked ID is the segment: no input can add a path separator, a dot segment or an escape.
     */
    private static String segment(String runId) {
        return RunIds.require(runId);
    }

    /**
     * How long a call may wait for rate-limiter slots in all: as long as its attempts could take without a limiter.
     */
    private Duration callBudget() {
        return callBudget(settings);
    }

    private static Duration callBudget(ExtendClientSettings settings) {
        return settings.requestTimeout().multipliedBy(settings.maxRetries() + 1L);
    }

    private CompletableFuture<ExtendResponse> start(Call call) {
        call.budgetEnds = System.nanoTime() + callBudget().toNanos();
        pending.add(call);
        if (closed) { // checked after the add: a concurrent close() either sees the call or is seen here
            fail(call, closedFailure(call));
            return call.result;
        }
        attempt(call);
        return call.result;
    }

    /** One exchange of the operation; its outcome decides between result, retry and failure. */
    private void attempt(Call call) {
        if (call.result.isDone()) {
            return; // ended by close() while this attempt waited for its turn
        }
        call.attempts++;
        long started = System.nanoTime();
        CompletableFuture<RawResponse> sent = sending.send(call.operation.method(), call.url, call.workspaceId,
                call.budgetEnds);
        sent.whenComplete((answer, error) -> {
            try {
                logAttempt(call, answer, error, started);
                if (error != null) {
                    onNoAnswer(call, unwrap(error));
                } else if (answer.isEncoded()) {
                    onEncodedAnswer(call, answer);
                } else if (answer.isSuccess()) {
                    onSuccess(call, answer);
                } else {
                    onErrorAnswer(call, answer);
                }
            } catch (RuntimeException | Error unexpected) {
                // a bug here must still end the call, or the exchange would hang forever
                finish(call, unexpected);
            }
        });
    }

    private void onSuccess(Call call, RawResponse answer) {
        WorkflowRun run;
        try {
            run = reader.run(answer.body(), call.runId);
        } catch (AnswerReader.WrongAnswerException wrong) {
            fail(call, ExtendCallFailure.builder(Kind.INVALID_RESPONSE, call.operation.label(), call.runId)
                    .message(call.describe() + ": Extend answered HTTP " + answer.status() + " but " + wrong.getMessage())
                    .answer(answer, null));
            return;
        } catch (IOException | RuntimeException invalid) {
            // A malformed 2xx is not a network fault and retrying will not fix it: report it as what it is. The
            // parse error is described, never kept as the cause: Jackson's message quotes the body (whatever a
            // gateway put there), and error handlers log causes.
            fail(call, ExtendCallFailure.builder(Kind.INVALID_RESPONSE, call.operation.label(), call.runId)
                    .message(call.describe() + ": Extend answered HTTP " + answer.status()
                             + " but the body is not a WorkflowRun (" + AnswerReader.describeParseError(invalid)
                             + "). Body starts: " + reader.quote(answer))
                    .answer(answer, null));
            return;
        }
        finish(call, new ExtendResponse(run, answer.status(), reader.requestId(answer), call.attempts));
    }

    /**
     * The client asks for no compression, so an encoded body is not one it can read - and inflating a stranger's
     * gzip is how a few KB become many MB. Not a network fault; asking again would get the same.
     */
    private void onEncodedAnswer(Call call, RawResponse answer) {
        fail(call, ExtendCallFailure.builder(Kind.INVALID_RESPONSE, call.operation.label(), call.runId)
                .message(call.describe() + ": Extend answered HTTP " + answer.status() + " with Content-Encoding '"
                         + reader.printable(answer.header("Content-Encoding")) + "', which this client did not ask for and"
                         + " does not decode")
                .answer(answer, null));
    }

    private void onErrorAnswer(Call call, RawResponse answer) {
        ApiError error = errorDecoder.decode(answer.body());
        int status = answer.status();
        if (call.operation.isPossibleRefusal(status)) {
            confirmRefusal(call, answer, error);
            return;
        }
        Duration retryAfter = RetryAfter.parse(answer.header("Retry-After"), clock);
        if (status == 429 && retryAfter != null) {
            // Extend counts per organization: what one exchange was told applies to every exchange of this account,
            // but for no longer than this client would itself wait - a longer Retry-After fails this exchange at once
            // and must not freeze every other route of the account for that long
            sending.pauseFor(retryAfter, settings.maxRetryAfter());
        }
        ExtendCallFailure.Builder failure = httpFailure(call, answer, error, retryAfter);
        if (!RetryPolicy.isRetryableStatus(status) || call.attempts > settings.maxRetries()) {
            fail(call, failure);
            return;
        }
        if (retryAfter != null && retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
            // waiting that long would hold the exchange hostage: let the route's error handler decide
            fail(call, failure);
            return;
        }
        if (status != 429) {
            // a 5xx or 408 may have come after Extend acted on the request; a 429 is refused before any work
            call.mayHaveReachedExtend = true;
        }
        retryLater(call, retryAfter != null ? retryAfter : retryPolicy.backoff(call.attempts), failure);
    }

    private void onNoAnswer(Call call, Throwable error) {
        if (error instanceof Pacing.RateLimitWaitException noSlot) {
            // nothing was sent; waiting longer than the call's own budget is for the route's error handler to decide
            fail(call, ExtendCallFailure.builder(Kind.RATE_LIMITED, call.operation.label(), call.runId)
                    .message(call.describe() + ": " + noSlot.getMessage())
                    .retryAfter(noSlot.pause()));
            return;
        }
        if (error instanceof BoundedBytesConsumer.ResponseTooLargeException) {
            // an answer came, it is just not one we accept: not a network fault, and asking again will not shrink it
            fail(call, ExtendCallFailure.builder(Kind.INVALID_RESPONSE, call.operation.label(), call.runId)
                    .message(call.describe() + ": " + error.getMessage() + " (raise maxResponseSize if this is expected)")
                    .cause(ServerText.safeCause(error, settings.apiKey())));
            return;
        }
        boolean neverSent = error instanceof ConnectException || error instanceof ConnectTimeoutException;
        if (!neverSent) {
            // the request may have been written before the answer was lost
            call.mayHaveReachedExtend = true;
        }
        boolean timeout = isTimeout(error);
        ExtendCallFailure.Builder failure = ExtendCallFailure
                .builder(timeout ? Kind.TIMEOUT : Kind.CONNECTION, call.operation.label(), call.runId)
                .message(call.describe() + ": " + (timeout ? "no answer within the timeout"
                        : error instanceof ResponseBudget.BudgetExceededException ? "the answer could not be held"
                        : "connection failed") + " (" + describe(error) + ")")
                .cause(ServerText.safeCause(error, settings.apiKey()));
        boolean permanent = error instanceof SSLException;
        if (permanent || call.attempts > settings.maxRetries()) {
            fail(call, failure);
        } else {
            retryLater(call, retryPolicy.backoff(call.attempts), failure);
        }
    }

    private void retryLater(Call call, Duration delay, ExtendCallFailure.Builder ifRejected) {
        retryLater(call, () -> attempt(call), delay, ifRejected);
    }

    /** Runs {@code next} after {@code delay} on the scheduler; no thread waits meanwhile. */
    private void retryLater(Call call, Runnable next, Duration delay, ExtendCallFailure.Builder ifRejected) {
        if (closed) {
            fail(call, ifRejected);
            return;
        }
        try {
            scheduler.schedule(next, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException shutDown) {
            // the component is stopping: end the call with the last failure rather than leave it pending
            fail(call, ifRejected);
        }
    }

    /**
     * Extend does not document which status refuses a cancel of a finished run. A GET settles it: a run that can no
     * longer be cancelled makes this a {@link Kind#CANCEL_NOT_ALLOWED}; otherwise the original error stands.
     */
    private void confirmRefusal(Call call, RawResponse refusal, ApiError error) {
        confirmRefusal(call, refusal, error, httpFailure(call, refusal, error, null), 1);
    }

    /**
     * One confirming GET. A GET that gets no answer or a retryable status is retried within {@code maxRetries} (the
     * refusal itself is final): an unconfirmed refusal would otherwise surface as a plain, non-retryable 400 that a
     * route may treat as permanent.
     */
    private void confirmRefusal(Call call, RawResponse refusal, ApiError error, ExtendCallFailure.Builder original,
                                int lookup) {
        if (call.result.isDone()) {
            return; // ended by close() while this lookup waited
        }
        sending.send(Method.GET, RunOperation.GET_RUN.url(runsUrl, call.runId), call.workspaceId, call.budgetEnds)
                .whenComplete((answer, lookupError) -> {
            try {
                boolean transientLookup = lookupError != null
                                          || answer != null && RetryPolicy.isRetryableStatus(answer.status());
                if (transientLookup && lookup <= settings.maxRetries()) {
                    retryLater(call, () -> confirmRefusal(call, refusal, error, original, lookup + 1),
                            retryPolicy.backoff(lookup), original);
                    return;
                }
                WorkflowRun run = answer != null && answer.isSuccess() ? reader.runOrNull(answer.body(), call.runId) : null;
                if (run == null || run.getStatus() == null || run.getStatus().isCancellable()) {
                    fail(call, original);
                } else if (run.getStatus().isCancelledOrCancelling()
                           && (settings.alreadyCancelledIsSuccess() || call.mayHaveReachedExtend)) {
                    finish(call, new ExtendResponse(run, answer.status(), reader.requestId(answer), call.attempts));
                } else {
                    fail(call, ExtendCallFailure.builder(Kind.CANCEL_NOT_ALLOWED, call.operation.label(), call.runId)
                            .message("Extend refused to cancel run " + call.runId + ": it is " + run.getRawStatus()
                                     + ", and only PENDING or PROCESSING runs can be cancelled (HTTP "
                                     + refusal.status() + codeAndMessage(error) + ")")
                            .answer(refusal, error)
                            .currentRun(run));
                }
            } catch (RuntimeException | Error unexpected) {
                finish(call, unexpected);
            }
        });
    }

    private ExtendCallFailure.Builder httpFailure(Call call, RawResponse answer, ApiError error, Duration retryAfter) {
        String requestId = answer.requestId() != null ? reader.requestId(answer) : error.requestId();
        return ExtendCallFailure.builder(Kind.HTTP_STATUS, call.operation.label(), call.runId)
                .message(call.describe() + ": HTTP " + answer.status() + codeAndMessage(error)
                         + (requestId != null ? " (requestId " + requestId + ")" : "")
                         + (retryAfter != null ? " (Retry-After " + retryAfter.toSeconds() + "s)" : ""))
                .answer(answer, error)
                .retryAfter(retryAfter);
    }

    private void fail(Call call, ExtendCallFailure.Builder failure) {
        finish(call, failure.attempts(call.attempts).redact(settings.apiKey()).build());
    }

    /*
     * Every call ends in one of these two. The call leaves the pending set first: completing it runs whatever waits
     * on the future (the rest of a route, often) on this thread.
     */
    private void finish(Call call, ExtendResponse response) {
        pending.remove(call);
        call.result.complete(response);
    }

    private void finish(Call call, Throwable failure) {
        pending.remove(call);
        call.result.completeExceptionally(failure);
    }

    private static String codeAndMessage(ApiError error) {
        StringBuilder sb = new StringBuilder();
        if (error.code() != null) {
            sb.append(' ').append(error.code());
        }
        if (error.message() != null) {
            sb.append(": ").append(error.message());
        }
        return sb.toString();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean isTimeout(Throwable error) {
        return error instanceof TimeoutException || error instanceof InterruptedIOException;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    private void logAttempt(Call call, RawResponse answer, Throwable error, long startedNanos) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        if (answer != null) {
            // what the server sent is logged only through ServerText: key masked, one line, bounded
            LOG.debug("Extend {} run={} attempt={} status={} durationMs={} requestId={}", call.operation, call.runId,
                    call.attempts, answer.status(), millis, reader.requestId(answer));
            if (LOG.isTraceEnabled()) {
                LOG.trace("Extend {} run={} body: {}", call.operation, call.runId,
                        ServerText.bodyExcerpt(answer.body(), ServerText.LOG_BODY_CHARS, settings.apiKey()));
            }
        } else {
            // a transport error may quote what the server sent (a malformed status line or header)
            LOG.debug("Extend {} run={} attempt={} failed durationMs={}: {}", call.operation, call.runId,
                    call.attempts, millis,
                    ServerText.clean(describe(unwrap(error)), ServerText.MESSAGE_CHARS, settings.apiKey()));
        }
    }

    /** The state of one operation across its attempts: only ever touched by one thread at a time. */
    private static final class Call {
        final RunOperation operation;
        final String url;
        final String runId;
        final String workspaceId;
        final CompletableFuture<ExtendResponse> result = new CompletableFuture<>();
        volatile int attempts;
        volatile boolean mayHaveReachedExtend;
        /** {@code System.nanoTime()} after which the call no longer waits for rate-limiter slots. */
        volatile long budgetEnds;

        Call(RunOperation operation, String url, String runId, String workspaceId) {
            this.operation = operation;
            this.url = url;
            this.runId = runId;
            this.workspaceId = workspaceId;
        }

        String describe() {
            return "Extend " + operation + " of run " + runId + " failed after " + attempts
                   + (attempts == 1 ? " attempt" : " attempts");
        }
    }
}
