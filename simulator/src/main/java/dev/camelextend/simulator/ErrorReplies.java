// Owns: the bodies the simulator answers with: JSON success bodies and Extend's flat 2026-02-09 error shape
// {"code","message","retryable","requestId"} (plus "docUrl" on request validation errors), and the extra headers of
// 405 (Allow) and 429 (Retry-After) answers.
package dev.camelextend.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.MAPPER;

/** Builds {@link Reply replies}; every error body carries the request's ID. */
final class ErrorReplies {

    static final String DOC_URL = "https://docs.extend.ai/2026-02-09/developers/error-codes";

    private ErrorReplies() {
    }

    static Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, MAPPER.writeValueAsBytes(body), Map.of(), RecordedRequest.Outcome.ANSWERED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON answer written straight to its bytes, with no tree in between (list pages). */
    static Reply json(int status, SimSupport.JsonWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
            writer.write(g);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Reply(status, bytes.toByteArray(), Map.of(), RecordedRequest.Outcome.ANSWERED);
    }

    static Reply error(int status, String code, String message, boolean retryable, SimRequest req) {
        return errorBody(status, code, message, retryable, req, null);
    }

    /** 400 {@code INVALID_REQUEST} with {@code docUrl}: a request that fails validation. */
    static Reply invalid(String message, SimRequest req) {
        return errorBody(400, "INVALID_REQUEST", message, false, req, DOC_URL);
    }

    static Reply runNotFound(SimRequest req) {
        return notFound("Workflow run", req);
    }

    /** 404 {@code NOT_FOUND} "{what} not found", e.g. "Extract run not found". */
    static Reply notFound(String what, SimRequest req) {
        return error(404, "NOT_FOUND", what + " not found", false, req);
    }

    static Reply noSuchEndpoint(SimRequest req) {
        return error(404, "NOT_FOUND", "No such endpoint: " + req.method() + " " + req.rawPath(), false, req);
    }

    static Reply notAllowed(SimRequest req, String allow) {
        return error(405, "INVALID_REQUEST", "Method " + req.method() + " is not allowed on " + req.rawPath(), false,
                req).withHeaders(Map.of("Allow", allow));
    }

    static Reply rateLimited(long retryAfterSeconds, SimRequest req) {
        return error(429, "RATE_LIMIT_EXCEEDED", "Too many requests. Back off and retry.", true, req)
                .withHeaders(Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** The injected 5xx of {@link SimulatorFaults#serverErrorRate(double)}. */
    static Reply serverError(int status, SimRequest req) {
        return error(status, "INTERNAL_ERROR", "An unexpected error occurred", true, req)
                .with(RecordedRequest.Outcome.SERVER_ERROR);
    }

    private static Reply errorBody(int status, String code, String message, boolean retryable, SimRequest req,
            String docUrl) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        n.put("retryable", retryable);
        n.put("requestId", req.requestId());
        if (docUrl != null) {
            n.put("docUrl", docUrl);
        }
        return json(status, n);
    }
}
