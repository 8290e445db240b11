package dev.camelextend;

/**
 * No answer in time: the connect or the response exceeded {@code connectTimeout} / {@code requestTimeout} on every
 * attempt. Never used for an answer that came (a 429 or 5xx is an {@link ExtendApiException}). The cancel may or may
 * not have reached Extend: a {@code getRun} tells.
 */
public class ExtendTimeoutException extends ExtendException {

    private static final long serialVersionUID = 1L;

    public ExtendTimeoutException(String message, String runId, Throwable cause) {
        super(message, runId, cause);
    }
}
