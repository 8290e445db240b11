package dev.camelextend.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One simulated workflow run: its state, its planned lifecycle, and its 2026-02-09 JSON rendering. Package-private;
 * every method is synchronized, callers catch the run up with the clock before reading it.
 */
final class SimRun {

    static final Instant WORKFLOW_CREATED_AT = Instant.parse("2024-03-21T16:45:00Z");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final String id;
    final String workflowId;
    final String workflowName;
    final String versionId;
    final String version;
    final String versionName;
    final String batchId;
    final Instant createdAt;
    private final ObjectNode metadata;
    private final ArrayNode files;
    private final String[] stepIds; // parse step run, extract step run, parse run, extract run, parse step, extract step
    /** false for seeded runs: they keep their status until cancelled */
    private final boolean lifecycle;

    private String status;
    private Instant updatedAt;
    private Instant initialRunAt;
    private Instant startTime;
    private Instant endTime;
    private Instant processingAt;
    private Instant finishAt;
    private Instant cancelDoneAt;
    private String outcome;
    private String cancelledDuring;
    private boolean reviewed;
    private String reviewedByUser;
    private Instant reviewedAt;
    private String rejectionNote;
    private String failureReason;
    private String failureMessage;

    SimRun(String id, String workflowId, String workflowName, String versionId, String version, String versionName,
           String batchId, Instant createdAt, ObjectNode metadata, ArrayNode files, String[] stepIds, boolean lifecycle) {
        this.id = id;
        this.workflowId = workflowId;
        this.workflowName = workflowName;
        this.versionId = versionId;
        this.version = version;
        this.versionName = versionName;
        this.batchId = batchId;
        this.createdAt = createdAt;
        this.metadata = metadata;
        this.files = files;
        this.stepIds = stepIds;
        this.lifecycle = lifecycle;
        this.updatedAt = createdAt;
    }

    /** Starts the lifecycle of a created run: PENDING for {@code pending}, PROCESSING for {@code processing}. */
    synchronized void plan(Duration pending, Duration processing, String finalStatus) {
        outcome = finalStatus;
        processingAt = createdAt.plus(pending);
        finishAt = processingAt.plus(processing);
        status = "PENDING";
        catchUp(createdAt);
    }

    /** Puts a seeded run straight into {@code seedStatus}, with plausible timestamps before {@code now}. */
    synchronized void seed(String seedStatus, Instant now) {
        Instant started = createdAt.plusSeconds(2);
        Instant ended = createdAt.plusSeconds(180);
        switch (seedStatus) {
            case "PENDING" -> updatedAt = createdAt;
            case "PROCESSING" -> started(started);
            case "CANCELLING" -> {
                started(started);
                cancelledDuring = "PROCESSING";
                updatedAt = ended;
            }
            default -> {
                started(started);
                endTime = ended;
                updatedAt = ended;
                if ("CANCELLED".equals(seedStatus)) {
                    cancelledDuring = "PROCESSING";
                } else if ("FAILED".equals(seedStatus)) {
                    failed();
                } else if ("REJECTED".equals(seedStatus)) {
                    reviewed = true;
                    reviewedByUser = "reviewer@example.com";
                    reviewedAt = ended.plusSeconds(120);
                    rejectionNote = "Invoice total does not match the purchase order";
                    updatedAt = reviewedAt;
                }
            }
        }
        status = seedStatus;
        if (updatedAt.isAfter(now)) {
            updatedAt = now;
        }
    }

    /** Applies every lifecycle transition that is due at {@code now}. */
    synchronized void catchUp(Instant now) {
        if ("PENDING".equals(status) && processingAt != null && !now.isBefore(processingAt)) {
            started(processingAt);
        }
        if ("PROCESSING".equals(status) && finishAt != null && !now.isBefore(finishAt)) {
            status = outcome;
            endTime = finishAt;
            updatedAt = finishAt;
            if ("FAILED".equals(outcome)) {
                failed();
            }
        }
        if ("CANCELLING".equals(status) && cancelDoneAt != null && !now.isBefore(cancelDoneAt)) {
            status = "CANCELLED";
            endTime = cancelDoneAt;
            updatedAt = cancelDoneAt;
        }
    }

    /**
     * Cancels a PENDING or PROCESSING run: CANCELLED at once when {@code delay} is zero, else CANCELLING until
     * {@code now + delay}. The planned outcome is dropped (the cancel wins).
     *
     * @return false when the run is in any other status (the cancel is refused)
     */
    synchronized boolean cancel(Instant now, Duration delay) {
        if (!isCancellable()) {
            return false;
        }
        cancelledDuring = status;
        processingAt = null;
        finishAt = null;
        updatedAt = now;
        if (delay.isZero()) {
            status = "CANCELLED";
            endTime = now;
        } else {
            status = "CANCELLING";
            cancelDoneAt = now.plus(delay);
        }
        return true;
    }

    synchronized boolean isCancellable() {
        return "PENDING".equals(status) || "PROCESSING".equals(status);
    }

    /** Changes the final status of a lifecycle run that has not finished yet. */
    synchronized boolean setOutcome(String finalStatus) {
        if (!lifecycle || !isCancellable()) {
            return false;
        }
        outcome = finalStatus;
        return true;
    }

    synchronized String status() {
        return status;
    }

    synchronized Instant updatedAt() {
        return updatedAt;
    }

    synchronized void mergeMetadata(ObjectNode patch, Instant now) {
        metadata.setAll(patch);
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
    }

