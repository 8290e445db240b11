package dev.camelextend.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelextend.model.ErrorAnswer;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunPage;

/**
 * The rules of one call across its attempts: send, classify what came back, retry or end - and the one funnel every
 * call ends through ({@link #finish}). Also the registry of calls not ended yet, so that {@link #closeAll} can end them.
 * <p>
 * Retries are counted per call, never shared between calls: every call gets the full budget. Waits are scheduled on
 * the {@link ClientTime}, so no thread sleeps and the rules run in virtual time under test. Operation-specific steps
 * are chosen by the {@link ApiOperation}: a possible refusal of a cancel goes to the {@link CancelRefusalCheck}.
 */
final class CallExecution implements CallEnding {

    private final ExtendClientSettings settings;
    private final Sending sending;
    private final ClientTime time;
    private final AnswerReader reader;
    private final ErrorBodyDecoder errorDecoder;
    private final CallFailures failures;
    private final RetryPolicy retryPolicy;
    private final CancelRefusalCheck refusals;
    private final Set<Call> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    CallExecution(ExtendClientSettings settings, Sending sending, ClientTime time, AnswerReader reader,
                  ErrorBodyDecoder errorDecoder) {
        this.settings = settings;
        this.sending = sending;
        this.time = time;
        this.reader = reader;
        this.errorDecoder = errorDecoder;
        this.failures = new CallFailures(reader, settings.apiKey());
        this.retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
        this.refusals = new CancelRefusalCheck(this, sending, settings, reader, failures, retryPolicy);
    }

    /**
     * Starts a call: its first attempt is sent now, unless the client is closed. The call may wait for rate-limiter
     * slots as long as its attempts could take without a limiter.
     */
    Call start(ApiOperation operation, RunKind kind, RunId runId, String workspaceId) {
        return start(new Call(operation, kind, runId, operation.url(settings.baseUrl(), kind, runId), workspaceId,
                time.nanosAfter(settings.callBudget())));
    }

    /** Starts the call for one page of a listing; see {@link #start(ApiOperation, RunKind, RunId, String)}. */
    Call startListing(RunKind kind, RunListQuery query, String pageToken, String workspaceId) {
        return start(new Call(ApiOperation.LIST_RUNS, kind, null, query.url(settings.baseUrl(), kind, pageToken),
                workspaceId, time.nanosAfter(settings.callBudget())));
    }

    /** Starts a webhook management call ({@link Call#onWebhooks}); see {@link #start(ApiOperation, RunKind, RunId, String)}. */
    Call startWebhookCall(ApiOperation operation, String subject, String subjectId, ApiRequest request) {
        return start(Call.onWebhooks(operation, subject, subjectId, request, time.nanosAfter(settings.callBudget())));
    }

    private Call start(Call call) {
        pending.add(call);
        if (closed) { // checked after the add: a concurrent closeAll() either sees the call or is seen here
            fail(call, failures.closed(call));
            return call;
        }
        attempt(call);
        return call;
    }

    /** Every call not ended yet fails now, and no call sends anything from now on. */
    void closeAll() {
        closed = true;
        for (Call call : pending) {
            fail(call, failures.closed(call));
        }
    }

    /** One exchange of the operation; its outcome decides between result, retry and failure. */
    private void attempt(Call call) {
        if (call.isDone()) {
            return; // ended by closeAll() while this attempt waited for its turn
        }
        call.attempts++;
        long started = time.nanoTime().getAsLong();
        sending.send(call.request, call.budgetEnds).whenComplete((answer, error) -> {
            try {
                AttemptLog.log(call, answer, error, time.nanoTime().getAsLong() - started, settings.apiKey(), reader);
                if (error != null) {
                    onNoAnswer(call, CallFailures.unwrap(error));
                } else if (answer.isEncoded()) {
                    fail(call, failures.encoded(call, answer)); // not a network fault: asking again gets the same
                } else if (answer.isSuccess()) {
                    onSuccess(call, answer);
                } else {
                    onErrorAnswer(call, answer);
                }
            } catch (RuntimeException | Error unexpected) {
                // a bug here must still end the call, or the exchange would hang forever
                finish(call, unexpected);
            }
        });
    }

