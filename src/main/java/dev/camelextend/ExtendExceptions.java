package dev.camelextend;

import dev.camelextend.client.ExtendCallFailure;
import dev.camelextend.model.ErrorAnswer;

/** Turns the client's {@link ExtendCallFailure} into the typed exception a route's error handler catches. */
final class ExtendExceptions {

    private ExtendExceptions() {
    }

    static Exception from(Throwable error, String runId) {
        if (!(error instanceof ExtendCallFailure f)) {
            return new ExtendException("Extend call" + (runId == null ? "" : " for " + runId) + " failed: " + error,
                    runId, error);
        }
        ErrorAnswer answer = f.getAnswer();
        return switch (f.getKind()) {
            case TIMEOUT -> new ExtendTimeoutException(f.getMessage(), runId, f.getCause());
            case CONNECTION -> new ExtendConnectionException(f.getMessage(), runId, f.getCause());
            case INVALID_RESPONSE -> new ExtendException(f.getMessage(), runId, f.getCause());
            case CANCEL_NOT_ALLOWED -> new ExtendCancelNotAllowedException(f.getMessage(), runId, answer,
                    f.getCurrentRun());
            case HTTP_STATUS -> fromStatus(f.getMessage(), runId, answer);
            // nothing was sent: status 0, as HttpResponseAware reports a call that got no answer
            case RATE_LIMITED -> new ExtendRateLimitException(f.getMessage(), runId, answer);
            case WAIT_TIMEOUT -> new ExtendWaitTimeoutException(f.getMessage(), runId, f.getCurrentRun());
        };
    }

    private static ExtendApiException fromStatus(String message, String runId, ErrorAnswer answer) {
        int status = answer.statusCode();
        if (status == 429) {
            return new ExtendRateLimitException(message, runId, answer);
        }
        if (status == 404) {
            return new ExtendNotFoundException(message, runId, answer);
        }
        if (status == 401 || status == 403) {
            return new ExtendAuthenticationException(message, runId, answer);
        }
        if (status >= 500) {
            return new ExtendServerException(message, runId, answer);
        }
        return new ExtendApiException(message, runId, answer);
    }
}
