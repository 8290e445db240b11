package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Status of a workflow run (API version 2026-02-09). The API treats this as an open enum: any text
 * that is not one of the documented names maps to {@link #UNKNOWN}; the raw text stays readable via
 * {@link WorkflowRun#getRawStatus()}.
 */
public enum WorkflowRunStatus {

    PENDING,
    PROCESSING,
    NEEDS_REVIEW,
    REJECTED,
    PROCESSED,
    FAILED,
    CANCELLED,
    CANCELLING,
    /** Any status text this version of the component does not know, or no status at all. */
    UNKNOWN;

    /**
     * Maps status text to a constant. The match is case-sensitive on the documented names.
     *
     * @param  value the status text as sent by Extend, may be {@code null}
     * @return       the matching constant, or {@link #UNKNOWN} for {@code null} or unknown text
     */
    @JsonCreator
    public static WorkflowRunStatus fromValue(String value) {
        return OpenEnums.fromValue(values(), UNKNOWN, value);
    }

    /**
     * Whether the run has stopped processing and can no longer be cancelled: {@code PROCESSED}, {@code FAILED},
     * {@code CANCELLED}, {@code NEEDS_REVIEW} or {@code REJECTED}.
     */
    public boolean isTerminal() {
        return this == PROCESSED || this == FAILED || this == CANCELLED || this == NEEDS_REVIEW || this == REJECTED;
    }

    /**
     * Whether Extend accepts a cancel request for a run in this status: {@code PENDING} or {@code PROCESSING}.
     */
    public boolean isCancellable() {
        return this == PENDING || this == PROCESSING;
    }

    /**
     * Whether the run is cancelled or being cancelled: {@code CANCELLED} or {@code CANCELLING}.
     */
    public boolean isCancelledOrCancelling() {
        return this == CANCELLED || this == CANCELLING;
    }
}
