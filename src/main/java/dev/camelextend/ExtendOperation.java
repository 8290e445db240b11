package dev.camelextend;

import dev.camelextend.client.RunOperation;

/** What an {@code extend:} endpoint does with the run. */
public enum ExtendOperation {

    /** {@code POST /workflow_runs/{id}/cancel}: cancel a PENDING or PROCESSING run; the body becomes the run. */
    cancelRun(RunOperation.CANCEL_RUN),

    /** {@code GET /workflow_runs/{id}}: read a run; the body becomes the run. */
    getRun(RunOperation.GET_RUN);

    private final RunOperation runOperation;

    ExtendOperation(RunOperation runOperation) {
        this.runOperation = runOperation;
    }

    /** The client's operation behind this endpoint operation. */
    RunOperation runOperation() {
        return runOperation;
    }
}
