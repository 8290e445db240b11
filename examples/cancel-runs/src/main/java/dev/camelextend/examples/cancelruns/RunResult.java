package dev.camelextend.examples.cancelruns;

import dev.camelextend.ExtendAuthenticationException;
import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendInvalidRunIdException;
import dev.camelextend.model.WorkflowRun;

/**
 * The result of cancelling one run, as the route leaves it in the exchange body.
 *
 * @param runId         the run as given on the command line or in the file
 * @param outcome       cancelled, not allowed, not found or failed
 * @param status        the run's status after the call (CANCELLED, CANCELLING, or what a refused run is), or null
 * @param workflowName  the run's workflow name when Extend returned the run, or null
 * @param error         for {@link Outcome#FAILED}: the exception's simple class name and message; else null
 * @param authFailure   true when Extend rejected the API key (401/403): sending more runs is pointless
 */
public record RunResult(String runId, Outcome outcome, String status, String workflowName, String error,
        boolean authFailure) {

    private static final int MAX_ERROR_LENGTH = 300;

    /** Extend cancelled the run (or, with alreadyCancelledIsSuccess, it was cancelled already). */
    public static RunResult cancelled(String runId, WorkflowRun run) {
        return new RunResult(runId, Outcome.CANCELLED, run.getRawStatus(), workflowName(run), null, false);
    }

    /** Extend refused the cancel; the exception carries the run as a confirming GET saw it. */
    public static RunResult notAllowed(String runId, ExtendCancelNotAllowedException e) {
        WorkflowRun run = e.getRun();
        return new RunResult(runId, Outcome.NOT_ALLOWED, run == null ? null : run.getRawStatus(), workflowName(run),
                null, false);
    }

    public static RunResult notFound(String runId) {
        return new RunResult(runId, Outcome.NOT_FOUND, null, null, null, false);
    }

    public static RunResult failed(String runId, Throwable e) {
        String text = e instanceof ExtendInvalidRunIdException invalid
                ? "invalid run ID: " + invalid.getReason()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (text.length() > MAX_ERROR_LENGTH) {
            text = text.substring(0, MAX_ERROR_LENGTH) + "...";
        }
        return new RunResult(runId, Outcome.FAILED, null, null, text, e instanceof ExtendAuthenticationException);
    }

    /** The detail column of the printed line. */
    public String detail() {
        return switch (outcome) {
            case CANCELLED -> orEmpty(workflowName) + ("CANCELLED".equals(status) ? "" : " (now " + status + ")");
            // padded to the longest status, (run is NEEDS_REVIEW), so the workflow names line up
            case NOT_ALLOWED -> String.format("%-21s  %s", "(run is " + (status == null ? "not cancellable" : status) + ")",
                    orEmpty(workflowName)).stripTrailing();
            case NOT_FOUND -> "(no such run)";
            case FAILED -> "(" + error + ")";
        };
    }

    private static String workflowName(WorkflowRun run) {
        return run == null || run.getWorkflow() == null ? null : run.getWorkflow().getName();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
