package dev.camelextend;

/**
 * The {@code CamelExtendWorkspaceId} header cannot be sent as it is: blank, longer than 255 characters, or with
 * characters other than {@code [A-Za-z0-9_-]} (a non-Latin ID would reach Extend as question marks, and two distinct
 * ones as the same workspace). Thrown before any network call. (An invalid {@code workspaceId} option fails the route
 * at start instead.)
 */
public class ExtendInvalidWorkspaceIdException extends ExtendException {

    private static final long serialVersionUID = 1L;

    public ExtendInvalidWorkspaceIdException(String message, String runId) {
        super(message, runId);
    }
}