    private void onSuccess(Call call, RawResponse answer) {
        Object read;
        try {
            if (!call.operation.isOnRuns()) {
                read = reader.webhook(answer.body(), call.operation, call.subjectId);
            } else {
                read = call.isListing() ? reader.page(answer.body(), call.kind)
                        : reader.run(answer.body(), call.kind, call.runId.value());
            }
        } catch (AnswerReader.WrongAnswerException wrong) {
            fail(call, failures.wrongAnswer(call, answer, wrong.getMessage()));
            return;
        } catch (IOException | RuntimeException invalid) {
            // a malformed 2xx is not a network fault and retrying will not fix it: report it as what it is
            fail(call, failures.unreadable(call, answer, invalid));
            return;
        }
        if (!call.operation.isOnRuns()) {
            finish(call, ExtendResponse.ofWebhook(read, answer.status(), reader.requestId(answer), call.attempts));
        } else if (read instanceof RunPage<?> page) {
            finish(call, new ExtendResponse(null, page, answer.status(), reader.requestId(answer), call.attempts));
        } else {
            succeed(call, (ExtendRun) read, answer);
        }
    }

    private void onErrorAnswer(Call call, RawResponse answer) {
        ApiError error = errorDecoder.decode(answer.body());
        int status = answer.status();
        if (call.operation.isPossibleRefusal(status)) {
            refusals.confirm(call, answer, error, failures.httpStatus(call, answer, error, null));
            return;
        }
        if (status == 404 && call.operation.answer() == ApiOperation.Answer.DELETED && call.mayHaveReachedExtend) {
            // an earlier attempt's answer was lost after Extend deleted it: the object asked to go is gone
            finish(call, ExtendResponse.ofWebhook(call.subjectId, status, reader.requestId(answer), call.attempts));
            return;
        }
        Duration retryAfter = RetryAfter.parse(answer.header("Retry-After"), time.wallClock());
        if (status == 429 && retryAfter != null) {
            // Extend counts per organization: what one exchange was told applies to every exchange of this account,
            // but for no longer than this client would itself wait - a longer Retry-After fails this exchange at once
            // and must not freeze every other route of the account for that long
            sending.pauseFor(call.operation.method(), retryAfter, settings.maxRetryAfter());
        }
        ExtendCallFailure.Builder failure = failures.httpStatus(call, answer, error, retryAfter);
        boolean waitTooLong = retryAfter != null && retryAfter.compareTo(settings.maxRetryAfter()) > 0;
        if (!ErrorAnswer.isRetryableStatus(status) || call.attempts > settings.maxRetries() || waitTooLong) {
            // a Retry-After that long would hold the exchange hostage: the route's error handler decides
            fail(call, failure);
            return;
        }
        if (status != 429) {
            // a 5xx or 408 may have come after Extend acted on the request; a 429 is refused before any work
            call.mayHaveReachedExtend = true;
            if (!call.operation.isRepeatable()) {
                fail(call, failures.notRepeated(call, failure));
                return;
            }
        }
        later(call, retryAfter != null ? retryAfter : retryPolicy.backoff(call.attempts), () -> attempt(call), failure);
    }

    private void onNoAnswer(Call call, Throwable error) {
        CallFailures.NoAnswer noAnswer = failures.noAnswer(call, error);
        if (noAnswer.mayHaveReachedExtend()) {
            call.mayHaveReachedExtend = true;
        }
        if (!noAnswer.retryable() || call.attempts > settings.maxRetries()) {
            fail(call, noAnswer.failure());
        } else if (noAnswer.mayHaveReachedExtend() && !call.operation.isRepeatable()) {
            fail(call, failures.notRepeated(call, noAnswer.failure()));
        } else {
            later(call, retryPolicy.backoff(call.attempts), () -> attempt(call), noAnswer.failure());
        }
    }

    /* -- the ending steps (CallEnding), also taken by an operation's own step -- */

    @Override
    public void later(Call call, Duration delay, Runnable next, ExtendCallFailure.Builder ifRejected) {
        if (closed) {
            fail(call, ifRejected);
            return;
        }
        try {
            time.later(delay, next);
        } catch (RuntimeException shutDown) {
            // the component is stopping: end the call with the last failure rather than leave it pending
            fail(call, ifRejected);
        }
    }

    @Override
    public void succeed(Call call, ExtendRun run, RawResponse answer) {
        finish(call, new ExtendResponse(run, answer.status(), reader.requestId(answer), call.attempts));
    }

    @Override
    public void fail(Call call, ExtendCallFailure.Builder failure) {
        finish(call, failure.attempts(call.attempts).redact(settings.apiKey()).build());
    }

    /*
     * Every call ends in one of these two. The call leaves the pending set first: completing it runs whatever waits
     * on the future (the rest of a route, often) on this thread.
     */
    private void finish(Call call, ExtendResponse response) {
        pending.remove(call);
        call.result.complete(response);
    }

    @Override
    public void finish(Call call, Throwable failure) {
        pending.remove(call);
        call.result.completeExceptionally(failure);
    }
}
