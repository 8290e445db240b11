package dev.camelextend.client;

/**
 * The error Extend described in a non-2xx body, whatever shape it came in (flat 2026-02-09, wrapped
 * {@code {"error":{...}}}, legacy {@code {success,error}} or plain text). Every field may be null: decoding never
 * fails, and the HTTP status is kept separately by the caller so it is never hidden by a missing body.
 *
 * @param code      Extend's machine-readable code, such as {@code INVALID_REQUEST}
 * @param message   the human-readable message
 * @param retryable Extend's own hint whether retrying may help, or null when the body did not say
 * @param requestId the request ID found in the body
 * @param docUrl    a link to the error documentation
 */
public record ApiError(String code, String message, Boolean retryable, String requestId, String docUrl) {

    static final ApiError EMPTY = new ApiError(null, null, null, null, null);
}
