package dev.camelextend;

/**
 * The workflow-run ID is missing, blank, too long (over 255 characters), contains characters other than
 * {@code [A-Za-z0-9_-]}, or the body is of a type that is not a run ID. Thrown before any network call.
 */
public class ExtendInvalidRunIdException extends ExtendException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public ExtendInvalidRunIdException(String message, String runId) {
        this(message, runId, message);
    }

    /** @param reason what is wrong with the ID, without where the route found it */
    public ExtendInvalidRunIdException(String message, String runId, String reason) {
        super(message, runId);
        this.reason = reason;
    }

    /**
     * What is wrong with the ID, such as "the workflow-run ID is blank", without where the route found it (header,
     * option or body): for callers that report it in their own words, a command line for example.
     */
    public String getReason() {
        return reason;
    }
}
