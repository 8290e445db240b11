package dev.camelextend;

import java.time.Duration;
import java.util.Map;

import dev.camelextend.model.ErrorAnswer;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Extend answered with a non-2xx status. Offers the getters of camel-http's {@code HttpOperationFailedException}
 * ({@link #getStatusCode()}, {@link #getResponseBody()}, {@link #getResponseHeaders()}) so existing
 * {@code onException} habits carry over, plus what Extend said in its error body.
 */
public class ExtendApiException extends ExtendException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private final ErrorAnswer answer;
    /** HttpResponseAware lets Camel change these two; the rest of the answer stays as it came. */
    private int statusCode;
    private String statusText;

    /**
     * @param answer what Extend answered; in a route's own tests, for example {@code ErrorAnswer.of(409, "CONFLICT",
     *               "...")}
     */
    public ExtendApiException(String message, String runId, ErrorAnswer answer) {
        this(message, runId, answer, null);
    }

    public ExtendApiException(String message, String runId, ErrorAnswer answer, Throwable cause) {
        super(message, runId, cause);
        this.answer = answer == null ? ErrorAnswer.of(0, null, null) : answer;
        this.statusCode = this.answer.statusCode();
        this.statusText = this.answer.statusText();
    }

    /** Everything Extend answered, as one value. */
    public ErrorAnswer getAnswer() {
        return answer;
    }

    /** The HTTP status of Extend's (last) answer; 0 when none came (the client-side rate limit refused the call). */
    public int getStatusCode() {
        return statusCode;
    }

    public String getStatusText() {
        return statusText;
    }

    /** The answer's headers (names as sent; repeated headers joined with ", "). */
    public Map<String, String> getResponseHeaders() {
        return answer.headers();
    }

    /** The start of the answer's body (at most a few KB), or null/empty when there was none. */
    public String getResponseBody() {
        return answer.body();
    }

    /** Extend's error {@code code}, such as {@code INVALID_REQUEST}; null when the body had none. */
    public String getErrorCode() {
        return answer.errorCode();
    }

    /** Extend's error {@code message}, or the start of a non-JSON body; null when there was none. */
    public String getErrorMessage() {
        return answer.errorMessage();
    }

    /**
     * Whether retrying may help: Extend's own {@code retryable} flag when it sent one, else true for 408, 429 and 5xx.
     */
    public boolean isRetryable() {
        return answer.isRetryable();
    }

    /** Extend's request ID ({@code x-extend-request-id}, else from the body) for support tickets; may be null. */
    public String getRequestId() {
        return answer.requestId();
    }

    /**
     * The delay from the answer's {@code Retry-After} header (seconds or HTTP-date), or null when it had none. Set on
     * 429s and on 5xx answers that carry one, e.g. a 503 whose Retry-After exceeded {@code maxRetryAfter}.
     */
    public Duration getRetryAfter() {
        return answer.retryAfter();
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }
}
