package dev.camelextend;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the Extend component. In and out are disjoint sets: an in header chooses data of a call, an
 * out header reports on the call just made, and no header is both, so nothing the component writes can choose the run
 * or workspace of a later {@code extend:} call in the same route. The run acted on is the body ({@code ${body.id}}).
 * The webhook consumer's headers are out headers of their own ({@code CamelExtendWebhook*}), for the same reason.
 */
public final class ExtendConstants {

    @Metadata(label = "producer", description = "In: the workflow run to act on (wins over the runId option and the"
                                                + " body). Never written by the component: the run acted on is the"
                                                + " body, ${body.id}.",
              javaType = "String")
    public static final String RUN_ID = "CamelExtendRunId";

    @Metadata(label = "producer", description = "In: the Extend workspace to act in, sent as x-extend-workspace-id"
                                                + " (wins over the workspaceId option); needed with organization-scoped"
                                                + " API keys. Never written by the component.",
              javaType = "String")
    public static final String WORKSPACE_ID = "CamelExtendWorkspaceId";

    @Metadata(label = "producer", description = "Out: the run's status after the call, e.g. CANCELLED or CANCELLING"
                                                + " (the raw text, also for statuses this version does not know).",
              javaType = "String")
    public static final String RUN_STATUS = "CamelExtendRunStatus";

    @Metadata(label = "producer", description = "Out: Extend's request ID (x-extend-request-id) of the answer, when"
                                                + " Extend sent one; quote it in support requests.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelExtendRequestId";

    @Metadata(label = "producer", description = "Out: how many HTTP requests the operation took (1 without retries), also set when it failed.",
              javaType = "int")
    public static final String ATTEMPTS = "CamelExtendAttempts";

    @Metadata(label = "producer", description = "In: the kind of run (workflow, extract, classify, split, parse or"
                                                + " auto); wins over the runKind option.",
              javaType = "String")
    public static final String RUN_KIND = "CamelExtendRunKind";

    @Metadata(label = "producer", description = "Out (cancelRun with waitForOutcome): true when the run settled"
                                                + " CANCELLED, false when it finished first (PROCESSED, FAILED,"
                                                + " NEEDS_REVIEW, REJECTED).",
              javaType = "Boolean")
    public static final String CANCEL_WON = "CamelExtendCancelWon";

    @Metadata(label = "producer", description = "In (listRuns, cancelBatch): only runs of this workflow; wins over the"
                                                + " workflowId option.",
              javaType = "String")
    public static final String WORKFLOW_ID = "CamelExtendWorkflowId";

    @Metadata(label = "producer", description = "In (listRuns, cancelBatch): only runs of this batch; wins over the"
                                                + " batchId option.",
              javaType = "String")
    public static final String BATCH_ID = "CamelExtendBatchId";

    @Metadata(label = "producer", description = "In (listRuns of processor runs): only runs started by this source;"
                                                + " wins over the sourceId option.",
              javaType = "String")
    public static final String SOURCE_ID = "CamelExtendSourceId";

    @Metadata(label = "producer", description = "In (listRuns): the statuses to list, comma-separated; wins over the"
                                                + " status option.",
              javaType = "String")
    public static final String LIST_STATUS = "CamelExtendListStatus";

    @Metadata(label = "producer", description = "In (listRuns, cancelBatch): only runs whose file name contains this"
                                                + " text; wins over the fileNameContains option.",
              javaType = "String")
    public static final String FILE_NAME_CONTAINS = "CamelExtendFileNameContains";

    @Metadata(label = "producer", description = "In (listRuns): updatedAt or createdAt; wins over the sortBy option.",
              javaType = "String")
    public static final String SORT_BY = "CamelExtendSortBy";

    @Metadata(label = "producer", description = "In (listRuns): asc or desc; wins over the sortDir option.",
              javaType = "String")
    public static final String SORT_DIR = "CamelExtendSortDir";

    @Metadata(label = "producer", description = "In (listRuns, cancelBatch): runs per page request, 1 to 1000; wins"
                                                + " over the pageSize option.",
              javaType = "Integer")
    public static final String PAGE_SIZE = "CamelExtendPageSize";

    @Metadata(label = "producer", description = "In (listRuns with singlePage): the page to return, as a previous"
                                                + " CamelExtendNextPageToken gave it; none for the first page.",
              javaType = "String")
    public static final String PAGE_TOKEN = "CamelExtendPageToken";

    @Metadata(label = "producer", description = "Out (listRuns with singlePage): the token of the next page, or"
                                                + " removed on the last page.",
              javaType = "String")
    public static final String NEXT_PAGE_TOKEN = "CamelExtendNextPageToken";

    @Metadata(label = "consumer", description = "Out (webhook): the event type of the delivery, such as"
                                                + " workflow_run.cancelled.",
              javaType = "String")
    public static final String WEBHOOK_EVENT_TYPE = "CamelExtendWebhookEventType";

    @Metadata(label = "consumer", description = "Out (webhook): Extend's ID of the event; a redelivery has the same one,"
                                                + " so deduplicate on it (an idempotentConsumer keyed by it).",
              javaType = "String")
    public static final String WEBHOOK_EVENT_ID = "CamelExtendWebhookEventId";

    @Metadata(label = "consumer", description = "Out (webhook): the workflow run the event is about (the run's ID, or"
                                                + " a step run's workflowRunId). A header of its own, not"
                                                + " CamelExtendRunId, so that it chooses nothing of a later extend:"
                                                + " call unless the route copies it there.",
              javaType = "String")
    public static final String WEBHOOK_RUN_ID = "CamelExtendWebhookRunId";

    @Metadata(label = "consumer", description = "Out (webhook): the batch of the run the event is about, when it has"
                                                + " one.",
              javaType = "String")
    public static final String WEBHOOK_BATCH_ID = "CamelExtendWebhookBatchId";

    @Metadata(label = "consumer", description = "Out (webhook): the workflow of the run the event is about.",
              javaType = "String")
    public static final String WEBHOOK_WORKFLOW_ID = "CamelExtendWebhookWorkflowId";

    @Metadata(label = "producer", description = "In (createWebhookEndpoint): the URL Extend delivers to; wins over the"
                                                + " webhookUrl option.",
              javaType = "String")
    public static final String WEBHOOK_URL = "CamelExtendWebhookUrl";

    @Metadata(label = "producer", description = "In (createWebhookSubscription, listWebhookSubscriptions,"
                                                + " deleteWebhookEndpoint): the webhook endpoint (wh_...); wins over"
                                                + " the webhookEndpointId option.",
              javaType = "String")
    public static final String WEBHOOK_ENDPOINT_ID = "CamelExtendWebhookEndpointId";

    @Metadata(label = "producer", description = "In (deleteWebhookSubscription): the subscription to delete"
                                                + " (whes_...); the body when the header is not set.",
              javaType = "String")
    public static final String WEBHOOK_SUBSCRIPTION_ID = "CamelExtendWebhookSubscriptionId";

    private ExtendConstants() {
    }
}
