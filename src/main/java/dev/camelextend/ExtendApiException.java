package dev.camelextend;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.spi.HttpResponseAware;

/**
 * Extend answered with a non-2xx status. Offers the getters of camel-http's {@code HttpOperationFailedException}
 * ({@link #getStatusCode()}, {@link #getResponseBody()}, {@link #getResponseHeaders()}) so existing
 * {@code onException} habits carry over, plus what Extend said in its error body.
 */
public class ExtendApiException extends ExtendException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int statusCode;
    private String statusText;
    private final Map<String, String> responseHeaders;
    private final String responseBody;
    private final String errorCode;
    private final String errorMessage;
    private final Boolean retryable;
    private final String requestId;
    private final Duration retryAfter;

    public ExtendApiException(String message, String runId, int statusCode, String statusText,
                              Map<String, String> responseHeaders, String responseBody, String errorCode,
                              String errorMessage, Boolean retryable, String requestId, Throwable cause) {
        this(message, runId, statusCode, statusText, responseHeaders, responseBody, errorCode, errorMessage, retryable,
             requestId, null, cause);
    }

    public ExtendApiException(String message, String runId, int statusCode, String statusText,
                              Map<String, String> responseHeaders, String responseBody, String errorCode,
                              String errorMessage, Boolean retryable, String requestId, Duration retryAfter,
                              Throwable cause) {
        super(message, runId, cause);
        this.retryAfter = retryAfter;
        this.statusCode = statusCode;
        this.statusText = statusText;
        this.responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        this.responseBody = responseBody;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.retryable = retryable;
        this.requestId = requestId;
    }

    /** The HTTP status of Extend's (last) answer. */
    public int getStatusCode() {
        return statusCode;
    }

    public String getStatusText() {
        return statusText;
    }

    /** The answer's headers (names as sent; repeated headers joined with ", "). */
    public Map<String, String> getResponseHeaders() {
        return responseHeaders;
    }

    /** The start of the answer's body (at most a few KB), or null/empty when there was none. */
    public String getResponseBody() {
        return responseBody;
    }

    /** Extend's error {@code code}, such as {@code INVALID_REQUEST}; null when the body had none. */
    public String getErrorCode() {
        return errorCode;
    }

    /** Extend's error {@code message}, or the start of a non-JSON body; null when there was none. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /**
     * Whether retrying may help: Extend's own {@code retryable} flag when it sent one, else true for 408, 429 and 5xx.
     */
    public boolean isRetryable() {
        if (retryable != null) {
            return retryable;
        }
        return statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }

    /** Extend's request ID ({@code x-extend-request-id}, else from the body) for support tickets; may be null. */
    public String getRequestId() {
        return requestId;
    }

    /**
     * The delay from the answer's {@code Retry-After} header (seconds or HTTP-date), or null when it had none. Set on
     * 429s and on 5xx answers that carry one, e.g. a 503 whose Retry-After exceeded {@code maxRetryAfter}.
     */
    public Duration getRetryAfter() {
        return retryAfter;
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
