package dev.camelextend;

import dev.camelextend.client.ApiError;
import dev.camelextend.client.ExtendCallFailure;

/** Turns the client's {@link ExtendCallFailure} into the typed exception a route's error handler catches. */
final class ExtendExceptions {

    private ExtendExceptions() {
    }

    static Exception from(Throwable error, String runId) {
        if (!(error instanceof ExtendCallFailure f)) {
            return new ExtendException("Extend call for run " + runId + " failed: " + error, runId, error);
        }
        ApiError e = f.getApiError();
        return switch (f.getKind()) {
            case TIMEOUT -> new ExtendTimeoutException(f.getMessage(), runId, f.getCause());
            case CONNECTION -> new ExtendConnectionException(f.getMessage(), runId, f.getCause());
            case INVALID_RESPONSE -> new ExtendException(f.getMessage(), runId, f.getCause());
            case CANCEL_NOT_ALLOWED -> new ExtendCancelNotAllowedException(f.getMessage(), runId, f.getStatusCode(),
                    f.getStatusText(), f.getResponseHeaders(), f.getResponseBody(), e.code(), e.message(),
                    e.retryable(), f.getRequestId(), f.getCurrentRun());
            case HTTP_STATUS -> fromStatus(f, e, runId);
            // no answer to quote: status 0, as HttpResponseAware reports a call that got none
            case RATE_LIMITED -> new ExtendRateLimitException(f.getMessage(), runId, 0, null, null, null, null, null,
                    true, null, f.getRetryAfter(), null);
        };
    }

    private static ExtendApiException fromStatus(ExtendCallFailure f, ApiError e, String runId) {
        int status = f.getStatusCode();
        if (status == 429) {
            return new ExtendRateLimitException(f.getMessage(), runId, status, f.getStatusText(),
                    f.getResponseHeaders(), f.getResponseBody(), e.code(), e.message(), e.retryable(),
                    f.getRequestId(), f.getRetryAfter(), null);
        }
        if (status == 404) {
            return new ExtendNotFoundException(f.getMessage(), runId, status, f.getStatusText(),
                    f.getResponseHeaders(), f.getResponseBody(), e.code(), e.message(), e.retryable(),
                    f.getRequestId(), null);
        }
        if (status == 401 || status == 403) {
            return new ExtendAuthenticationException(f.getMessage(), runId, status, f.getStatusText(),
                    f.getResponseHeaders(), f.getResponseBody(), e.code(), e.message(), e.retryable(),
                    f.getRequestId(), null);
        }
        if (status >= 500) {
            return new ExtendServerException(f.getMessage(), runId, status, f.getStatusText(),
                    f.getResponseHeaders(), f.getResponseBody(), e.code(), e.message(), e.retryable(),
                    f.getRequestId(), f.getRetryAfter(), null);
        }
        return new ExtendApiException(f.getMessage(), runId, status, f.getStatusText(), f.getResponseHeaders(),
                f.getResponseBody(), e.code(), e.message(), e.retryable(), f.getRequestId(), f.getRetryAfter(), null);
    }
}
