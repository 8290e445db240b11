package dev.camelextend;

import org.apache.camel.CamelException;

/**
 * Base of every exception the Extend component puts on an exchange. Carries the workflow-run ID when it is known.
 * Messages never contain the API key.
 */
public class ExtendException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String runId;

    public ExtendException(String message, String runId) {
        super(message);
        this.runId = runId;
    }

    public ExtendException(String message, String runId, Throwable cause) {
        super(message, cause);
        this.runId = runId;
    }

    /** The workflow run the failed call was about, or null when it was not known (for example no ID was given). */
    public String getRunId() {
        return runId;
    }
}
