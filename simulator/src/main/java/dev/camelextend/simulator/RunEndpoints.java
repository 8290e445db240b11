// Owns: the single-run endpoints of the simulated API: create (POST /workflow_runs), batch create, get, update
// (metadata merge), delete and cancel (won, or lost to the run's own outcome), with Extend's answers and refusals.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.ErrorReplies.error;
import static dev.camelextend.simulator.ErrorReplies.invalid;
import static dev.camelextend.simulator.ErrorReplies.json;
import static dev.camelextend.simulator.ErrorReplies.runNotFound;
import static dev.camelextend.simulator.SimSupport.MAPPER;
import static dev.camelextend.simulator.SimSupport.parse;
import static dev.camelextend.simulator.SimSupport.textOrNull;

/** Handlers called by {@link ApiRouter} once the request is authenticated and its route matched. */
final class RunEndpoints {

    private final RunStore runs;
    private final SimulatorClock clock;
    private final SimulatorSettings settings;
    private final SimulatorFaults faults;

    RunEndpoints(RunStore runs, SimulatorClock clock, SimulatorSettings settings, SimulatorFaults faults) {
        this.runs = runs;
        this.clock = clock;
        this.settings = settings;
        this.faults = faults;
    }

    Reply get(String id, SimRequest req) {
        SimRun run = runs.get(id);
        if (run == null) {
            return runNotFound(req);
        }
        run.catchUp(clock.now());
        return json(200, run.toJson());
    }

    Reply cancel(String id, SimRequest req) {
        SimRun run = runs.get(id);
        if (run == null) {
            return runNotFound(req);
        }
        String problem = RequestChecks.checkCancelBody(req.body());
        if (problem != null) {
            return invalid(problem, req);
        }
        Instant now = clock.now();
        synchronized (run) {
            run.catchUp(now);
            String losesTo = run.isCancellable() && faults.cancelLosesRace(id) ? run.plannedOutcome() : null;
            if (!run.cancel(now, settings.cancelDelay, losesTo)) {
                String status = run.status();
                String why = "CANCELLING".equals(status) ? "it is already being cancelled"
                        : "its status is " + status + " (cannot cancel terminal run)";
                return error(settings.cancelRefusalStatus, "INVALID_REQUEST", "Workflow run " + id
                        + " cannot be cancelled: " + why + ". Only PENDING or PROCESSING runs can be cancelled.",
                        false, req);
            }
            return json(200, run.toJson());
        }
    }

    Reply update(String id, SimRequest req) {
        SimRun run = runs.get(id);
        if (run == null) {
            return runNotFound(req);
        }
        JsonNode body = req.body().length == 0 ? MAPPER.createObjectNode() : parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        JsonNode md = body.get("metadata");
        if (md != null && !md.isNull() && !md.isObject()) {
            return invalid("metadata must be an object; Path: metadata", req);
        }
        Instant now = clock.now();
        run.catchUp(now);
        if (md != null && md.isObject()) {
            run.mergeMetadata((ObjectNode) md, now);
        }
        return json(200, run.toJson());
    }

    Reply delete(String id, SimRequest req) {
        if (!runs.remove(id)) {
            return runNotFound(req);
        }
        return json(200, MAPPER.createObjectNode().put("id", id));
    }

    Reply create(SimRequest req) {
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = RequestChecks.checkCreate(body);
        if (problem != null) {
            return invalid(problem, req);
        }
        Instant now = clock.now();
        ObjectNode md = metadataOf(body);
        List<SimFile> files = new ArrayList<>();
        JsonNode file = body.get("file");
        if (file != null && !file.isNull()) {
            files.add(runs.file(file, now));
        } else {
            body.get("package").get("files").forEach(f -> files.add(runs.file(f, now)));
        }
        JsonNode wf = body.get("workflow");
        SimRun run = runs.createPlanned(wf.get("id").asText(), textOrNull(wf.get("version")), null, now, md, files);
        return json(200, run.toJson());
    }

    Reply createBatch(SimRequest req) {
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = RequestChecks.checkBatch(body);
        if (problem != null) {
            return invalid(problem, req);
        }
        Instant now = clock.now();
        String batchId = runs.newBatchId();
        JsonNode wf = body.get("workflow");
        for (JsonNode in : body.get("inputs")) {
            ObjectNode md = metadataOf(in);
            List<SimFile> files = List.of(runs.file(in.get("file"), now));
            runs.createPlanned(wf.get("id").asText(), textOrNull(wf.get("version")), batchId, now, md, files);
        }
        return json(200, MAPPER.createObjectNode().put("batchId", batchId));
    }

    /** A copy of the object's {@code metadata}, or an empty object. */
    private static ObjectNode metadataOf(JsonNode n) {
        return n.has("metadata") && n.get("metadata").isObject() ? (ObjectNode) n.get("metadata").deepCopy()
                : MAPPER.createObjectNode();
    }
}
