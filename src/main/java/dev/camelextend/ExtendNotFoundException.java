package dev.camelextend;

import java.util.Map;

/** Extend answered 404: the workflow run (or the path) does not exist. */
public class ExtendNotFoundException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendNotFoundException(String message, String runId, int statusCode, String statusText, Map<String, String> responseHeaders,
                 String responseBody, String errorCode, String errorMessage, Boolean retryable, String requestId,
                 Throwable cause) {
        super(message, runId, statusCode, statusText, responseHeaders, responseBody, errorCode, errorMessage, retryable,
              requestId, cause);
    }
}
