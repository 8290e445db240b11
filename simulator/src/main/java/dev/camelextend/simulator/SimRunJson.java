// Owns: the 2026-02-09 JSON of a run: the full WorkflowRun (GET, cancel, update, create answers) and the
// WorkflowRunSummary of list answers, with their workflow, version, step runs and usage objects.
package dev.camelextend.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@link SimRun}; called by the run's synchronized methods, so the run's lock is held. */
final class SimRunJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SimRunJson() {
    }

    /** The full {@code WorkflowRun}: every field present, nulls explicit. */
    static ObjectNode full(SimRun r) {
        ObjectNode n = JSON.objectNode();
        n.put("object", "workflow_run");
        n.put("id", r.id);
        n.set("workflow", workflowJson(r));
        n.set("workflowVersion", versionJson(r));
        n.put("dashboardUrl", dashboardUrl(r));
        n.put("status", r.status);
        n.set("metadata", r.metadata.deepCopy());
        n.put("batchId", r.batchId);
        n.set("files", r.files.deepCopy());
        n.put("failureReason", r.failureReason);
        n.put("failureMessage", r.failureMessage);
        putTime(n, "initialRunAt", r.initialRunAt);
        n.put("reviewedByUser", r.reviewedByUser);
        n.put("reviewed", r.reviewed);
        n.put("rejectionNote", r.rejectionNote);
        putTime(n, "reviewedAt", r.reviewedAt);
        putTime(n, "startTime", r.startTime);
        putTime(n, "endTime", r.endTime);
        n.set("stepRuns", stepRunsJson(r));
        n.set("usage", usageJson(r, true));
        return n;
    }

    /** The {@code WorkflowRunSummary} of list responses. */
    static ObjectNode summary(SimRun r) {
        ObjectNode n = JSON.objectNode();
        n.put("object", "workflow_run");
        n.put("id", r.id);
        n.put("status", r.status);
        n.set("workflow", workflowJson(r));
        n.set("workflowVersion", versionJson(r));
        n.put("dashboardUrl", dashboardUrl(r));
        n.put("reviewedByUser", r.reviewedByUser);
        putTime(n, "reviewedAt", r.reviewedAt);
        putTime(n, "initialRunAt", r.initialRunAt);
        putTime(n, "startTime", r.startTime);
        putTime(n, "endTime", r.endTime);
        n.put("batchId", r.batchId);
        n.put("rejectionNote", r.rejectionNote);
        n.set("files", r.files.deepCopy());
        putTime(n, "createdAt", r.createdAt);
        putTime(n, "updatedAt", r.updatedAt);
        n.set("usage", usageJson(r, false));
        return n;
    }

    private static String dashboardUrl(SimRun r) {
        return "https://dashboard.extend.ai/workflows/" + r.id;
    }

    private static ObjectNode workflowJson(SimRun r) {
        ObjectNode w = JSON.objectNode();
        w.put("object", "workflow");
        w.put("id", r.workflowId);
        w.put("name", r.workflowName);
        putTime(w, "createdAt", SimRun.WORKFLOW_CREATED_AT);
        putTime(w, "updatedAt", SimRun.WORKFLOW_CREATED_AT);
        ObjectNode by = w.putObject("createdBy");
        by.put("type", "api_key");
        by.put("name", "extend-simulator");
        return w;
    }

    private static ObjectNode versionJson(SimRun r) {
        ObjectNode v = JSON.objectNode();
        v.put("object", "workflow_version");
        v.put("id", r.versionId);
        v.put("version", r.version);
        v.put("name", r.versionName);
        putTime(v, "createdAt", SimRun.WORKFLOW_CREATED_AT);
        v.putNull("createdBy");
        return v;
    }

    /** parse and extract step states for the current run status; null entries are left out */
    private static String[] stepStatuses(SimRun r) {
        String during = r.cancelledDuring;
        return switch (r.status) {
            case "PENDING" -> new String[0];
            case "PROCESSING" -> new String[] { "PROCESSING", "WAITING" };
            case "CANCELLING" -> "PENDING".equals(during) ? new String[0] : new String[] { "PROCESSED", "PROCESSING" };
            case "CANCELLED" -> "PENDING".equals(during) ? new String[0] : new String[] { "PROCESSED", "CANCELLED" };
            case "FAILED" -> new String[] { "PROCESSED", "FAILED" };
            default -> new String[] { "PROCESSED", "PROCESSED" };
        };
    }

    private static ArrayNode stepRunsJson(SimRun r) {
        String[] states = stepStatuses(r);
        ArrayNode a = JSON.arrayNode();
        for (int i = 0; i < states.length; i++) {
            boolean parse = i == 0;
            ObjectNode s = a.addObject();
            s.put("object", "workflow_step_run");
            s.put("id", r.stepIds[i]);
            s.put("workflowRunId", r.id);
            s.put("status", states[i]);
            s.put("stepType", parse ? "PARSE" : "EXTRACT");
            s.putArray("files");
            ObjectNode step = s.putObject("step");
            step.put("object", "workflow_step");
            step.put("id", r.stepIds[4 + i]);
            step.put("name", parse ? "Parse document" : "Extract fields");
            step.put("type", parse ? "PARSE" : "EXTRACT");
            if ("PROCESSED".equals(states[i])) {
                ObjectNode run = s.putObject("result").putObject(parse ? "parseRun" : "extractRun");
                run.put("object", parse ? "parse_run" : "extract_run");
                run.put("id", r.stepIds[2 + i]);
            } else {
                s.putNull("result");
            }
        }
        return a;
    }

    private static ObjectNode usageJson(SimRun r, boolean withBreakdown) {
        if ("PENDING".equals(r.status) || "PROCESSING".equals(r.status) || "CANCELLING".equals(r.status)) {
            return null;
        }
        String[] states = stepStatuses(r);
        double credits = 0;
        ArrayNode breakdown = JSON.arrayNode();
        for (int i = 0; i < states.length; i++) {
            if ("PROCESSED".equals(states[i])) {
                double c = i == 0 ? 1.5 : 2.0;
                credits += c;
                ObjectNode e = breakdown.addObject();
                e.put("object", i == 0 ? "parse_run" : "extract_run");
                e.put("id", r.stepIds[2 + i]);
                e.put("credits", c);
            }
        }
        ObjectNode u = JSON.objectNode();
        u.put("credits", credits);
        u.put("totalCredits", credits);
        if (withBreakdown) {
            u.set("breakdown", breakdown);
        }
        return u;
    }

    private static void putTime(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, t.toString());
        }
    }
}
