package dev.camelextend.client;

import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.ExtendRun;
import org.apache.hc.core5.http.Method;

/**
 * The cancel-refusal protocol, the step a {@link ApiOperation} that {@linkplain ApiOperation#isPossibleRefusal
 * confirms refusals} takes after a 409, 400 or 422. Extend does not document which status refuses a cancel of a
 * finished run, so one GET of the run settles it:
 * <ul>
 *   <li>the run is still cancellable for its {@link RunKind} (or unreadable): the refusal stands as it came;</li>
 *   <li>it is CANCELLED or CANCELLING and either {@code alreadyCancelledIsSuccess} is set or an earlier attempt of
 *       this call may have reached Extend: the cancel succeeded, and the run is the result;</li>
 *   <li>otherwise: {@link ExtendCallFailure.Kind#CANCEL_NOT_ALLOWED}, with the run as it is now.</li>
 * </ul>
 * A GET that gets no answer or a retryable status is retried within {@code maxRetries} (the refusal itself is final):
 * an unconfirmed refusal would otherwise surface as a plain, non-retryable 400 that a route may treat as permanent.
 */
final class CancelRefusalCheck {

    private final CallEnding ending;
    private final Sending sending;
    private final ExtendClientSettings settings;
    private final AnswerReader reader;
    private final CallFailures failures;
    private final RetryPolicy retryPolicy;

    CancelRefusalCheck(CallEnding ending, Sending sending, ExtendClientSettings settings, AnswerReader reader,
                       CallFailures failures, RetryPolicy retryPolicy) {
        this.ending = ending;
        this.sending = sending;
        this.settings = settings;
        this.reader = reader;
        this.failures = failures;
        this.retryPolicy = retryPolicy;
    }

    /** Settles the possible refusal {@code refusal} of {@code call}; {@code original} is the failure if it stands. */
    void confirm(Call call, RawResponse refusal, ApiError error, ExtendCallFailure.Builder original) {
        lookUp(call, refusal, error, original, 1);
    }

    private void lookUp(Call call, RawResponse refusal, ApiError error, ExtendCallFailure.Builder original,
                        int lookup) {
        if (call.isDone()) {
            return; // ended by close() while this lookup waited
        }
        sending.send(Method.GET, ApiOperation.GET_RUN.url(settings.baseUrl(), call.kind, call.runId), call.request.workspaceId(),
                call.budgetEnds)
                .whenComplete((answer, lookupError) -> {
            try {
                boolean transientLookup = lookupError != null
                                          || answer != null && ErrorAnswer.isRetryableStatus(answer.status());
                if (transientLookup && lookup <= settings.maxRetries()) {
                    ending.later(call, retryPolicy.backoff(lookup),
                            () -> lookUp(call, refusal, error, original, lookup + 1), original);
                    return;
                }
                ExtendRun run = answer != null && answer.isSuccess()
                        ? reader.runOrNull(answer.body(), call.kind, call.runId.value()) : null;
                String status = run == null ? null : run.getRawStatus();
                if (status == null || call.kind.isCancellable(status)) {
                    ending.fail(call, original);
                } else if (call.kind.isCancelledOrCancelling(status)
                           && (settings.alreadyCancelledIsSuccess() || call.mayHaveReachedExtend)) {
                    ending.succeed(call, run, answer);
                } else {
                    ending.fail(call, failures.cancelNotAllowed(call, refusal, error, run));
                }
            } catch (RuntimeException | Error unexpected) {
                ending.finish(call, unexpected);
            }
        });
    }
}
