package dev.camelextend.client;

import java.util.concurrent.CompletableFuture;

import dev.camelextend.client.ExtendCallFailure.Kind;

/**
 * The state of one operation across its attempts - on one run, one page of a listing, or one webhook management
 * request - and how that call describes itself in a failure. Only one thread touches it at a time (an attempt's
 * continuation, or the scheduler before the next one); the fields are volatile because those threads differ.
 */
final class Call {

    final ApiOperation operation;
    /** The kind of run acted on or listed; null for a webhook management call. */
    final RunKind kind;
    /** The run acted on; null for a listing and a webhook management call. */
    final RunId runId;
    /**
     * What a webhook management call acts on, for its messages ("webhook endpoint wh_..."), or null; with
     * {@link #subjectId}, the ID a delete must be answered with.
     */
    final String subject;
    final String subjectId;
    /** What every attempt of this call sends. */
    final ApiRequest request;
    /** The monotonic time after which the call no longer waits for rate-limiter slots. */
    final long budgetEnds;
    final CompletableFuture<ExtendResponse> result = new CompletableFuture<>();
    volatile int attempts;
    /** Whether an earlier attempt may have been acted on by Extend although its answer was lost or a 5xx. */
    volatile boolean mayHaveReachedExtend;

    Call(ApiOperation operation, RunKind kind, RunId runId, String url, String workspaceId, long budgetEnds) {
        this(operation, kind, runId, null, null, ApiRequest.of(operation.method(), url, workspaceId), budgetEnds);
    }

    /** A webhook management call on {@code subject} (its ID {@code subjectId}, or null when it has none yet). */
    static Call onWebhooks(ApiOperation operation, String subject, String subjectId, ApiRequest request,
                           long budgetEnds) {
        return new Call(operation, null, null, subject, subjectId, request, budgetEnds);
    }

    private Call(ApiOperation operation, RunKind kind, RunId runId, String subject, String subjectId,
                 ApiRequest request, long budgetEnds) {
        this.operation = operation;
        this.kind = kind;
        this.runId = runId;
        this.subject = subject;
        this.subjectId = subjectId;
        this.request = request;
        this.budgetEnds = budgetEnds;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** Whether this call lists runs. */
    boolean isListing() {
        return operation.answer() == ApiOperation.Answer.RUN_PAGE;
    }

    /** A failure of this call of the given kind, its message to be completed by the caller. */
    ExtendCallFailure.Builder failure(Kind kind) {
        return ExtendCallFailure.builder(kind, operation.label(), runId == null ? null : runId.value());
    }

    /** What a 2xx body of this call must be, for a message. */
    String expects() {
        String fixed = operation.answer().expected();
        if (fixed != null) {
            return fixed;
        }
        if (isListing()) {
            return "a list of " + kind.objectType() + " objects";
        }
        return "a " + kind.modelType().getSimpleName() + (kind == RunKind.WORKFLOW ? "" : " (" + kind.objectType() + ")");
    }

    /** The opening of every failure message: what was attempted, and how often. */
    String describe() {
        if (!operation.isOnRuns()) {
            return "Extend " + operation + (subject != null ? " of " + subject : "") + " failed after " + attempts
                   + (attempts == 1 ? " attempt" : " attempts");
        }
        return "Extend " + operation + (isListing() ? " of " + kind + " runs" : kind == RunKind.WORKFLOW
                ? " of run " + runId : " of " + kind + " run " + runId)
               + " failed after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
