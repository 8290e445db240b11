package dev.camelextend;

import dev.camelextend.model.ExtendRun;

/**
 * A wait for a run to settle ({@code awaitRun}, or {@code cancelRun} with {@code waitForOutcome}) ran out of
 * {@code waitTimeout}: the run was still PENDING, PROCESSING or CANCELLING when last seen - or no poll got an answer.
 * Not an {@link ExtendTimeoutException}: Extend answered; the run just took longer. Nothing was undone: a cancel that
 * was sent stays sent, and the run goes on to settle; {@link #getLastRun()} is the run as last seen (null when no poll
 * got an answer).
 */
public class ExtendWaitTimeoutException extends ExtendException {

    private static final long serialVersionUID = 1L;

    private final transient ExtendRun lastRun;

    public ExtendWaitTimeoutException(String message, String runId, ExtendRun lastRun) {
        super(message, runId);
        this.lastRun = lastRun;
    }

    /** The run's status text when last seen, e.g. {@code CANCELLING}; null when no poll got an answer. */
    public String getLastStatus() {
        return lastRun == null ? null : lastRun.getRawStatus();
    }

    /** The run as last seen, or null when no poll got an answer. */
    public ExtendRun getLastRun() {
        return lastRun;
    }
}
