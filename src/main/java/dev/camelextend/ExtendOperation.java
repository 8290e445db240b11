package dev.camelextend;

import dev.camelextend.client.ApiOperation;

/**
 * What an {@code extend:} endpoint does: act on one run, wait for one, list runs, cancel a batch of them, or manage
 * webhook endpoints and subscriptions (the producer operations), or receive webhooks (the consumer, {@link #webhook}).
 */
public enum ExtendOperation {

    /** {@code POST /workflow_runs/{id}/cancel}: cancel a PENDING or PROCESSING run; the body becomes the run. */
    cancelRun(ApiOperation.CANCEL_RUN),

    /** {@code GET /workflow_runs/{id}}: read a run; the body becomes the run. */
    getRun(ApiOperation.GET_RUN),

    /** Poll a run until it is settled, within waitTimeout; the body becomes the settled run. */
    awaitRun(ApiOperation.GET_RUN),

    /** {@code GET /workflow_runs?...}: the matching runs, lazily paged, or one page with singlePage. */
    listRuns(ApiOperation.LIST_RUNS),

    /** List the cancellable runs of a batch or workflow and cancel each; the body becomes a CancelBatchSummary. */
    cancelBatch(ApiOperation.CANCEL_RUN),

    /**
     * {@code POST /webhook_endpoints}: a new endpoint for webhookUrl, pinned to apiVersion; the body becomes the
     * WebhookEndpoint, whose getSigningSecret() Extend returns this once. Never sent twice after an attempt that may
     * have reached Extend.
     */
    createWebhookEndpoint(ApiOperation.CREATE_WEBHOOK_ENDPOINT),

    /** {@code GET /webhook_endpoints}: the body becomes the List of every WebhookEndpoint of the account. */
    listWebhookEndpoints(ApiOperation.LIST_WEBHOOK_ENDPOINTS),

    /** {@code DELETE /webhook_endpoints/{id}} (webhookEndpointId, or the body): the body becomes the deleted ID. */
    deleteWebhookEndpoint(ApiOperation.DELETE_WEBHOOK_ENDPOINT),

    /**
     * {@code POST /webhook_subscriptions}: webhookEvents of the workflow (workflowId, or the body) to webhookEndpointId,
     * an upsert; the body becomes the WebhookSubscription.
     */
    createWebhookSubscription(ApiOperation.CREATE_WEBHOOK_SUBSCRIPTION),

    /** {@code GET /webhook_subscriptions}: of webhookEndpointId and workflowId when set; the body becomes a List. */
    listWebhookSubscriptions(ApiOperation.LIST_WEBHOOK_SUBSCRIPTIONS),

    /** {@code DELETE /webhook_subscriptions/{id}} (the header, or the body): the body becomes the deleted ID. */
    deleteWebhookSubscription(ApiOperation.DELETE_WEBHOOK_SUBSCRIPTION),

    /** Consumer only: receive Extend's webhook deliveries, verified, as {@code ExtendWebhookEvent} bodies. */
    webhook(null);

    private final ApiOperation apiOperation;

    ExtendOperation(ApiOperation apiOperation) {
        this.apiOperation = apiOperation;
    }

    /** Whether this is the consumer's operation, which no producer has. */
    boolean isConsumer() {
        return this == webhook;
    }

    /** The client's operation behind this producer operation; null for {@link #webhook}. */
    ApiOperation apiOperation() {
        return apiOperation;
    }
}
