package dev.camelextend.client;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.camelextend.client.ExtendCallFailure.Kind;
import dev.camelextend.model.ExtendRun;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * What each way a call can go wrong is called, and what its failure says: the kind, the message, whether another
 * attempt could help. Pure functions of the call and what came back; {@link CallExecution} decides what happens next.
 * Every text quoted from the server goes through {@link AnswerReader} or {@link ServerText} first.
 */
final class CallFailures {

    private final AnswerReader reader;
    private final String apiKey;

    CallFailures(AnswerReader reader, String apiKey) {
        this.reader = reader;
        this.apiKey = apiKey;
    }

    /** A non-2xx answer as it stands. */
    ExtendCallFailure.Builder httpStatus(Call call, RawResponse answer, ApiError error, Duration retryAfter) {
        String requestId = answer.requestId() != null ? reader.requestId(answer) : error.requestId();
        return call.failure(Kind.HTTP_STATUS)
                .message(call.describe() + ": HTTP " + answer.status() + codeAndMessage(error)
                         + (requestId != null ? " (requestId " + requestId + ")" : "")
                         + (retryAfter != null ? " (Retry-After " + retryAfter.toSeconds() + "s)" : ""))
                .answer(answer, error)
                .retryAfter(retryAfter);
    }

    /**
     * The failure of an attempt that may have reached Extend, of an operation that is not sent twice
     * ({@link ApiOperation#isRepeatable()}): whether Extend acted on it is unknown.
     */
    ExtendCallFailure.Builder notRepeated(Call call, ExtendCallFailure.Builder failure) {
        return failure.addToMessage(". Not sent again: Extend may have acted on it, and a second " + call.operation
                                    + " would act again; list before asking again");
    }

    /** A refused cancel that a GET showed to be final: the run is {@code now}. */
    ExtendCallFailure.Builder cancelNotAllowed(Call call, RawResponse refusal, ApiError error,
                                               ExtendRun now) {
        return call.failure(Kind.CANCEL_NOT_ALLOWED)
                .message("Extend refused to cancel " + call.kind + " run " + call.runId + ": it is "
                         + reader.printable(now.getRawStatus()) + ", and only "
                         + String.join(" or ", call.kind.cancellableStatuses()) + " runs can be cancelled (HTTP "
                         + refusal.status()
                         + codeAndMessage(error) + ")")
                .answer(refusal, error)
                .currentRun(now);
    }

    /** A 2xx whose body is not the run asked for. */
    ExtendCallFailure.Builder wrongAnswer(Call call, RawResponse answer, String why) {
        return call.failure(Kind.INVALID_RESPONSE)
                .message(call.describe() + ": Extend answered HTTP " + answer.status() + " but " + why)
                .answer(answer, null);
    }

    /**
     * A 2xx that does not parse. The parse error is described, never kept as the cause: Jackson's message quotes the
     * body (whatever a gateway put there), and error handlers log causes.
     */
    ExtendCallFailure.Builder unreadable(Call call, RawResponse answer, Exception invalid) {
        return call.failure(Kind.INVALID_RESPONSE)
                .message(call.describe() + ": Extend answered HTTP " + answer.status()
                         + " but the body is not " + call.expects() + " (" + AnswerReader.describeParseError(invalid)
                         + "). Body starts: " + reader.quote(answer))
                .answer(answer, null);
    }

    /**
     * The client asks for no compression, so an encoded body is not one it can read - and inflating a stranger's
     * gzip is how a few KB become many MB.
     */
    ExtendCallFailure.Builder encoded(Call call, RawResponse answer) {
        return call.failure(Kind.INVALID_RESPONSE)
                .message(call.describe() + ": Extend answered HTTP " + answer.status() + " with Content-Encoding '"
                         + reader.printable(answer.header("Content-Encoding")) + "', which this client did not ask for"
                         + " and does not decode")
                .answer(answer, null);
    }

    /** The client was closed (the component is stopping) before the call ended. */
    ExtendCallFailure.Builder closed(Call call) {
        return call.failure(Kind.CONNECTION)
                .message(call.describe() + ": the Extend client was closed (the component is stopping) before the call"
                         + " completed");
    }

    /** Why no answer came, classified: whether to retry, and whether the request may have reached Extend. */
    NoAnswer noAnswer(Call call, Throwable error) {
        if (error instanceof Pacing.RateLimitWaitException noSlot) {
            // nothing was sent; waiting longer than the call's own budget is for the route's error handler to decide
            return new NoAnswer(call.failure(Kind.RATE_LIMITED).message(call.describe() + ": " + noSlot.getMessage())
                    .retryAfter(noSlot.pause()), false, false);
        }
        if (error instanceof BoundedBytesConsumer.ResponseTooLargeException) {
            // an answer came, it is just not one we accept: asking again will not shrink it
            return new NoAnswer(call.failure(Kind.INVALID_RESPONSE)
                    .message(call.describe() + ": " + error.getMessage() + " (raise maxResponseSize if this is expected)")
                    .cause(ServerText.safeCause(error, apiKey)), false, false);
        }
        boolean timeout = error instanceof TimeoutException || error instanceof InterruptedIOException;
        String what = timeout ? "no answer within the timeout"
                : error instanceof ResponseBudget.BudgetExceededException ? "the answer could not be held"
                : "connection failed";
        ExtendCallFailure.Builder failure = call.failure(timeout ? Kind.TIMEOUT : Kind.CONNECTION)
                .message(call.describe() + ": " + what + " (" + describe(error) + ")")
                .cause(ServerText.safeCause(error, apiKey));
        boolean neverSent = error instanceof ConnectException || error instanceof ConnectTimeoutException;
        // a TLS failure will fail the same way again
        return new NoAnswer(failure, !(error instanceof SSLException), !neverSent);
    }

    /**
     * @param failure              the failure if no attempt follows
     * @param retryable            whether another attempt could get an answer
     * @param mayHaveReachedExtend whether the request may have been written before the answer was lost
     */
    record NoAnswer(ExtendCallFailure.Builder failure, boolean retryable, boolean mayHaveReachedExtend) {
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    private static String codeAndMessage(ApiError error) {
        StringBuilder sb = new StringBuilder();
        if (error.code() != null) {
            sb.append(' ').append(error.code());
        }
        if (error.message() != null) {
            sb.append(": ").append(error.message());
        }
        return sb.toString();
    }
}
