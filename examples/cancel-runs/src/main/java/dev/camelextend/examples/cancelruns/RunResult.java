package dev.camelextend.examples.cancelruns;

import dev.camelextend.ExtendAuthenticationException;
import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendInvalidRunIdException;
import dev.camelextend.ExtendWaitTimeoutException;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.WorkflowRun;

/**
 * The result of cancelling one run, as the route leaves it in the exchange body.
 *
 * @param runId         the run as given on the command line or in the file
 * @param outcome       cancelled, finished first, not settled, not allowed, not found or failed
 * @param status        the run's status after the call (CANCELLED, CANCELLING, what a refused run is, or with
 *                      {@code --wait} what the run settled as), or null
 * @param workflowName  the run's workflow name when Extend returned a workflow run, or null (processor runs have none)
 * @param error         for {@link Outcome#FAILED}: the exception's simple class name and message; else null
 * @param authFailure   true when Extend rejected the API key (401/403): sending more runs is pointless
 */
public record RunResult(String runId, Outcome outcome, String status, String workflowName, String error,
        boolean authFailure) {

    private static final int MAX_ERROR_LENGTH = 300;

    /** Extend cancelled the run (or, with alreadyCancelledIsSuccess, it was cancelled already). */
    public static RunResult cancelled(String runId, ExtendRun run) {
        return new RunResult(runId, Outcome.CANCELLED, run.getRawStatus(), workflowName(run), null, false);
    }

    /** With --wait: Extend accepted the cancel, and the run settled as {@code run} says, not CANCELLED. */
    public static RunResult finishedFirst(String runId, ExtendRun run) {
        return new RunResult(runId, Outcome.FINISHED_FIRST, run.getRawStatus(), workflowName(run), null, false);
    }

    /** With --wait: Extend accepted the cancel; the run had not settled when the wait ran out. */
    public static RunResult notSettled(String runId, ExtendWaitTimeoutException e) {
        ExtendRun run = e.getLastRun();
        return new RunResult(runId, Outcome.NOT_SETTLED, e.getLastStatus(), workflowName(run), null, false);
    }

    /** Extend refused the cancel; the exception carries the run as a confirming GET saw it (any kind of run). */
    public static RunResult notAllowed(String runId, ExtendCancelNotAllowedException e) {
        ExtendRun run = e.getCurrentRun();
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
            case NOT_ALLOWED -> padded("(run is " + (status == null ? "not cancellable" : status) + ")");
            case FINISHED_FIRST -> padded("(run is " + status + ")");
            case NOT_SETTLED -> padded(status == null ? "(status unknown)" : "(still " + status + ")");
            case NOT_FOUND -> "(no such run)";
            case FAILED -> "(" + error + ")";
        };
    }

    private String padded(String statusText) {
        return String.format("%-21s  %s", statusText, orEmpty(workflowName)).stripTrailing();
    }

    private static String workflowName(ExtendRun run) {
        return run instanceof WorkflowRun w && w.getWorkflow() != null ? w.getWorkflow().getName() : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
