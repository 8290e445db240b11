package dev.camelextend;

import java.util.Map;

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

    public ExtendCancelNotAllowedException(String message, String runId, int statusCode, String statusText,
                                           Map<String, String> responseHeaders, String responseBody, String errorCode,
                                           String errorMessage, Boolean retryable, String requestId, WorkflowRun run) {
        super(message, runId, statusCode, statusText, responseHeaders, responseBody, errorCode, errorMessage, retryable,
              requestId, null);
        this.run = run;
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
