package dev.camelextend;

import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;

/**
 * Extend refused to cancel the run because it is no longer PENDING or PROCESSING (it finished, failed, awaits review,
 * or was cancelled already). The refusal's HTTP status, code, message and request ID are kept; {@link #getRun()} is
 * the run as a confirming GET saw it.
 */
public class ExtendCancelNotAllowedException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    private final transient WorkflowRun run;

    public ExtendCancelNotAllowedException(String message, String runId, ErrorAnswer answer, WorkflowRun run) {
        super(message, runId, answer);
        this.run = run;
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

    /** The run's status now, for example {@code PROCESSED} or {@code CANCELLED}. */
    public WorkflowRunStatus getRunStatus() {
        return run == null ? null : run.getStatus();
    }

    /** The run as Extend returned it when the refusal was confirmed. */
    public WorkflowRun getRun() {
        return run;
    }
}
