package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Status of a processor run - extract, classify, split or parse (API version 2026-02-09). Unlike a workflow run's,
 * the set has no {@code CANCELLING}, and only a {@code PROCESSING} run can be cancelled. An open enum like
 * {@link WorkflowRunStatus}: unknown text maps to {@link #UNKNOWN}, the text stays in
 * {@link ProcessorRun#getRawStatus()}.
 */
public enum ProcessorRunStatus {

    PENDING,
    PROCESSING,
    PROCESSED,
    FAILED,
    CANCELLED,
    /** Any status text this version of the component does not know, or no status at all. */
    UNKNOWN;

    /**
     * @param  value the status text as sent by Extend, may be {@code null}
     * @return       the matching constant (case-sensitive), or {@link #UNKNOWN}
     */
    @JsonCreator
    public static ProcessorRunStatus fromValue(String value) {
        return OpenEnums.fromValue(values(), UNKNOWN, value);
    }

    /** Whether Extend accepts a cancel of a processor run in this status: only {@code PROCESSING}. */
    public boolean isCancellable() {
        return this == PROCESSING;
    }
}
