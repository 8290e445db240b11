package dev.camelextend;

import dev.camelextend.client.RunOperation;

/**
 * What an {@code extend:} endpoint does: act on one run, wait for one, list runs, or cancel a batch of them (the
 * producer operations), or receive webhooks (the consumer, {@link #webhook}).
 */
public enum ExtendOperation {

    /** {@code POST /workflow_runs/{id}/cancel}: cancel a PENDING or PROCESSING run; the body becomes the run. */
    cancelRun(RunOperation.CANCEL_RUN),

    /** {@code GET /workflow_runs/{id}}: read a run; the body becomes the run. */
    getRun(RunOperation.GET_RUN),

    /** Poll a run until it is settled, within waitTimeout; the body becomes the settled run. */
    awaitRun(RunOperation.GET_RUN),

    /** {@code GET /workflow_runs?...}: the matching runs, lazily paged, or one page with singlePage. */
    listRuns(RunOperation.LIST_RUNS),

    /** List the cancellable runs of a batch or workflow and cancel each; the body becomes a CancelBatchSummary. */
    cancelBatch(RunOperation.CANCEL_RUN),

    /** Consumer only: receive Extend's webhook deliveries, verified, as {@code ExtendWebhookEvent} bodies. */
    webhook(null);

    private final RunOperation runOperation;

    ExtendOperation(RunOperation runOperation) {
        this.runOperation = runOperation;
    }

    /** Whether this is the consumer's operation, which no producer has. */
    boolean isConsumer() {
        return this == webhook;
    }

    /** The client's operation behind this producer operation; null for {@link #webhook}. */
    RunOperation runOperation() {
        return runOperation;
    }
}
