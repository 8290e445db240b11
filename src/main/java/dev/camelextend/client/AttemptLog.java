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
            LOG.debug("Extend {} run={} attempt={} status={} durationMs={} requestId={}", call.operation, call.runId,
                    call.attempts, answer.status(), millis, reader.requestId(answer));
            if (LOG.isTraceEnabled()) {
                LOG.trace("Extend {} run={} body: {}", call.operation, call.runId,
                        ServerText.bodyExcerpt(answer.body(), ServerText.LOG_BODY_CHARS, apiKey));
            }
        } else {
            LOG.debug("Extend {} run={} attempt={} failed durationMs={}: {}", call.operation, call.runId,
                    call.attempts, millis, ServerText.clean(CallFailures.describe(CallFailures.unwrap(error)),
                            ServerText.MESSAGE_CHARS, apiKey));
        }
    }
}