    synchronized boolean fileNameContains(String part) {
        String needle = part.toLowerCase(Locale.ROOT);
        for (var f : files) {
            if (f.path("name").asText("").toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    // ---- JSON ----

    /** The full {@code WorkflowRun}: every field present, nulls explicit. */
    synchronized ObjectNode toJson() {
        ObjectNode n = JSON.objectNode();
        n.put("object", "workflow_run");
        n.put("id", id);
        n.set("workflow", workflowJson());
        n.set("workflowVersion", versionJson());
        n.put("dashboardUrl", dashboardUrl());
        n.put("status", status);
        n.set("metadata", metadata.deepCopy());
        n.put("batchId", batchId);
        n.set("files", files.deepCopy());
        n.put("failureReason", failureReason);
        n.put("failureMessage", failureMessage);
        putTime(n, "initialRunAt", initialRunAt);
        n.put("reviewedByUser", reviewedByUser);
        n.put("reviewed", reviewed);
        n.put("rejectionNote", rejectionNote);
        putTime(n, "reviewedAt", reviewedAt);
        putTime(n, "startTime", startTime);
        putTime(n, "endTime", endTime);
        n.set("stepRuns", stepRunsJson());
        n.set("usage", usageJson(true));
        return n;
    }

    /** The {@code WorkflowRunSummary} of list responses. */
    synchronized ObjectNode toSummaryJson() {
        ObjectNode n = JSON.objectNode();
        n.put("object", "workflow_run");
        n.put("id", id);
        n.put("status", status);
        n.set("workflow", workflowJson());
        n.set("workflowVersion", versionJson());
        n.put("dashboardUrl", dashboardUrl());
        n.put("reviewedByUser", reviewedByUser);
        putTime(n, "reviewedAt", reviewedAt);
        putTime(n, "initialRunAt", initialRunAt);
        putTime(n, "startTime", startTime);
        putTime(n, "endTime", endTime);
        n.put("batchId", batchId);
        n.put("rejectionNote", rejectionNote);
        n.set("files", files.deepCopy());
        putTime(n, "createdAt", createdAt);
        putTime(n, "updatedAt", updatedAt);
        n.set("usage", usageJson(false));
        return n;
    }

    private void started(Instant at) {
        status = "PROCESSING";
        initialRunAt = createdAt;
        startTime = at;
        updatedAt = at;
    }

    private void failed() {
        failureReason = "DOCUMENT_PROCESSOR_ERROR";
        failureMessage = "The extractor could not process the document (simulated failure)";
    }

    private String dashboardUrl() {
        return "https://dashboard.extend.ai/workflows/" + id;
    }

    private ObjectNode workflowJson() {
        ObjectNode w = JSON.objectNode();
        w.put("object", "workflow");
        w.put("id", workflowId);
        w.put("name", workflowName);
        putTime(w, "createdAt", WORKFLOW_CREATED_AT);
        putTime(w, "updatedAt", WORKFLOW_CREATED_AT);
        ObjectNode by = w.putObject("createdBy");
        by.put("type", "api_key");
        by.put("name", "extend-simulator");
        return w;
    }

    private ObjectNode versionJson() {
        ObjectNode v = JSON.objectNode();
        v.put("object", "workflow_version");
        v.put("id", versionId);
        v.put("version", version);
        v.put("name", versionName);
        putTime(v, "createdAt", WORKFLOW_CREATED_AT);
        v.putNull("createdBy");
        return v;
    }

    /** parse and extract step states for the current run status; null entries are left out */
    private String[] stepStatuses() {
        String during = cancelledDuring;
        return switch (status) {
            case "PENDING" -> new String[0];
            case "PROCESSING" -> new String[] { "PROCESSING", "WAITING" };
            case "CANCELLING" -> "PENDING".equals(during) ? new String[0] : new String[] { "PROCESSED", "PROCESSING" };
            case "CANCELLED" -> "PENDING".equals(during) ? new String[0] : new String[] { "PROCESSED", "CANCELLED" };
            case "FAILED" -> new String[] { "PROCESSED", "FAILED" };
            default -> new String[] { "PROCESSED", "PROCESSED" };
        };
    }

    private ArrayNode stepRunsJson() {
        String[] states = stepStatuses();
        ArrayNode a = JSON.arrayNode();
        for (int i = 0; i < states.length; i++) {
            boolean parse = i == 0;
            ObjectNode s = a.addObject();
            s.put("object", "workflow_step_run");
            s.put("id", stepIds[i]);
            s.put("workflowRunId", id);
            s.put("status", states[i]);
            s.put("stepType", parse ? "PARSE" : "EXTRACT");
            s.putArray("files");
            ObjectNode step = s.putObject("step");
            step.put("object", "workflow_step");
            step.put("id", stepIds[4 + i]);
            step.put("name", parse ? "Parse document" : "Extract fields");
            step.put("type", parse ? "PARSE" : "EXTRACT");
            if ("PROCESSED".equals(states[i])) {
                ObjectNode run = s.putObject("result").putObject(parse ? "parseRun" : "extractRun");
                run.put("object", parse ? "parse_run" : "extract_run");
                run.put("id", stepIds[2 + i]);
            } else {
                s.putNull("result");
            }
        }
        return a;
    }

    private ObjectNode usageJson(boolean withBreakdown) {
        if ("PENDING".equals(status) || "PROCESSING".equals(status) || "CANCELLING".equals(status)) {
            return null;
        }
        String[] states = stepStatuses();
        double credits = 0;
        ArrayNode breakdown = JSON.arrayNode();
        for (int i = 0; i < states.length; i++) {
            if ("PROCESSED".equals(states[i])) {
                double c = i == 0 ? 1.5 : 2.0;
                credits += c;
                ObjectNode e = breakdown.addObject();
                e.put("object", i == 0 ? "parse_run" : "extract_run");
                e.put("id", stepIds[2 + i]);
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
