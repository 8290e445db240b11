package dev.camelextend.examples.cancelruns;

/**
 * What happened to one run. Only {@link #FAILED} (and, with {@code --wait}, {@link #NOT_SETTLED}) ends the program
 * with exit code 1; the others are answers from Extend.
 */
public enum Outcome {

    /** Extend accepted the cancel: the run is now CANCELLED (or CANCELLING). */
    CANCELLED("CANCELLED"),
    /**
     * With {@code --wait}: Extend accepted the cancel, but the run finished first (PROCESSED, FAILED, NEEDS_REVIEW,
     * REJECTED): the cancel lost the race.
     */
    FINISHED_FIRST("FINISHED"),
    /**
     * With {@code --wait}: Extend accepted the cancel, but the run was still CANCELLING (or PROCESSING) when
     * {@code --wait-timeout} ran out ({@code ExtendWaitTimeoutException}).
     */
    NOT_SETTLED("NOT SETTLED"),
    /** Extend refused: the run is no longer PENDING or PROCESSING ({@code ExtendCancelNotAllowedException}). */
    NOT_ALLOWED("NOT ALLOWED"),
    /** Extend does not know the run ({@code ExtendNotFoundException}, HTTP 404). */
    NOT_FOUND("NOT FOUND"),
    /** Anything else: invalid ID, authentication, rate limit, 5xx, timeout, connection... after the retries. */
    FAILED("FAILED");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The text printed in the result column. */
    public String label() {
        return label;
    }
}
