package dev.camelextend;

import dev.camelextend.model.ErrorAnswer;

/** Extend answered 404: the workflow run (or the path) does not exist. */
public class ExtendNotFoundException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendNotFoundException(String message, String runId, ErrorAnswer answer) {
        super(message, runId, answer);
    }
}
