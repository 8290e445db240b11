package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Status of one step run inside a workflow run. Open enum: unknown text maps to {@link #UNKNOWN}; the raw
 * text stays readable via {@link StepRun#getRawStatus()}.
 */
public enum StepRunStatus {

    PENDING,
    WAITING,
    PROCESSING,
    PROCESSED,
    FAILED,
    CANCELLED,
    /** Any status text this version of the component does not know, or no status at all. */
    UNKNOWN;

    /**
     * Maps status text to a constant. The match is case-sensitive on the documented names.
     *
     * @param  value the status text as sent by Extend, may be {@code null}
     * @return       the matching constant, or {@link #UNKNOWN} for {@code null} or unknown text
     */
    @JsonCreator
    public static StepRunStatus fromValue(String value) {
        return OpenEnums.fromValue(values(), UNKNOWN, value);
    }
}
