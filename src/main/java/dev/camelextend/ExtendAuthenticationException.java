package dev.camelextend;

import java.util.Map;

/** Extend answered 401 or 403: the API key is missing, wrong, revoked, or lacks access to the run or workspace (an organization-scoped key needs {@code workspaceId}). */
public class ExtendAuthenticationException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendAuthenticationException(String message, String runId, int statusCode, String statusText, Map<String, String> responseHeaders,
                 String responseBody, String errorCode, String errorMessage, Boolean retryable, String requestId,
                 Throwable cause) {
        super(message, runId, statusCode, statusText, responseHeaders, responseBody, errorCode, errorMessage, retryable,
              requestId, cause);
    }
}
