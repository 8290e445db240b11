package dev.camelextend.model;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * What Extend (or whatever stands in front of it) answered when a call did not succeed: the HTTP status line, the
 * headers, the start of the body, the error fields Extend put in it, and the {@code Retry-After} delay. One value,
 * carried by every {@code ExtendApiException}; its texts have been masked, made single-line and bounded before they get
 * here. A status code of 0 means no answer came (the call was refused on this side, by the client-side rate limit).
 *
 * @param statusCode   the HTTP status, or 0
 * @param statusText   the reason phrase, or null
 * @param headers      the headers, repeated ones joined with ", "; never null
 * @param body         the start of the body (a few KB at most), or null
 * @param errorCode    Extend's error {@code code}, such as {@code INVALID_REQUEST}, or null
 * @param errorMessage Extend's error {@code message}, or the start of a body that is not JSON, or null
 * @param retryable    Extend's {@code retryable} flag, or null when it sent none
 * @param requestId    {@code x-extend-request-id}, else the body's {@code requestId}, or null
 * @param retryAfter   the delay of the {@code Retry-After} header, or null
 */
public record ErrorAnswer(int statusCode, String statusText, Map<String, String> headers, String body,
        String errorCode, String errorMessage, Boolean retryable, String requestId, Duration retryAfter)
        implements Serializable {

    public ErrorAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * An answer with just a status and Extend's error fields: for a route's own tests, for example
     * {@code new ExtendNotFoundException("no such run", id, ErrorAnswer.of(404, "NOT_FOUND", "Workflow run not found"))}.
     */
    public static ErrorAnswer of(int statusCode, String errorCode, String errorMessage) {
        return new ErrorAnswer(statusCode, null, Map.of(), null, errorCode, errorMessage, null, null, null);
    }

    /** This answer with a {@code Retry-After} delay. */
    public ErrorAnswer withRetryAfter(Duration delay) {
        return new ErrorAnswer(statusCode, statusText, headers, body, errorCode, errorMessage, retryable, requestId,
                delay);
    }

    /** This answer with a request ID. */
    public ErrorAnswer withRequestId(String id) {
        return new ErrorAnswer(statusCode, statusText, headers, body, errorCode, errorMessage, retryable, id,
                retryAfter);
    }

    /** Extend's own {@code retryable} flag when it sent one, else {@link #isRetryableStatus} of the status. */
    public boolean isRetryable() {
        if (retryable != null) {
            return retryable;
        }
        return isRetryableStatus(statusCode);
    }

    /**
     * The one classification of statuses, used by the client's retries and by exceptions alike: 408, 429 and every 5xx
     * may succeed later; other statuses will not change by asking again.
     */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status <= 599;
    }
}
