package dev.camelextend.client;

import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunPage;

/**
 * A successful call: the run (or, for a listing, the page; for a webhook management call, the webhook object) Extend
 * returned, plus what a route may want to know about how it was obtained.
 *
 * @param run        the run as Extend returned it; null for a listing and a webhook management call
 * @param page       the page of a listing; null otherwise
 * @param statusCode the HTTP status of the answer that carried it
 * @param requestId  Extend's {@code x-extend-request-id} of that answer, or null
 * @param attempts   how many requests the operation took (1 when no retry was needed)
 * @param webhook    what a webhook management call answered: a {@code WebhookEndpoint}, a {@code WebhookSubscription},
 *                   a {@code WebhookPage} of either, or the deleted object's ID; null for the operations on runs
 */
public record ExtendResponse(ExtendRun run, RunPage<? extends ExtendRun> page, int statusCode, String requestId,
                             int attempts, Object webhook) {

    /** The answer of an operation on one run. */
    public ExtendResponse(ExtendRun run, int statusCode, String requestId, int attempts) {
        this(run, null, statusCode, requestId, attempts, null);
    }

    /** The answer of an operation on runs: one run, or a page. */
    public ExtendResponse(ExtendRun run, RunPage<? extends ExtendRun> page, int statusCode, String requestId,
                          int attempts) {
        this(run, page, statusCode, requestId, attempts, null);
    }

    /** The answer of a webhook management call. */
    static ExtendResponse ofWebhook(Object webhook, int statusCode, String requestId, int attempts) {
        return new ExtendResponse(null, null, statusCode, requestId, attempts, webhook);
    }

    /** The same answer, counting {@code attempts} requests in all (a wait adds its polls to the cancel's). */
    ExtendResponse withAttempts(int attempts) {
        return new ExtendResponse(run, page, statusCode, requestId, attempts, webhook);
    }
}
