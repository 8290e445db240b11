package dev.camelextend.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.Method;

/**
 * Where the call rules of {@link ExtendClient} hand each request, and the seam that lets those rules be tested without
 * a socket: in production {@link Pacing} in front of a {@link Dispatcher}; in tests, canned answers in virtual time.
 */
interface Sending {

    /**
     * Sends one request; the future completes with the answer or fails with why there was none.
     *
     * @param budgetEnds the monotonic time ({@link ClientTime#nanoTime}) after which the request no longer waits for a rate-limiter slot
     */
    CompletableFuture<RawResponse> send(ApiRequest request, long budgetEnds);

    /** {@link #send(ApiRequest, long)} of a request without a body. */
    default CompletableFuture<RawResponse> send(Method method, String url, String workspaceId, long budgetEnds) {
        return send(ApiRequest.of(method, url, workspaceId), budgetEnds);
    }

    /**
     * A 429's {@code Retry-After}, at most {@code cap}, for every request of the account in the {@link RequestCategory}
     * of the refused request: Extend counts each category apart, so the others go on.
     *
     * @param refused the method of the request that was answered 429; it decides the category
     */
    void pauseFor(Method refused, Duration retryAfter, Duration cap);

    /** Ends every request in flight and sends nothing more. */
    void close();
}
