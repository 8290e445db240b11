package dev.camelextend;

/**
 * The workflow-run ID is missing, blank, too long (over 255 characters), contains characters other than
 * {@code [A-Za-z0-9_-]}, or the body is of a type that is not a run ID. Thrown before any network call.
 */
public class ExtendInvalidRunIdException extends ExtendException {

    private static final long serialVersionUID = 1L;

    public ExtendInvalidRunIdException(String message, String runId) {
        super(message, runId);
    }
}
