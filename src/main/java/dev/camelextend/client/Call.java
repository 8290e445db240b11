package dev.camelextend.client;

import java.util.concurrent.CompletableFuture;

import dev.camelextend.client.ExtendCallFailure.Kind;

/**
 * The state of one operation across its attempts - on one run, or one page of a listing - and how that call describes
 * itself in a failure. Only one thread touches it at a time (an attempt's continuation, or the scheduler before the
 * next one); the fields are volatile because those threads differ.
 */
final class Call {

    final RunOperation operation;
    final RunKind kind;
    /** The run acted on; null for a listing. */
    final RunId runId;
    /** Where every attempt of this call is sent. */
    final String url;
    final String workspaceId;
    /** The monotonic time after which the call no longer waits for rate-limiter slots. */
    final long budgetEnds;
    final CompletableFuture<ExtendResponse> result = new CompletableFuture<>();
    volatile int attempts;
    /** Whether an earlier attempt may have been acted on by Extend although its answer was lost or a 5xx. */
    volatile boolean mayHaveReachedExtend;

    Call(RunOperation operation, RunKind kind, RunId runId, String url, String workspaceId, long budgetEnds) {
        this.operation = operation;
        this.kind = kind;
        this.runId = runId;
        this.url = url;
        this.workspaceId = workspaceId;
        this.budgetEnds = budgetEnds;
    }

    boolean isDone() {
        return result.isDone();
    }

    boolean isListing() {
        return runId == null;
    }

    /** A failure of this call of the given kind, its message to be completed by the caller. */
    ExtendCallFailure.Builder failure(Kind kind) {
        return ExtendCallFailure.builder(kind, operation.label(), runId == null ? null : runId.value());
    }

    /** What a 2xx body of this call must be, for a message. */
    String expects() {
        if (isListing()) {
            return "a list of " + kind.objectType() + " objects";
        }
        return "a " + kind.modelType().getSimpleName() + (kind == RunKind.WORKFLOW ? "" : " (" + kind.objectType() + ")");
    }

    /** The opening of every failure message: what was attempted, and how often. */
    String describe() {
        return "Extend " + operation + (isListing() ? " of " + kind + " runs" : kind == RunKind.WORKFLOW
                ? " of run " + runId : " of " + kind + " run " + runId)
               + " failed after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
