package dev.camelextend.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.apache.hc.core5.http.Method;

/**
 * The rate limiters in front of the {@link Dispatcher}, one per {@link RequestCategory} as Extend counts them: a
 * request waits for a slot of its category's limiter on the scheduler (no thread sleeps), then is dispatched, so a
 * flood of reads never delays a cancel beyond the write limit's own pace. A category without a limiter dispatches at
 * once. A slot that does not come before the call's budget ends - the category paused after a 429, or that many
 * requests of it queued ahead - fails the request with a {@link RateLimitWaitException} and sends nothing, so a burst
 * the rate cannot serve in time fails fast instead of queueing without bound.
 */
final class Pacing implements Sending {

    private final RateLimiter readLimiter;
    private final RateLimiter writeLimiter;
    private final Dispatch dispatch;
    private final BooleanSupplier closed;
    private final Runnable close;
    private final ClientTime time;
    private final Duration callBudget;

    /**
     * @param readLimiter  the account's limiter of reads ({@link RequestCategory#READ}), or null for none
     * @param writeLimiter the account's limiter of writes ({@link RequestCategory#WRITE}), or null for none
     * @param callBudget   how long a call may wait for slots in all (only quoted in the failure; the call's own
     *                     deadline is the {@code budgetEnds} of each request)
     */
    Pacing(RateLimiter readLimiter, RateLimiter writeLimiter, Dispatcher dispatcher, ClientTime time,
           Duration callBudget) {
        this(readLimiter, writeLimiter, dispatcher::dispatch, dispatcher::isClosed, dispatcher::close, time,
                callBudget);
    }

    /** The same over any dispatch: canned answers in virtual time, in tests. */
    Pacing(RateLimiter readLimiter, RateLimiter writeLimiter, Dispatch dispatch, BooleanSupplier closed,
           Runnable close, ClientTime time, Duration callBudget) {
        this.readLimiter = readLimiter;
        this.writeLimiter = writeLimiter;
        this.dispatch = dispatch;
        this.closed = closed;
        this.close = close;
        this.time = time;
        this.callBudget = callBudget;
    }

    /** What actually sends a request (the {@link Dispatcher}). */
    @FunctionalInterface
    interface Dispatch {
        CompletableFuture<RawResponse> dispatch(ApiRequest request);
    }

    /** The limiter of the category, or null when that category is not limited. */
    private RateLimiter limiter(RequestCategory category) {
        return switch (category) {
            case READ -> readLimiter;
            case WRITE -> writeLimiter;
            case RUN -> null; // RequestCategory.of never answers RUN: the component submits no files yet
        };
    }

    /**
     * Sends one request after its slot of the limiter of its category ({@link RequestCategory#of its method}).
     *
     * @param budgetEnds the monotonic time ({@link ClientTime#nanoTime}) after which the request no longer waits for a slot
     */
    @Override
    public CompletableFuture<RawResponse> send(ApiRequest request, long budgetEnds) {
        RequestCategory category = RequestCategory.of(request.method());
        RateLimiter rateLimiter = limiter(category);
        if (rateLimiter == null) {
            return dispatch.dispatch(request);
        }
        CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        Duration wait = rateLimiter.reserveWithin(left(budgetEnds));
        if (wait == null) {
            answer.completeExceptionally(noSlot(category, rateLimiter));
            return answer;
        }
        sendWhenPermitted(category, rateLimiter, wait, false, budgetEnds, request, answer);
        return answer;
    }

    /**
     * A 429's {@code Retry-After}, at most {@code cap}: every request of the refused request's category waits it out;
     * the other categories go on, as Extend counts them apart.
     */
    @Override
    public void pauseFor(Method refused, Duration retryAfter, Duration cap) {
        RateLimiter rateLimiter = limiter(RequestCategory.of(refused));
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

    private RateLimitWaitException noSlot(RequestCategory category, RateLimiter rateLimiter) {
        Duration pause = rateLimiter.remainingPause();
        return new RateLimitWaitException("the client-side rate limit for " + category.label() + " ("
                                          + Math.round(rateLimiter.permitsPerSecond())
                                          + " requests/s) has no slot within the call's time budget of "
                                          + callBudget.toMillis() + " ms ((maxRetries + 1) x requestTimeout)"
                                          + (pause.isZero() ? "" : "; " + category.label() + " are paused after a 429"
                                                                    + " for another " + pause.toMillis() + " ms"),
                pause.isZero() ? null : pause);
    }

    /**
     * @param category    the request's category, for the failure's message
     * @param rateLimiter the limiter of that category
     * @param wait        how long until this request's slot
     * @param hasTurn     true when {@link RateLimiter#acquireSend} held this request before and it now comes back at
     *                    its turn
     */
    private void sendWhenPermitted(RequestCategory category, RateLimiter rateLimiter, Duration wait, boolean hasTurn,
                                   long budgetEnds, ApiRequest request,
                                   CompletableFuture<RawResponse> answer) {
        boolean turn = false;
        if (wait.isZero() || wait.isNegative()) {
            Duration pause = rateLimiter.remainingPause();
            if (pause.isZero()) {
                Duration hold = rateLimiter.acquireSend(hasTurn);
                if (hold.isZero()) {
                    dispatch.dispatch(request).whenComplete((r, e) -> {
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
                // a 429 paused the category after this slot was reserved: take a new slot after the pause, if in time
                wait = rateLimiter.reserveWithin(left(budgetEnds));
                if (wait == null) {
                    answer.completeExceptionally(noSlot(category, rateLimiter));
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
            time.later(delay, () -> sendWhenPermitted(category, rateLimiter, Duration.ZERO, again, budgetEnds,
                    request, answer));
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

        /** How long the request's category is still paused after a 429, or null when it is only busy. */
        Duration pause() {
            return pause;
        }
    }
}
