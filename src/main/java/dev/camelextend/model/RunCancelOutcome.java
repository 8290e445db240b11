package dev.camelextend.model;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the cancel of one run of a {@code cancelBatch} ended.
 *
 * @param runId   the run
 * @param outcome what happened
 * @param status  the run's status as last seen (after the cancel, or when refused), or null when unknown
 * @param error   for {@link Outcome#FAILED}: why, as the typed exception's message says; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunCancelOutcome(String runId, Outcome outcome, String status, String error) implements Serializable {

    /** The outcome of one run's cancel. */
    public enum Outcome {
        /** The cancel was accepted; when waited for, the run settled CANCELLED. */
        CANCELLED,
        /** The run was no longer cancellable, or finished while the cancel was in flight. */
        ALREADY_FINISHED,
        /** Extend no longer knew the run. */
        NOT_FOUND,
        /** The cancel failed otherwise (no answer, 5xx after the retries, ...): running the batch again retries it. */
        FAILED
    }
}
