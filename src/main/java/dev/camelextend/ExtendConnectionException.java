package dev.camelextend;

/**
 * The connection failed or was dropped without an answer (refused, reset, TLS handshake failure, unknown host) on
 * every attempt. The cancel may or may not have reached Extend: a {@code getRun} tells.
 */
public class ExtendConnectionException extends ExtendException {

    private static final long serialVersionUID = 1L;

    public ExtendConnectionException(String message, String runId, Throwable cause) {
        super(message, runId, cause);
    }
}
