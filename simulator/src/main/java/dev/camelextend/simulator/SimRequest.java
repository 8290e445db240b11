// Owns: one HTTP request as the router sees it (method, raw path and query, lower-cased headers, body) and the
// request ID the simulator gave it.
package dev.camelextend.simulator;

import java.util.List;
import java.util.Map;

/** A request read from the wire, with the {@code req_...} ID its answer and journal entry carry. */
record SimRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
        String requestId) {

    /** The first value of a header; {@code name} is lower case. */
    String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
