package dev.camelextend.client;

import java.time.Duration;

import dev.camelextend.model.ExtendRun;

/**
 * The steps that end a call or put its next step off, as {@link CallExecution} offers them to an operation's own step
 * (such as the {@link CancelRefusalCheck}): so that such a step decides what happens, and the execution stays the one
 * place every call ends.
 */
interface CallEnding {

    /** Runs {@code next} after {@code delay}; if the client closes or the scheduler is gone, the call fails instead. */
    void later(Call call, Duration delay, Runnable next, ExtendCallFailure.Builder ifRejected);

    /** The call succeeded with {@code run}, carried by {@code answer}. */
    void succeed(Call call, ExtendRun run, RawResponse answer);

    /** The call failed as {@code failure} says. */
    void fail(Call call, ExtendCallFailure.Builder failure);

    /** The call failed on an error of the component's own (a bug): it must still end. */
    void finish(Call call, Throwable unexpected);
}
