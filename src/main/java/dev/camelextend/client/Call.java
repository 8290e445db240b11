package dev.camelextend.client;

import java.util.concurrent.CompletableFuture;

import dev.camelextend.client.ExtendCallFailure.Kind;

/**
 * The state of one operation on one run across its attempts, and how that call describes itself in a failure. Only
 * one thread touches it at a time (an attempt's continuation, or the scheduler before the next one); the fields are
 * volatile because those threads differ.
 */
final class Call {

    final RunOperation operation;
    final RunId runId;
    final String workspaceId;
    /** The monotonic time after which the call no longer waits for rate-limiter slots. */
    final long budgetEnds;
    final CompletableFuture<ExtendResponse> result = new CompletableFuture<>();
    volatile int attempts;
    /** Whether an earlier attempt may have been acted on by Extend although its answer was lost or a 5xx. */
    volatile boolean mayHaveReachedExtend;

    Call(RunOperation operation, RunId runId, String workspaceId, long budgetEnds) {
        this.operation = operation;
        this.runId = runId;
        this.workspaceId = workspaceId;
        this.budgetEnds = budgetEnds;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** A failure of this call of the given kind, its message to be completed by the caller. */
    ExtendCallFailure.Builder failure(Kind kind) {
        return ExtendCallFailure.builder(kind, operation.label(), runId.value());
    }

    /** The opening of every failure message: what was attempted, and how often. */
    String describe() {
        return "Extend " + operation + " of run " + runId + " failed after " + attempts
               + (attempts == 1 ? " attempt" : " attempts");
    }
}
