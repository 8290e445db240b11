package dev.camelextend.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.client.ExtendCallFailure.Kind;
import org.apache.hc.core5.http.Method;

/**
 * A Camel-free, non-blocking client for Extend's run endpoints - workflow runs and processor runs: the operations on
 * one run, waits for a run to settle, pages of a listing - and for its webhook management API (endpoints and
 * resource-scoped subscriptions), the health probe, and the client's lifecycle. It wires the rooms below it and holds no rule of its own: {@link CallExecution} runs each call
 * (attempts, retries, classification, one completion funnel), {@link Pacing} waits for the rate limiter, and
 * {@link Dispatcher} writes the request and keeps its deadline.
 * <p>
 * Each call returns at once; its future completes exactly once, with an {@link ExtendResponse} or an
 * {@link ExtendCallFailure}, on an HttpClient I/O thread or on the scheduler thread. The client does not own the HTTP
 * client or the scheduler: whoever created them closes them.
 */
public final class ExtendClient {

    private final ExtendClientSettings settings;
    private final Sending sending;
    private final ClientTime time;
    private final AnswerReader reader;
    private final ErrorBodyDecoder errorDecoder;
    private final CallExecution calls;
    private final RunWaiter waiter;
    private final WebhookRequests webhooks;

    /**
     * @param readLimiter  paces this client's reads, the GETs ({@link RequestCategory#READ}; shared with other clients
     *                     of the same account), or null for no client-side limit on reads
     * @param writeLimiter paces this client's writes, such as cancels ({@link RequestCategory#WRITE}), or null
     */
    public ExtendClient(ExtendClientSettings settings, Transport transport, ScheduledExecutorService scheduler,
                        ObjectMapper mapper, RateLimiter readLimiter, RateLimiter writeLimiter) {
        this(settings, ClientTime.system(scheduler), mapper, readLimiter, writeLimiter, transport);
    }

    private ExtendClient(ExtendClientSettings settings, ClientTime time, ObjectMapper mapper, RateLimiter readLimiter,
                         RateLimiter writeLimiter, Transport transport) {
        this(settings, new Pacing(readLimiter, writeLimiter, new Dispatcher(settings, transport, time), time,
                settings.callBudget()), time, mapper);
    }

    /** The same over any {@link Sending}: canned answers on a virtual scheduler and clock, in tests. */
    ExtendClient(ExtendClientSettings settings, Sending sending, ClientTime time, ObjectMapper mapper) {
        this.settings = settings;
        this.sending = sending;
        this.time = time;
        this.reader = new AnswerReader(mapper, settings.apiKey());
        this.errorDecoder = new ErrorBodyDecoder(mapper, settings.apiKey());
        this.calls = new CallExecution(settings, sending, time, reader, errorDecoder);
        this.waiter = new RunWaiter(calls, time, settings.apiKey());
        this.webhooks = new WebhookRequests(settings.baseUrl(), settings.apiVersion(), mapper);
    }

    public ExtendClientSettings settings() {
        return settings;
    }

    /** The client's clocks and scheduler, for the jobs built on it ({@link BatchCancel}). */
    ClientTime time() {
        return time;
    }

    /**
     * {@code POST /workflow_runs/{id}/cancel}. A refusal (409, or 400/422) is confirmed with one GET of the run (see
     * {@link CancelRefusalCheck}): a run that can no longer be cancelled fails the future with
     * {@link Kind#CANCEL_NOT_ALLOWED}.
     *
     * @param workspaceId sent as {@code x-extend-workspace-id}; null for none
     * @throws IllegalArgumentException at once, for an invalid run ID
     */
    public CompletableFuture<ExtendResponse> cancelRun(String runId, String workspaceId) {
        return call(ApiOperation.CANCEL_RUN, RunId.of(runId), workspaceId);
    }

    /**
     * {@code GET /workflow_runs/{id}}.
     *
     * @throws IllegalArgumentException at once, for an invalid run ID
     */
    public CompletableFuture<ExtendResponse> getRun(String runId, String workspaceId) {
        return call(ApiOperation.GET_RUN, RunId.of(runId), workspaceId);
    }

