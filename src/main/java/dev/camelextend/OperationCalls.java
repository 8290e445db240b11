package dev.camelextend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import dev.camelextend.client.BatchCancel;
import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendResponse;
import dev.camelextend.client.RunId;
import dev.camelextend.client.RunKind;
import dev.camelextend.client.RunListQuery;
import dev.camelextend.client.RunListing;
import dev.camelextend.client.WaitSettings;
import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.ExtendRun;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * What each operation asks of the client, and what its answer puts on the message: the one place that reads an
 * exchange's options and headers into a call (checked on the caller's thread, before anything is sent) and writes
 * its result back. The producer around it owns the threads and the callback; this owns the meaning.
 */
final class OperationCalls {

    private OperationCalls() {
    }

    /**
     * Starts {@code operation} for this message, with the endpoint's configuration and client.
     *
     * @throws Exception a typed exception for input that cannot be sent (an invalid ID, filter or workspace)
     */
    static StartedCall start(ExtendOperation operation, ExtendConfiguration config, ExtendClient client, Message in)
            throws Exception {
        return switch (operation) {
            case cancelRun, getRun, awaitRun -> {
                RunId runId = RunIdResolver.resolve(in, config.getRunId());
                String id = runId.value();
                String workspaceId = workspaceId(in, config, id);
                RunKind kind = runKind(in, config, id);
                boolean waits = operation == ExtendOperation.awaitRun
                                || operation == ExtendOperation.cancelRun && config.isWaitForOutcome();
                CompletableFuture<ExtendResponse> call;
                if (operation == ExtendOperation.awaitRun) {
                    call = client.awaitRun(kind, runId, workspaceId, OperationOptions.waitSettings(config));
                } else if (waits) {
                    call = client.cancelAndAwait(kind, runId, workspaceId, OperationOptions.waitSettings(config));
                } else {
                    call = client.call(operation.apiOperation(), kind, runId, workspaceId);
                }
                boolean reportsWin = waits && operation == ExtendOperation.cancelRun;
                yield new StartedCall(call.thenApply(response -> out -> setRun(out, response, reportsWin)), id);
            }
            case listRuns -> {
                String workspaceId = workspaceId(in, config, null);
                RunKind kind = listKind(in, config);
                RunListQuery query = query(in, config, statuses(in, config));
                if (config.isSinglePage()) {
                    String token = pageToken(in);
                    RunListQuery one = query.statuses().size() > 1 ? null : query;
                    if (one == null) {
                        throw new ExtendInvalidRequestException("listRuns with singlePage takes at most one status:"
                                                           + " Extend lists one status per request", null);
                    }
                    yield new StartedCall(client.listPage(kind, one, token, workspaceId)
                            .thenApply(response -> out -> setPage(out, response)), null);
                }
                yield new StartedCall(RunListing.firstPage(client, kind, query, workspaceId).thenApply(first -> {
                    RunListing listing = new RunListing(client, kind, query, workspaceId, first,
                            OperationCalls::walkFailure);
                    return out -> {
                        out.setBody(listing);
                        out.setHeader(ExtendConstants.ATTEMPTS, first.attempts());
                        requestId(out, first.requestId());
                    };
                }), null);
            }
            case cancelBatch -> {
                String workspaceId = workspaceId(in, config, null);
                RunKind kind = listKind(in, config);
                RunListQuery query = query(in, config, List.of());
                String batchFromBody = query.batchId() == null && query.workflowId() == null ? bodyText(in) : null;
                if (batchFromBody != null) {
                    try {
                        query = new RunListQuery(List.of(), query.workflowId(), batchFromBody, query.sourceId(),
                                query.fileNameContains(), query.sortBy(), query.sortDir(), query.maxPageSize());
                    } catch (IllegalArgumentException e) {
                        throw new ExtendInvalidRequestException("The body is not a batch ID: " + e.getMessage(), null);
                    }
                }
                if (query.batchId() == null && query.workflowId() == null && query.sourceId() == null) {
                    // without a scope, this would cancel every run of the account
                    throw new ExtendInvalidRequestException("cancelBatch needs a batch, a workflow or a source: set the"
                                                       + " header " + ExtendConstants.BATCH_ID + " or "
                                                       + ExtendConstants.WORKFLOW_ID + ", the batchId or workflowId"
                                                       + " option, or send the batch ID as the body", null);
                }
                BatchCancel job = new BatchCancel(client, kind, query, workspaceId, config.getBatchConcurrency(),
                        config.isWaitForOutcome() ? OperationOptions.waitSettings(config) : null, config.getMaxPasses(),
                        config.getProgressListener(), Duration.ofMillis(config.getProgressInterval()));
                String subject = query.batchId() != null ? query.batchId() : query.workflowId();
                yield new StartedCall(job.start().thenApply(summary -> out -> setSummary(out, summary)), subject);
            }
            case createWebhookEndpoint, listWebhookEndpoints, deleteWebhookEndpoint, createWebhookSubscription,
                 listWebhookSubscriptions, deleteWebhookSubscription ->
                    WebhookManagementCalls.start(operation, config, client, in);
            case webhook -> throw new IllegalStateException("extend:webhook has no producer"); // createProducer refuses it
        };
    }

    /** The workspace header (checked: it becomes an HTTP header as it is), else the checked option, else none. */
    private static String workspaceId(Message in, ExtendConfiguration config, String subject)
            throws ExtendInvalidWorkspaceIdException {
        Object header = in.getHeader(ExtendConstants.WORKSPACE_ID);
        if (header == null) {
            return config.getWorkspaceId();
        }
        String id = header instanceof String s ? s : String.valueOf(header);
        String problem = RunId.workspaceProblem(id);
        if (problem != null) {
            throw new ExtendInvalidWorkspaceIdException("Invalid workspace ID in the header "
                                                        + ExtendConstants.WORKSPACE_ID + ": " + problem, subject);
        }
        return id;
    }

