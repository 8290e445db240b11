package dev.camelextend.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.apache.hc.core5.http.Method;

/**
 * The rate limiter in front of the {@link Dispatcher}: a request waits for its slot on the scheduler (no thread
 * sleeps), then is dispatched. Without a limiter it dispatches at once. A slot that does not come before the call's
 * budget ends - the account paused after a 429, or that many requests queued ahead - fails the request with a
 * {@link RateLimitWaitException} and sends nothing, so a burst the rate cannot serve in time fails fast instead of
 * queueing without bound.
 */
final class Pacing implements Sending {

    private final RateLimiter rateLimiter;
    private final Dispatch dispatch;
    private final BooleanSupplier closed;
    private final Runnable close;
    private final ClientTime time;
    private final Duration callBudget;

    /**
     * @param rateLimiter the account's limiter, or null for none
     * @param callBudget  how long a call may wait for slots in all (only quoted in the failure; the call's own
     *                    deadline is the {@code budgetEnds} of each request)
     */
    Pacing(RateLimiter rateLimiter, Dispatcher dispatcher, ClientTime time, Duration callBudget) {
        this(rateLimiter, dispatcher::dispatch, dispatcher::isClosed, dispatcher::close, time, callBudget);
    }

    /** The same over any dispatch: canned answers in virtual time, in tests. */
    Pacing(RateLimiter rateLimiter, Dispatch dispatch, BooleanSupplier closed, Runnable close, ClientTime time,
           Duration callBudget) {
        this.rateLimiter = rateLimiter;
        this.dispatch = dispatch;
        this.closed = closed;
        this.close = close;
        this.time = time;
        this.callBudget = callBudget;
    }

    /** What actually sends a request (the {@link Dispatcher}). */
    @FunctionalInterface
    interface Dispatch {
        CompletableFuture<RawResponse> dispatch(Method method, String url, String workspaceId);
    }

    /**
     * Sends one request after its slot.
     *
     * @param budgetEnds the monotonic time ({@link ClientTime#nanoTime}) after which the request no longer waits for a slot
     */
    @Override
    public CompletableFuture<RawResponse> send(Method method, String url, String workspaceId, long budgetEnds) {
        if (rateLimiter == null) {
            return dispatch.dispatch(method, url, workspaceId);
        }
        CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        Duration wait = rateLimiter.reserveWithin(left(budgetEnds));
        if (wait == null) {
            answer.completeExceptionally(noSlot());
            return answer;
        }
        sendWhenPermitted(wait, false, budgetEnds, method, url, workspaceId, answer);
        return answer;
    }

    /** A 429's {@code Retry-After}, at most {@code cap}: every request of the account waits it out. */
    @Override
    public void pauseFor(Duration retryAfter, Duration cap) {
        if (rateLimiter != null) {
            rateLimiter.pauseFor(retryAfter.compareTo(cap) <= 0 ? retryAfter : cap);
        }
    }

    @Override
    public void close() {
        close.run();
    }

    private Duration left(long budgetEnds) {
        return Duration.ofNanos(Math.max(0, budgetEnds - time.nanoTime().getAsLong()));
    }

    private RateLimitWaitException noSlot() {
        Duration pause = rateLimiter.remainingPause();
        return new RateLimitWaitException("the client-side rate limit (" + Math.round(rateLimiter.permitsPerSecond())
                                          + " requests/s) has no slot within the call's time budget of "
                                          + callBudget.toMillis() + " ms ((maxRetries + 1) x requestTimeout)"
                                          + (pause.isZero() ? "" : "; the account is paused after a 429 for another "
                                                                    + pause.toMillis() + " ms"),
                pause.isZero() ? null : pause);
    }

    /**
     * @param wait    how long until this request's slot
     * @param hasTurn true when {@link RateLimiter#acquireSend} held this request before and it now comes back at its
     *                turn
     */
    private void sendWhenPermitted(Duration wait, boolean hasTurn, long budgetEnds, Method method, String url,
                                   String workspaceId, CompletableFuture<RawResponse> answer) {
        boolean turn = false;
        if (wait.isZero() || wait.isNegative()) {
            Duration pause = rateLimiter.remainingPause();
            if (pause.isZero()) {
                Duration hold = rateLimiter.acquireSend(hasTurn);
                if (hold.isZero()) {
                    dispatch.dispatch(method, url, workspaceId).whenComplete((r, e) -> {
                        if (e != null) {
                            answer.completeExceptionally(e);
                        } else {
                            answer.complete(r);
                        }
                    });
                    return;
                }
                // the last second's sends already reach the limit (this thread ran late, say): wait for a turn
                wait = hold;
                turn = true;
            } else {
                // a 429 paused the account after this slot was reserved: take a new slot after the pause, if in time
                wait = rateLimiter.reserveWithin(left(budgetEnds));
                if (wait == null) {
                    answer.completeExceptionally(noSlot());
                    return;
                }
            }
        }
        if (closed.getAsBoolean()) {
            answer.completeExceptionally(new CancellationException("the Extend client is closed"));
            return;
        }
        Duration delay = wait;
        boolean again = turn;
        try {
            time.later(delay, () -> sendWhenPermitted(Duration.ZERO, again, budgetEnds, method, url, workspaceId,
                    answer));
        } catch (RuntimeException shutDown) {
            answer.completeExceptionally(shutDown);
        }
    }

    /** No rate-limiter slot within the call's budget; nothing was sent. */
    static final class RateLimitWaitException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Duration pause;

        RateLimitWaitException(String message, Duration pause) {
            super(message);
            this.pause = pause;
        }

        /** How long the account is still paused after a 429, or null when it is only busy. */
        Duration pause() {
            return pause;
        }
    }
}
