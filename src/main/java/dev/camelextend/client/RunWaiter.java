package dev.camelextend.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dev.camelextend.client.ExtendCallFailure.Kind;
import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.ExtendRun;

/**
 * Waits for runs to settle by polling them, without holding a thread: each wait is a chain of {@code getRun} calls
 * and scheduled steps on the {@link ClientTime}, so a thousand waiting exchanges cost a thousand small objects and no
 * thread each. The schedule is {@link WaitSettings}'; each poll is an ordinary call with its own retries and rate
 * limiting (the read category, so polling never takes the cancels' slots).
 * <p>
 * A wait ends exactly once: with the settled run; with the failure of a poll that asking again cannot fix (401, 404, a
 * body that is not the run) or of the last of too many transient ones in a row; with {@link Kind#WAIT_TIMEOUT} at its
 * deadline, carrying the run as last seen; or, when the client closes, with the close.
 */
final class RunWaiter {

    private final CallExecution calls;
    private final ClientTime time;
    private final String apiKey;
    private final Set<Wait> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RunWaiter(CallExecution calls, ClientTime time, String apiKey) {
        this.calls = calls;
        this.time = time;
        this.apiKey = apiKey;
    }

    /**
     * Waits for the run to settle.
     *
     * @param seen     the run as an earlier answer (a cancel's) showed it, or null to poll at once
     * @param attempts the requests already made for this operation (the cancel's), counted into the result
     */
    CompletableFuture<ExtendResponse> await(RunKind kind, RunId runId, String workspaceId, WaitSettings settings,
                                            ExtendResponse seen, int attempts) {
        Wait wait = new Wait(kind, runId, workspaceId, settings, attempts);
        pending.add(wait);
        if (closed) { // after the add: a concurrent closeAll() either sees the wait or is seen here
            wait.end(closedFailure(wait));
            return wait.result;
        }
        if (seen != null && kind.isSettled(seen.run().getRawStatus())) {
            wait.end(seen.withAttempts(attempts));
            return wait.result;
        }
        wait.lastRun = seen == null ? null : seen.run();
        try {
            wait.deadline = time.later(settings.timeout(), () -> wait.end(timedOut(wait)));
        } catch (RuntimeException shutDown) {
            wait.end(closedFailure(wait));
            return wait.result;
        }
        if (seen == null) {
            poll(wait);
        } else {
            scheduleNextPoll(wait);
        }
        return wait.result;
    }

    /** Every wait not ended yet fails now; no wait polls from now on. */
    void closeAll() {
        closed = true;
        for (Wait wait : pending) {
            wait.end(closedFailure(wait));
        }
    }

    private void poll(Wait wait) {
        if (wait.result.isDone()) {
            return;
        }
        wait.polls++;
        calls.start(ApiOperation.GET_RUN, wait.kind, wait.runId, wait.workspaceId).result
                .whenComplete((response, error) -> {
            try {
                onPolled(wait, response, error);
            } catch (RuntimeException | Error unexpected) {
                wait.end(unexpected); // a bug here must still end the wait
            }
        });
    }

    private void onPolled(Wait wait, ExtendResponse response, Throwable error) {
        if (wait.result.isDone()) {
            return; // timed out or closed while this poll was under way
        }
        if (error == null) {
            wait.attempts += response.attempts();
            wait.failedInARow = 0;
            wait.lastRun = response.run();
            if (wait.kind.isSettled(response.run().getRawStatus())) {
                wait.end(response.withAttempts(wait.attempts));
            } else {
                scheduleNextPoll(wait);
            }
            return;
        }
        Throwable failure = CallFailures.unwrap(error);
        if (failure instanceof ExtendCallFailure f) {
            wait.attempts += f.getAttempts();
        }
        wait.failedInARow++;
        if (!isTransient(failure) || wait.failedInARow > wait.settings.maxFailedPolls() || closed) {
            wait.end(failure instanceof ExtendCallFailure f ? f.withAttempts(wait.attempts) : failure);
        } else {
            scheduleNextPoll(wait);
        }
    }

    private void scheduleNextPoll(Wait wait) {
        Duration elapsed = Duration.ofNanos(time.nanoTime().getAsLong() - wait.started);
        Duration delay = wait.settings.nextDelay(elapsed, wait.lastDelay);
        wait.lastDelay = delay;
        double spread = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        Duration jittered = Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * spread)));
        if (closed) {
            wait.end(closedFailure(wait));
            return;
        }
        try {
            time.later(jittered, () -> poll(wait));
        } catch (RuntimeException shutDown) {
            wait.end(closedFailure(wait));
        }
    }

    /** A failure another poll may not meet: no answer, the limiter's, or a retryable status. */
    private static boolean isTransient(Throwable failure) {
        if (!(failure instanceof ExtendCallFailure f)) {
            return false;
        }
        return switch (f.getKind()) {
            case TIMEOUT, CONNECTION, RATE_LIMITED -> true;
            case HTTP_STATUS -> ErrorAnswer.isRetryableStatus(f.getAnswer().statusCode());
            default -> false;
        };
    }

    private ExtendCallFailure timedOut(Wait wait) {
        ExtendRun last = wait.lastRun;
        String seen = last == null ? "no poll got an answer" : "it was still " + last.getRawStatus() + " when last seen";
        return ExtendCallFailure.builder(Kind.WAIT_TIMEOUT, "awaitRun", wait.runId.value())
                .message("Extend " + wait.kind + " run " + wait.runId + " did not settle within the waitTimeout of "
                         + wait.settings.timeout().toMillis() + " ms: " + seen + " (" + wait.polls
                         + (wait.polls == 1 ? " poll" : " polls") + ")")
                .currentRun(last)
                .attempts(wait.attempts)
                .redact(apiKey)
                .build();
    }

    private ExtendCallFailure closedFailure(Wait wait) {
        return ExtendCallFailure.builder(Kind.CONNECTION, "awaitRun", wait.runId.value())
                .message("Extend awaitRun of " + wait.kind + " run " + wait.runId + " ended: the Extend client was"
                         + " closed (the component is stopping) before the run settled")
                .currentRun(wait.lastRun)
                .attempts(wait.attempts)
                .redact(apiKey)
                .build();
    }

    /** One wait's state; touched by one step at a time (a poll's continuation or a scheduled step). */
    private final class Wait {
        final RunKind kind;
        final RunId runId;
        final String workspaceId;
        final WaitSettings settings;
        final long started = time.nanoTime().getAsLong();
        final CompletableFuture<ExtendResponse> result = new CompletableFuture<>();
        volatile int attempts;
        volatile int polls;
        volatile int failedInARow;
        volatile ExtendRun lastRun;
        volatile Duration lastDelay;
        volatile Future<?> deadline;

        Wait(RunKind kind, RunId runId, String workspaceId, WaitSettings settings, int attempts) {
            this.kind = kind;
            this.runId = runId;
            this.workspaceId = workspaceId;
            this.settings = settings;
            this.attempts = attempts;
        }

        /* The wait leaves the registry and its deadline is dropped before the future completes: completing it runs
           the rest of a route on this thread. */
        void end(ExtendResponse response) {
            leave();
            result.complete(response);
        }

        void end(Throwable failure) {
            leave();
            result.completeExceptionally(failure);
        }

        private void leave() {
            pending.remove(this);
            Future<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }
    }
}
