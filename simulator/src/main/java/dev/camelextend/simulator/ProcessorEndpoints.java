// Owns: the processor-run endpoints of the simulated API: GET /{type}_runs/{id}, POST /{type}_runs/{id}/cancel (a
// PROCESSING run only, refused as a workflow-run cancel is) and GET /{type}_runs, for extract, classify, split and
// parse runs.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static dev.camelextend.simulator.ErrorReplies.error;
import static dev.camelextend.simulator.ErrorReplies.invalid;
import static dev.camelextend.simulator.ErrorReplies.json;
import static dev.camelextend.simulator.ErrorReplies.notFound;

/** Handlers called by {@link ApiRouter} once the request is authenticated and its route matched. */
final class ProcessorEndpoints {

    private final ProcessorRunStore runs;
    private final SimulatorClock clock;
    private final SimulatorSettings settings;
    private final Map<ProcessorKind, ListEndpoint<ProcessorRun>> lists = new EnumMap<>(ProcessorKind.class);

    ProcessorEndpoints(ProcessorRunStore runs, SimulatorClock clock, SimulatorSettings settings) {
        this.runs = runs;
        this.clock = clock;
        this.settings = settings;
        for (ProcessorKind k : ProcessorKind.values()) {
            lists.put(k, new ListEndpoint<>(runs.index(k), clock, SimulatorSettings.PROCESSOR_STATUSES,
                    Map.of("batchId", "batch", "sourceId", "source")));
        }
    }

    Reply get(ProcessorKind kind, String id, SimRequest req) {
        ProcessorRun run = runs.get(kind, id);
        if (run == null) {
            return notFound(kind.label(), req);
        }
        run.catchUp(clock.now());
        return json(200, run.toJson());
    }

    Reply cancel(ProcessorKind kind, String id, SimRequest req) {
        ProcessorRun run = runs.get(kind, id);
        if (run == null) {
            return notFound(kind.label(), req);
        }
        String problem = RequestChecks.checkCancelBody(req.body());
        if (problem != null) {
            return invalid(problem, req);
        }
        Instant now = clock.now();
        synchronized (run) {
            run.catchUp(now);
            if (!run.cancel(now)) {
                String status = run.status();
                String why = "PENDING".equals(status) ? "it has not started processing"
                        : "its status is " + status + " (cannot cancel terminal run)";
                return error(settings.cancelRefusalStatus, "INVALID_REQUEST", kind.label() + " " + id
                        + " cannot be cancelled: " + why + ". Only PROCESSING runs can be cancelled.", false, req);
            }
            return json(200, run.toJson());
        }
    }

    Reply list(ProcessorKind kind, SimRequest req) {
        return lists.get(kind).list(req);
    }
}
