package dev.camelextend.client;

import dev.camelextend.model.WorkflowRun;

/**
 * A successful call: the run Extend returned, plus what a route may want to know about how it was obtained.
 *
 * @param run        the run as Extend returned it
 * @param statusCode the HTTP status of the answer that carried the run
 * @param requestId  Extend's {@code x-extend-request-id} of that answer, or null
 * @param attempts   how many requests the operation took (1 when no retry was needed)
 */
public record ExtendResponse(WorkflowRun run, int statusCode, String requestId, int attempts) {
}
