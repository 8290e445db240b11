package dev.camelextend;

import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;

/**
 * Extend refused to cancel the run because it can no longer be cancelled: a workflow run that is no longer PENDING or
 * PROCESSING (it finished, failed, awaits review, or was cancelled already), or a processor run (extract, classify,
 * split, parse) that is not PROCESSING. The refusal's HTTP status, code, message and request ID are kept;
 * {@link #getCurrentRun()} is the run as a confirming GET saw it.
 */
public class ExtendCancelNotAllowedException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    private final transient ExtendRun run;

    public ExtendCancelNotAllowedException(String message, String runId, ErrorAnswer answer, ExtendRun run) {
        super(message, runId, answer);
        this.run = run;
    }

    /** The same for a workflow run. */
    public ExtendCancelNotAllowedException(String message, String runId, ErrorAnswer answer, WorkflowRun run) {
        this(message, runId, answer, (ExtendRun) run);
    }

    /**
     * The refusal Extend gives a run that is no longer cancellable (400 {@code INVALID_REQUEST}), for a route's own
     * tests: {@code throw ExtendCancelNotAllowedException.refusing(run)} from a mock endpoint.
     */
    public static ExtendCancelNotAllowedException refusing(WorkflowRun run) {
        String status = run.getRawStatus();
        return new ExtendCancelNotAllowedException("Extend refused to cancel run " + run.getId() + ": it is " + status
                                                   + ", and only PENDING or PROCESSING runs can be cancelled",
                run.getId(), ErrorAnswer.of(400, "INVALID_REQUEST", "Workflow run cannot be cancelled in its current"
                                                                    + " status"), run);
    }

    /** A workflow run's status now, for example {@code PROCESSED} or {@code CANCELLED}; null for a processor run. */
    public WorkflowRunStatus getRunStatus() {
        return run instanceof WorkflowRun w ? w.getStatus() : null;
    }

    /** The run's status text now, for every kind of run. */
    public String getRawRunStatus() {
        return run == null ? null : run.getRawStatus();
    }

    /** The workflow run as Extend returned it when the refusal was confirmed; null for a processor run. */
    public WorkflowRun getRun() {
        return run instanceof WorkflowRun w ? w : null;
    }

    /** The run - a workflow or a processor run - as Extend returned it when the refusal was confirmed. */
    public ExtendRun getCurrentRun() {
        return run;
    }
}
