package dev.camelextend;

/** What an {@code extend:} endpoint does with the run. */
public enum ExtendOperation {

    /** {@code POST /workflow_runs/{id}/cancel}: cancel a PENDING or PROCESSING run; the body becomes the run. */
    cancelRun,

    /** {@code GET /workflow_runs/{id}}: read a run; the body becomes the run. */
    getRun
}
