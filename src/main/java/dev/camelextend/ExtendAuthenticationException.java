package dev.camelextend;

import dev.camelextend.model.ErrorAnswer;

/** Extend answered 401 or 403: the API key is missing, wrong, revoked, or lacks access to the run or workspace (an organization-scoped key needs {@code workspaceId}). */
public class ExtendAuthenticationException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendAuthenticationException(String message, String runId, ErrorAnswer answer) {
        super(message, runId, answer);
    }
}
