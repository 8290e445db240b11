package dev.camelextend.client;

import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunPage;

/**
 * A successful call: the run (or, for a listing, the page) Extend returned, plus what a route may want to know about
 * how it was obtained.
 *
 * @param run        the run as Extend returned it; null for a listing
 * @param page       the page of a listing; null for an operation on one run
 * @param statusCode the HTTP status of the answer that carried it
 * @param requestId  Extend's {@code x-extend-request-id} of that answer, or null
 * @param attempts   how many requests the operation took (1 when no retry was needed)
 */
public record ExtendResponse(ExtendRun run, RunPage<? extends ExtendRun> page, int statusCode, String requestId,
                             int attempts) {

    /** The answer of an operation on one run. */
    public ExtendResponse(ExtendRun run, int statusCode, String requestId, int attempts) {
        this(run, null, statusCode, requestId, attempts);
    }

    /** The same answer, counting {@code attempts} requests in all (a wait adds its polls to the cancel's). */
    ExtendResponse withAttempts(int attempts) {
        return new ExtendResponse(run, page, statusCode, requestId, attempts);
    }
}
