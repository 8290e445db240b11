package dev.camelextend.examples.cancelruns;

/** What happened to one run. Only {@link #FAILED} is a technical failure; the others are answers from Extend. */
public enum Outcome {

    /** Extend accepted the cancel: the run is now CANCELLED (or CANCELLING). */
    CANCELLED("CANCELLED"),
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
