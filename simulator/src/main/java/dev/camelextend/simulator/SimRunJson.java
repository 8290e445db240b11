// Owns: the 2026-02-09 JSON of a workflow run: the full WorkflowRun (GET, cancel, update, create answers) and the
// WorkflowRunSummary of list answers, with their workflow, version, step runs and usage objects.
package dev.camelextend.simulator;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.putTime;

/**
 * Renders a {@link SimRun} by writing to a {@link JsonGenerator}: a list page writes its summaries straight into the
 * answer, with no JSON tree per run (building and walking the trees was most of the cost of a page of 1000). Called by
 * the run's synchronized methods, so the run's lock is held.
 */
final class SimRunJson {

    private static final String WORKFLOW_CREATED_AT = SimRun.WORKFLOW_CREATED_AT.toString();

    private SimRunJson() {
    }

    /** The full {@code WorkflowRun} as a tree: every field present, nulls explicit. */
    static ObjectNode full(SimRun r) {
        return SimSupport.tree(g -> writeFull(r, g));
    }

    static void writeFull(SimRun r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", "workflow_run");
        g.writeStringField("id", r.id);
        writeWorkflow(r, g);
        writeVersion(r, g);
        g.writeStringField("dashboardUrl", dashboardUrl(r));
        g.writeStringField("status", r.status);
        g.writeFieldName("metadata");
        g.writeTree(r.metadata);
        g.writeStringField("batchId", r.batchId);
        writeFiles(r, g);
        g.writeStringField("failureReason", r.failureReason);
        g.writeStringField("failureMessage", r.failureMessage);
        putTime(g, "initialRunAt", r.initialRunAt);
        g.writeStringField("reviewedByUser", r.reviewedByUser);
        g.writeBooleanField("reviewed", r.reviewed);
        g.writeStringField("rejectionNote", r.rejectionNote);
        putTime(g, "reviewedAt", r.reviewedAt);
        putTime(g, "startTime", r.startTime);
        putTime(g, "endTime", r.endTime);
        writeStepRuns(r, g);
        writeUsage(r, g, true);
        g.writeEndObject();
    }

    /** The {@code WorkflowRunSummary} of list responses. */
    static void writeSummary(SimRun r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", "workflow_run");
        g.writeStringField("id", r.id);
        g.writeStringField("status", r.status);
        writeWorkflow(r, g);
        writeVersion(r, g);
        g.writeStringField("dashboardUrl", dashboardUrl(r));
        g.writeStringField("reviewedByUser", r.reviewedByUser);
        putTime(g, "reviewedAt", r.reviewedAt);
        putTime(g, "initialRunAt", r.initialRunAt);
        putTime(g, "startTime", r.startTime);
        putTime(g, "endTime", r.endTime);
        g.writeStringField("batchId", r.batchId);
        g.writeStringField("rejectionNote", r.rejectionNote);
        writeFiles(r, g);
        putTime(g, "createdAt", r.createdAt);
        putTime(g, "updatedAt", r.updatedAt);
        writeUsage(r, g, false);
        g.writeEndObject();
    }

    private static void writeFiles(SimRun r, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("files");
        for (SimFile f : r.files) {
            f.write(g);
        }
        g.writeEndArray();
    }

    private static String dashboardUrl(SimRun r) {
        return "https://dashboard.extend.ai/workflows/" + r.id;
    }

    private static void writeWorkflow(SimRun r, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("workflow");
        g.writeStringField("object", "workflow");
        g.writeStringField("id", r.workflowId);
        g.writeStringField("name", r.workflowName);
        g.writeStringField("createdAt", WORKFLOW_CREATED_AT);
        g.writeStringField("updatedAt", WORKFLOW_CREATED_AT);
        g.writeObjectFieldStart("createdBy");
        g.writeStringField("type", "api_key");
        g.writeStringField("name", "extend-simulator");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeVersion(SimRun r, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("workflowVersion");
        g.writeStringField("object", "workflow_version");
        g.writeStringField("id", r.versionId);
        g.writeStringField("version", r.version);
        g.writeStringField("name", r.versionName);
        g.writeStringField("createdAt", WORKFLOW_CREATED_AT);
        g.writeNullField("createdBy");
        g.writeEndObject();
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

    private static void writeStepRuns(SimRun r, JsonGenerator g) throws IOException {
        String[] states = stepStatuses(r);
        g.writeArrayFieldStart("stepRuns");
        for (int i = 0; i < states.length; i++) {
            boolean parse = i == 0;
            g.writeStartObject();
            g.writeStringField("object", "workflow_step_run");
            g.writeStringField("id", r.stepIds[i]);
            g.writeStringField("workflowRunId", r.id);
            g.writeStringField("status", states[i]);
            g.writeStringField("stepType", parse ? "PARSE" : "EXTRACT");
            g.writeArrayFieldStart("files");
            g.writeEndArray();
            g.writeObjectFieldStart("step");
            g.writeStringField("object", "workflow_step");
            g.writeStringField("id", r.stepIds[4 + i]);
            g.writeStringField("name", parse ? "Parse document" : "Extract fields");
            g.writeStringField("type", parse ? "PARSE" : "EXTRACT");
            g.writeEndObject();
            if ("PROCESSED".equals(states[i])) {
                g.writeObjectFieldStart("result");
                g.writeObjectFieldStart(parse ? "parseRun" : "extractRun");
                g.writeStringField("object", parse ? "parse_run" : "extract_run");
                g.writeStringField("id", r.stepIds[2 + i]);
                g.writeEndObject();
                g.writeEndObject();
            } else {
                g.writeNullField("result");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeUsage(SimRun r, JsonGenerator g, boolean withBreakdown) throws IOException {
        if ("PENDING".equals(r.status) || "PROCESSING".equals(r.status) || "CANCELLING".equals(r.status)) {
            g.writeNullField("usage");
            return;
        }
        String[] states = stepStatuses(r);
        double credits = 0;
        for (int i = 0; i < states.length; i++) {
            if ("PROCESSED".equals(states[i])) {
                credits += credits(i);
            }
        }
        g.writeObjectFieldStart("usage");
        g.writeNumberField("credits", credits);
        g.writeNumberField("totalCredits", credits);
        if (withBreakdown) {
            g.writeArrayFieldStart("breakdown");
            for (int i = 0; i < states.length; i++) {
                if ("PROCESSED".equals(states[i])) {
                    g.writeStartObject();
                    g.writeStringField("object", i == 0 ? "parse_run" : "extract_run");
                    g.writeStringField("id", r.stepIds[2 + i]);
                    g.writeNumberField("credits", credits(i));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** credits of the parse (0) and extract (1) steps */
    private static double credits(int step) {
        return step == 0 ? 1.5 : 2.0;
    }
}