    /** {@code operation} on the workflow run; see {@link #cancelRun} and {@link #getRun}. */
    public CompletableFuture<ExtendResponse> call(ApiOperation operation, RunId runId, String workspaceId) {
        return call(operation, RunKind.WORKFLOW, runId, workspaceId);
    }

    /** {@code operation} on the run of {@code kind}: {@code POST /extract_runs/{id}/cancel}, and so on. */
    public CompletableFuture<ExtendResponse> call(ApiOperation operation, RunKind kind, RunId runId,
                                                  String workspaceId) {
        return calls.start(operation, kind, runId, workspaceId).result;
    }

    /**
     * Polls the run until it is settled (not PENDING, PROCESSING or CANCELLING), within {@code wait}'s timeout, and
     * completes with its last answer. Holds no thread while waiting; see {@link RunWaiter}.
     */
    public CompletableFuture<ExtendResponse> awaitRun(RunKind kind, RunId runId, String workspaceId,
                                                      WaitSettings wait) {
        return waiter.await(kind, runId, workspaceId, wait, null, 0);
    }

    /**
     * Cancels the run, then - unless the cancel's answer is settled already - waits for it to settle as
     * {@link #awaitRun} does. The result is the settled run: {@code CANCELLED} when the cancel won, another settled
     * status when the run finished first. A refused cancel fails as {@link #call} fails it.
     */
    public CompletableFuture<ExtendResponse> cancelAndAwait(RunKind kind, RunId runId, String workspaceId,
                                                            WaitSettings wait) {
        return call(ApiOperation.CANCEL_RUN, kind, runId, workspaceId)
                .thenCompose(cancelled -> waiter.await(kind, runId, workspaceId, wait, cancelled,
                        cancelled.attempts()));
    }

    /**
     * One page of a listing, {@code GET /workflow_runs?...} (or the list of {@code kind}): bounded, retried and rate
     * limited like every call. The response's {@link ExtendResponse#page()} holds the runs and the next page's token.
     *
     * @param query     filters with at most one status (Extend lists one status per request)
     * @param pageToken the page to ask for, or null for the first
     */
    public CompletableFuture<ExtendResponse> listPage(RunKind kind, RunListQuery query, String pageToken,
                                                      String workspaceId) {
        return calls.startListing(kind, query, pageToken, workspaceId).result;
    }

    /*
     * -- webhook management: each is one call, bounded, retried and rate limited like every call (GETs are reads, the
     * rest writes); the response's webhook() holds what Extend answered --
     */

    /**
     * {@code POST /webhook_endpoints}: a new endpoint, pinned to this client's API version; the answer's
     * {@code WebhookEndpoint} carries its signing secret, which Extend returns this once. Never sent twice after an
     * attempt that may have reached Extend (a second endpoint would be made): such a failure says so.
     *
     * @param enabledEvents account-wide events; empty for an endpoint of resource-scoped subscriptions only
     * @throws IllegalArgumentException at once, for a URL, name or event that cannot be sent
     */
    public CompletableFuture<ExtendResponse> createWebhookEndpoint(String url, String name, List<String> enabledEvents,
                                                                   String workspaceId) {
        return calls.startWebhookCall(ApiOperation.CREATE_WEBHOOK_ENDPOINT, "a new webhook endpoint", null,
                webhooks.createEndpoint(url, name, enabledEvents, workspaceId)).result;
    }

    /** One page of {@code GET /webhook_endpoints}; {@code status} ({@code enabled}, {@code disabled}) or null. */
    public CompletableFuture<ExtendResponse> listWebhookEndpoints(String status, String pageToken, int pageSize,
                                                                  String workspaceId) {
        return calls.startWebhookCall(ApiOperation.LIST_WEBHOOK_ENDPOINTS, "webhook endpoints", null,
                webhooks.listEndpoints(status, pageToken, pageSize, workspaceId)).result;
    }

    /** Every page of {@link #listWebhookEndpoints}, gathered: the answer's webhook() is a List (bounded pages). */
    public CompletableFuture<ExtendResponse> listAllWebhookEndpoints(int pageSize, String workspaceId) {
        return WebhookLists.all(token -> listWebhookEndpoints(null, token, pageSize, workspaceId),
                ApiOperation.LIST_WEBHOOK_ENDPOINTS.label(), "webhook endpoints");
    }