    private static RunKind runKind(Message in, ExtendConfiguration config, String runId)
            throws ExtendInvalidRequestException {
        RunKind chosen = chosenKind(in, config);
        if (chosen != null) {
            return chosen;
        }
        RunKind byPrefix = RunKind.ofId(runId);
        return byPrefix != null ? byPrefix : RunKind.WORKFLOW;
    }

    private static RunKind listKind(Message in, ExtendConfiguration config) throws ExtendInvalidRequestException {
        RunKind chosen = chosenKind(in, config);
        return chosen != null ? chosen : RunKind.WORKFLOW;
    }

    private static RunKind chosenKind(Message in, ExtendConfiguration config) throws ExtendInvalidRequestException {
        String header = in.getHeader(ExtendConstants.RUN_KIND, String.class);
        if (header != null) {
            try {
                return OperationOptions.configuredKind(header);
            } catch (IllegalArgumentException e) {
                throw new ExtendInvalidRequestException("The header " + ExtendConstants.RUN_KIND + " is invalid: "
                                                        + e.getMessage(), null);
            }
        }
        return OperationOptions.configuredKind(config.getRunKind());
    }

    private static RunListQuery query(Message in, ExtendConfiguration config, List<String> statuses)
            throws ExtendInvalidRequestException {
        try {
            String pageSizeHeader = text(in, ExtendConstants.PAGE_SIZE, null);
            int pageSize = pageSizeHeader == null ? config.getPageSize() : Integer.parseInt(pageSizeHeader);
            return new RunListQuery(statuses, text(in, ExtendConstants.WORKFLOW_ID, config.getWorkflowId()),
                    text(in, ExtendConstants.BATCH_ID, config.getBatchId()),
                    text(in, ExtendConstants.SOURCE_ID, config.getSourceId()),
                    text(in, ExtendConstants.FILE_NAME_CONTAINS, config.getFileNameContains()),
                    text(in, ExtendConstants.SORT_BY, config.getSortBy()),
                    text(in, ExtendConstants.SORT_DIR, config.getSortDir()),
                    pageSize);
        } catch (IllegalArgumentException e) { // NumberFormatException too: a CamelExtendPageSize that is no number
            throw new ExtendInvalidRequestException("Invalid listing filter: " + e.getMessage(), null);
        }
    }

    private static List<String> statuses(Message in, ExtendConfiguration config) throws ExtendInvalidRequestException {
        String header = in.getHeader(ExtendConstants.LIST_STATUS, String.class);
        try {
            return header != null ? OperationOptions.splitStatuses(header, "header " + ExtendConstants.LIST_STATUS)
                    : OperationOptions.splitStatuses(config.getStatus(), "status option");
        } catch (IllegalArgumentException e) {
            throw new ExtendInvalidRequestException(e.getMessage(), null);
        }
    }

    private static String text(Message in, String header, String option) {
        String value = in.getHeader(header, String.class);
        return value != null ? value.strip() : option;
    }

    private static String pageToken(Message in) throws ExtendInvalidRequestException {
        String token = in.getHeader(ExtendConstants.PAGE_TOKEN, String.class);
        if (token == null || token.isBlank()) {
            return null;
        }
        if (token.length() > 2048 || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new ExtendInvalidRequestException("The header " + ExtendConstants.PAGE_TOKEN + " is not a page token",
                    null);
        }
        return token;
    }

    /** A batch ID as a body: text, or UTF-8 bytes as JMS and Kafka deliver it; checked as the batchId filter is. */
    private static String bodyText(Message in) {
        Object body = in.getBody();
        String text = body instanceof CharSequence cs ? cs.toString()
                : body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static RuntimeException walkFailure(Throwable failure) {
        Exception typed = ExtendExceptions.from(failure, null);
        return typed instanceof RuntimeException r ? r : new RuntimeCamelException(typed);
    }

    private static void setRun(Message out, ExtendResponse response, boolean reportsWin) {
        ExtendRun run = response.run();
        out.setBody(run);
        // The run acted on is the body (${body.id}); CamelExtendRunId is an in header only, or a later extend: step of
        // the same route would act on this run instead of the one the route chose.
        out.setHeader(ExtendConstants.RUN_STATUS, run.getRawStatus());
        out.setHeader(ExtendConstants.ATTEMPTS, response.attempts());
        if (reportsWin) {
            out.setHeader(ExtendConstants.CANCEL_WON, "CANCELLED".equals(run.getRawStatus()));
        } else {
            out.removeHeader(ExtendConstants.CANCEL_WON); // never an earlier step's verdict on this answer
        }
        requestId(out, response.requestId());
    }

    private static void setPage(Message out, ExtendResponse response) {
        out.setBody(List.copyOf(response.page().getData()));
        out.setHeader(ExtendConstants.ATTEMPTS, response.attempts());
        if (response.page().hasNextPage()) {
            out.setHeader(ExtendConstants.NEXT_PAGE_TOKEN, response.page().getNextPageToken());
        } else {
            out.removeHeader(ExtendConstants.NEXT_PAGE_TOKEN);
        }
        requestId(out, response.requestId());
    }

    private static void setSummary(Message out, CancelBatchSummary summary) {
        out.setBody(summary);
    }

    private static void requestId(Message out, String requestId) {
        if (requestId != null) {
            out.setHeader(ExtendConstants.REQUEST_ID, requestId);
        } else {
            out.removeHeader(ExtendConstants.REQUEST_ID); // never leave a previous call's ID on this answer
        }
    }
}
