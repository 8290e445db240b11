package dev.camelextend.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.ExtendRun;

/**
 * Why an Extend call did not produce a run, with everything the last answer said. The client completes its future
 * with this exception; the Camel producer turns it into the matching typed {@code ExtendException}. It never holds
 * the API key: only response data and the run ID, and every text quoted from the answer - the message too - has been
 * through {@link ServerText} (key masked, one line, bounded), because the typed exception hands it on to logs and
 * error handlers as it is.
 */
public final class ExtendCallFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** Extend answered with a non-2xx status (after any retries). */
        HTTP_STATUS,
        /** Extend refused a cancel and a GET confirmed the run is no longer PENDING or PROCESSING. */
        CANCEL_NOT_ALLOWED,
        /** The connect, the response or the whole attempt took longer than allowed (after any retries). */
        TIMEOUT,
        /** The connection failed or was dropped without an answer (after any retries). */
        CONNECTION,
        /** The client-side rate limiter had no slot within the attempt's budget; nothing was sent. */
        RATE_LIMITED,
        /** Extend answered 2xx, but the body is not the run or page asked for. */
        INVALID_RESPONSE,
        /** A wait for the run to settle ran out of time; {@link #getCurrentRun()} is the run as last seen. */
        WAIT_TIMEOUT
    }

    private final Kind kind;
    private final String operation;
    private final String runId;
    private final ErrorAnswer answer;
    private final ExtendRun currentRun;
    private final int attempts;

    private ExtendCallFailure(Builder b) {
        super(ServerText.clean(b.message, ServerText.MESSAGE_CHARS, b.secret), b.cause, false, true);
        this.kind = b.kind;
        this.operation = b.operation;
        this.runId = b.runId;
        ApiError error = b.apiError == null ? ApiError.EMPTY : b.apiError;
        String requestId = b.requestId != null ? b.requestId : error.requestId();
        this.answer = new ErrorAnswer(b.statusCode, ServerText.clean(b.statusText, ServerText.TEXT_CHARS, b.secret),
                cleanHeaders(b.responseHeaders, b.secret),
                b.responseBody == null ? null : ServerText.bodyExcerpt(b.responseBody, ServerText.BODY_CHARS, b.secret),
                ServerText.clean(error.code(), ServerText.ERROR_CODE_CHARS, b.secret),
                ServerText.clean(error.message(), ServerText.TEXT_CHARS, b.secret), error.retryable(),
                ServerText.clean(requestId, ServerText.REQUEST_ID_CHARS, b.secret), b.retryAfter);
        this.currentRun = b.currentRun;
        this.attempts = b.attempts;
    }

    /** The same failure, already cleaned, with another count: a wait reports every request it made. */
    private ExtendCallFailure(ExtendCallFailure f, int attempts) {
        super(f.getMessage(), f.getCause(), false, true);
        this.kind = f.kind;
        this.operation = f.operation;
        this.runId = f.runId;
        this.answer = f.answer;
        this.currentRun = f.currentRun;
        this.attempts = attempts;
    }

    ExtendCallFailure withAttempts(int attempts) {
        return attempts == this.attempts ? this : new ExtendCallFailure(this, attempts);
    }

    /** Names and values cleaned; names that became equal are joined like repeated headers. */
    private static Map<String, String> cleanHeaders(Map<String, String> headers, String secret) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> clean = new LinkedHashMap<>();
        headers.forEach((name, value) -> clean.merge(ServerText.clean(name, ServerText.TEXT_CHARS, secret),
                String.valueOf(ServerText.clean(value, ServerText.TEXT_CHARS, secret)), (x, y) -> x + ", " + y));
        return clean;
    }

    public Kind getKind() {
        return kind;
    }

    /** The operation, e.g. {@code cancelRun}, {@code getRun}, {@code awaitRun} or {@code listRuns}. */
    public String getOperation() {
        return operation;
    }

    public String getRunId() {
        return runId;
    }

    /** What the last answer said, cleaned; status code 0 when there was none. */
    public ErrorAnswer getAnswer() {
        return answer;
    }

    /** For {@link Kind#CANCEL_NOT_ALLOWED}: the run as the confirming GET saw it. */
    public ExtendRun getCurrentRun() {
        return currentRun;
    }

    /** How many requests the operation made (the confirming GET of a refused cancel is not counted). */
    public int getAttempts() {
        return attempts;
    }

    static Builder builder(Kind kind, String operation, String runId) {
        return new Builder(kind, operation, runId);
    }

    static final class Builder {
        private final Kind kind;
        private final String operation;
        private final String runId;
        private String message;
        private Throwable cause;
        private int statusCode;
        private String statusText;
        private Map<String, String> responseHeaders;
        private byte[] responseBody;
        private ApiError apiError;
        private String requestId;
        private Duration retryAfter;
        private ExtendRun currentRun;
        private int attempts;
        private String secret;

        private Builder(Kind kind, String operation, String runId) {
            this.kind = kind;
            this.operation = operation;
            this.runId = runId;
        }

        Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Adds a sentence to the message set before. */
        Builder addToMessage(String more) {
            this.message = message == null ? more : message + more;
            return this;
        }

        Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        Builder answer(RawResponse answer, ApiError error) {
            this.statusCode = answer.status();
            this.statusText = answer.reason();
            this.responseHeaders = answer.headers();
            this.responseBody = answer.body();
            this.apiError = error;
            this.requestId = answer.requestId() != null ? answer.requestId() : error == null ? null : error.requestId();
            return this;
        }

        Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        Builder currentRun(ExtendRun run) {
            this.currentRun = run;
            return this;
        }

        Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /**
         * The API key to mask wherever response data is quoted. Extend never echoes the key, but a misconfigured
         * proxy or gateway may reflect request headers into an error page; the key must not ride out on it.
         * {@link #build()} runs the message, status text, header names and values, body, error fields and request ID
         * through {@link ServerText} with this key (with none when it was not set): the masking needs the whole
         * texts, so nothing is cut before then.
         */
        Builder redact(String secret) {
            this.secret = secret;
            return this;
        }

        ExtendCallFailure build() {
            return new ExtendCallFailure(this);
        }
    }
}
