package dev.camelextend.client;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG line of every attempt (and the TRACE body excerpt). What the server sent is logged only through
 * {@link ServerText}: key masked, one line, bounded - a transport error may quote a malformed status line or header.
 */
final class AttemptLog {

    /** Named as before the client was split, so that existing logging configuration keeps working. */
    private static final Logger LOG = LoggerFactory.getLogger(ExtendClient.class);

    private AttemptLog() {
    }

    static void log(Call call, RawResponse answer, Throwable error, long elapsedNanos, String apiKey,
                    AnswerReader reader) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        if (answer != null) {
            LOG.debug("Extend {} {} attempt={} status={} durationMs={} requestId={}", call.operation, subject(call),
                    call.attempts, answer.status(), millis, reader.requestId(answer));
            if (LOG.isTraceEnabled()) {
                LOG.trace("Extend {} {} body: {}", call.operation, subject(call),
                        ServerText.bodyExcerpt(answer.body(), ServerText.LOG_BODY_CHARS, apiKey));
            }
        } else {
            LOG.debug("Extend {} {} attempt={} failed durationMs={}: {}", call.operation, subject(call),
                    call.attempts, millis, ServerText.clean(CallFailures.describe(CallFailures.unwrap(error)),
                            ServerText.MESSAGE_CHARS, apiKey));
        }
    }

    /** {@code run=<id>} for an operation on runs, {@code of=<what>} for a webhook management call. */
    private static String subject(Call call) {
        return call.operation.isOnRuns() ? "run=" + call.runId : "of=" + call.subject;
    }
}
