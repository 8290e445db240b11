// Owns: what a request gets before and around the simulated API: the queue of one-shot scripted answers
// (respondNext, resetNext, neverAnswerNext), then the random faults of SimulatorFaults (never answer, reset, 5xx,
// malformed body), in the documented order.
package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** Decides the {@link Reply} of every request; latency is drawn separately by the server. */
final class ScriptedFaults {

    private final Queue<Reply> scripted = new ConcurrentLinkedQueue<>();
    private final SimulatorFaults faults;
    private final Function<SimRequest, Reply> api;

    ScriptedFaults(SimulatorFaults faults, Function<SimRequest, Reply> api) {
        this.faults = faults;
        this.api = api;
    }

    void respondNext(int status, String body, Map<String, String> headers) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        scripted.add(new Reply(status, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                headers == null ? Map.of() : Map.copyOf(headers), RecordedRequest.Outcome.SCRIPTED));
    }

    void resetNext() {
        scripted.add(Reply.NO_ANSWER_RESET);
    }

    void neverAnswerNext() {
        scripted.add(Reply.NO_ANSWER_HOLD);
    }

    /** Drops every queued answer. */
    void clear() {
        scripted.clear();
    }

    Reply decide(SimRequest req) {
        Reply script = scripted.poll();
        if (script != null) {
            return script;
        }
        SimulatorFaults.ConnectionFault fault = faults.drawConnectionFault();
        Reply answer = null;
        if (fault == SimulatorFaults.ConnectionFault.NONE || faults.processBeforeFault()) {
            answer = api.apply(req);
        }
        switch (fault) {
            case NEVER_ANSWER:
                return Reply.NO_ANSWER_HOLD;
            case RESET:
                return Reply.NO_ANSWER_RESET;
            case SERVER_ERROR:
                return ErrorReplies.serverError(faults.serverErrorStatus(), req);
            default:
                if (answer.is2xx() && answer.body().length > 0 && faults.drawMalformed()) {
                    byte[] cut = Arrays.copyOf(answer.body(), Math.max(1, answer.body().length / 2));
                    return new Reply(answer.status(), cut, answer.headers(), RecordedRequest.Outcome.MALFORMED_BODY);
                }
                return answer;
        }
    }
}
