package dev.camelextend;

import dev.camelextend.model.ErrorAnswer;

/** Extend answered 5xx, and kept doing so for every retry. */
public class ExtendServerException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendServerException(String message, String runId, ErrorAnswer answer) {
        super(message, runId, answer);
    }
}
