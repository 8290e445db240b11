package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the simulator received it, and what it did with it. Immutable.
 * <p>
 * {@link #headers()} holds the real values, {@code Authorization} included, so tests can assert what a client sent;
 * {@link #toString()} masks the {@code Authorization} header and the simulator never logs it.
 *
 * @param sequence       1-based arrival number (counts every request, also those dropped from the capped journal)
 * @param receivedAt     wall-clock time the request was read
 * @param method         HTTP method, e.g. {@code POST}
 * @param rawPath        the path as sent, still percent-encoded, without the query (e.g. {@code /workflow_runs/a%2Fb})
 * @param path           the decoded path (e.g. {@code /workflow_runs/a/b})
 * @param rawQuery       the query string as sent, or null
 * @param headers        request headers, names lower-cased
 * @param body           the request body bytes (empty array when none)
 * @param responseStatus the HTTP status decided for the answer, or 0 when no HTTP answer was (or will be) sent
 * @param requestId      the {@code req_...} id put in the {@code x-extend-request-id} header and in error bodies
 * @param outcome        what the simulator did
 */
public record RecordedRequest(long sequence, Instant receivedAt, String method, String rawPath, String path,
        String rawQuery, Map<String, List<String>> headers, byte[] body, int responseStatus, String requestId,
        Outcome outcome) {

    /** What the simulator did with a request. */
    public enum Outcome {
        /** answered by the simulated API (success or a regular API error such as 401, 404, 429) */
        ANSWERED,
        /** answered with a one-shot scripted response ({@link ExtendSimulator#respondNext}) */
        SCRIPTED,
        /** answered with an injected 5xx ({@link SimulatorFaults#serverErrorRate(double)}) */
        SERVER_ERROR,
        /** answered with a 2xx status and a malformed body ({@link SimulatorFaults#malformedBodyRate(double)}) */
        MALFORMED_BODY,
        /** connection closed after the request was read, no HTTP answer */
        CONNECTION_RESET,
        /** accepted and held open without an answer until the simulator is reset or closed */
        NEVER_ANSWERED
    }

    public RecordedRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a request header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code method + " " + rawPath} plus {@code "?" + rawQuery} when present, e.g. {@code GET /workflow_runs?status=PENDING}. */
    public String requestLine() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RecordedRequest[#").append(sequence).append(' ').append(requestLine())
                .append(" -> ").append(responseStatus).append(' ').append(outcome).append(", requestId=")
                .append(requestId).append(", headers={");
        headers.forEach((k, v) -> sb.append(k).append('=')
                .append("authorization".equals(k) ? "***" : String.join(",", v)).append(", "));
        return sb.append("}, body=").append(body.length).append(" bytes]").toString();
    }
}
