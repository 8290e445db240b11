// Owns: the answer decided for a request (status, body, extra headers, and what the simulator did), including the
// two "no HTTP answer" replies: a connection reset and a never-answered request.
package dev.camelextend.simulator;

import java.util.Map;

/** What the server sends back; {@code status} 0 for the two replies without an HTTP answer. */
record Reply(int status, byte[] body, Map<String, String> headers, RecordedRequest.Outcome outcome) {

    static final Reply NO_ANSWER_RESET = new Reply(0, new byte[0], Map.of(), RecordedRequest.Outcome.CONNECTION_RESET);
    static final Reply NO_ANSWER_HOLD = new Reply(0, new byte[0], Map.of(), RecordedRequest.Outcome.NEVER_ANSWERED);

    boolean is2xx() {
        return status >= 200 && status < 300;
    }

    Reply with(RecordedRequest.Outcome o) {
        return new Reply(status, body, headers, o);
    }

    /** The same reply with these headers instead of its own. */
    Reply withHeaders(Map<String, String> h) {
        return new Reply(status, body, h, outcome);
    }
}