    /**
     * {@code DELETE /webhook_endpoints/{id}}; the answer's webhook() is the ID. A 404 after an attempt whose answer was
     * lost counts as deleted.
     *
     * @throws IllegalArgumentException at once, for an ID that is not one
     */
    public CompletableFuture<ExtendResponse> deleteWebhookEndpoint(String endpointId, String workspaceId) {
        ApiRequest request = webhooks.deleteEndpoint(endpointId, workspaceId);
        return calls.startWebhookCall(ApiOperation.DELETE_WEBHOOK_ENDPOINT, "webhook endpoint " + endpointId,
                endpointId, request).result;
    }

    /**
     * {@code POST /webhook_subscriptions} of a workflow's run events to an endpoint: an upsert, so it is safe to ask
     * at every start; the answer's webhook() is the {@code WebhookSubscription}.
     *
     * @throws IllegalArgumentException at once, for an ID or event that cannot be sent
     */
    public CompletableFuture<ExtendResponse> subscribeWorkflow(String endpointId, String workflowId,
                                                               List<String> events, String workspaceId) {
        ApiRequest request = webhooks.subscribeWorkflow(endpointId, workflowId, events, workspaceId);
        return calls.startWebhookCall(ApiOperation.CREATE_WEBHOOK_SUBSCRIPTION, "workflow " + workflowId, null,
                request).result;
    }

    /** One page of {@code GET /webhook_subscriptions}, of one endpoint and one resource when they are not null. */
    public CompletableFuture<ExtendResponse> listWebhookSubscriptions(String endpointId, String resourceId,
                                                                      String pageToken, int pageSize,
                                                                      String workspaceId) {
        ApiRequest request = webhooks.listSubscriptions(endpointId, resourceId, pageToken, pageSize, workspaceId);
        return calls.startWebhookCall(ApiOperation.LIST_WEBHOOK_SUBSCRIPTIONS, "webhook subscriptions", null,
                request).result;
    }

    /** Every page of {@link #listWebhookSubscriptions}, gathered: the answer's webhook() is a List (bounded pages). */
    public CompletableFuture<ExtendResponse> listAllWebhookSubscriptions(String endpointId, String resourceId,
                                                                         int pageSize, String workspaceId) {
        return WebhookLists.all(token -> listWebhookSubscriptions(endpointId, resourceId, token, pageSize,
                workspaceId), ApiOperation.LIST_WEBHOOK_SUBSCRIPTIONS.label(), "webhook subscriptions");
    }

    /** {@code DELETE /webhook_subscriptions/{id}}; as {@link #deleteWebhookEndpoint}. */
    public CompletableFuture<ExtendResponse> deleteWebhookSubscription(String subscriptionId, String workspaceId) {
        ApiRequest request = webhooks.deleteSubscription(subscriptionId, workspaceId);
        return calls.startWebhookCall(ApiOperation.DELETE_WEBHOOK_SUBSCRIPTION,
                "webhook subscription " + subscriptionId, subscriptionId, request).result;
    }

    /**
     * A cheap authenticated request for health checks: {@code GET /workflow_runs?maxPageSize=1}, one attempt, no
     * retries. Completes with the answer's status (any status, 2xx or not), or fails when there was no answer.
     */
    public CompletableFuture<ProbeResult> probe(String workspaceId) {
        long budgetEnds = time.nanosAfter(settings.requestTimeout()); // one attempt, no retries
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
     * Ends this client: every call not completed yet fails now ({@link Kind#CONNECTION}), requests in flight are
     * cancelled, and no request is sent from now on - not even a retry or a rate-limited send that was already
     * waiting. Later calls fail at once. Idempotent. The HTTP client and the scheduler stay open (their owner closes
     * them).
     * <p>
     * Stopping the component can so neither leave an exchange waiting forever (its retry or deadline dropped with the
     * scheduler) nor send a request after the stop.
     */
    public void close() {
        waiter.closeAll();
        calls.closeAll();
        sending.close();
    }
}
