package dev.camelextend;

import dev.camelextend.model.ErrorAnswer;

/**
 * Extend answered 429 on the last attempt: either every retry was rate limited too, or its {@code Retry-After} asked
 * for a longer wait than {@code maxRetryAfter} allows. {@link #getRetryAfter()} says how long Extend asked to wait.
 * <p>
 * Also thrown, with {@link #getStatusCode()} 0 and nothing sent, when the client-side {@code rateLimit} has no slot
 * for the call within its time budget, ({@code maxRetries} + 1) x {@code requestTimeout} (the account is paused after
 * a 429, or that busy);
 * {@link #getRetryAfter()} is then how long the pause still lasts, or null.
 */
public class ExtendRateLimitException extends ExtendApiException {

    private static final long serialVersionUID = 1L;

    public ExtendRateLimitException(String message, String runId, ErrorAnswer answer) {
        super(message, runId, answer);
    }
}
