package dev.camelextend;

import java.time.Duration;
import java.util.Map;

/** Extend answered 5xx, and kept doing so for every retry. */
public class ExtendServerException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendServerException(String message, String runId, int statusCode, String statusText, Map<String, String> responseHeaders,
                 String responseBody, String errorCode, String errorMessage, Boolean retryable, String requestId,
                 Throwable cause) {
        super(message, runId, statusCode, statusText, responseHeaders, responseBody, errorCode, errorMessage, retryable,
              requestId, cause);
    }

    public ExtendServerException(String message, String runId, int statusCode, String statusText,
                                 Map<String, String> responseHeaders, String responseBody, String errorCode,
                                 String errorMessage, Boolean retryable, String requestId, Duration retryAfter,
                                 Throwable cause) {
        super(message, runId, statusCode, statusText, responseHeaders, responseBody, errorCode, errorMessage, retryable,
              requestId, retryAfter, cause);
    }
}
