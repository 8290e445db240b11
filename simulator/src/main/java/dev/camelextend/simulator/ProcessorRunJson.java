// Owns: the 2026-02-09 JSON of a processor run: the full ExtractRun, ClassifyRun, SplitRun and ParseRun (GET and cancel
// answers) and their list summaries, field for field as extend-ai 1.17.0's api/types declare them, with the processor,
// version, output and usage objects.
package dev.camelextend.simulator;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.putTime;

/** Renders a {@link ProcessorRun} to a {@link JsonGenerator}; called under the run's lock. */
final class ProcessorRunJson {

    /** when the simulated processors were created, like the workflow of workflow runs */
    private static final String PROCESSOR_CREATED_AT = SimSupport.formatTime(SimRun.WORKFLOW_CREATED_AT);

    private ProcessorRunJson() {
    }

    static ObjectNode full(ProcessorRun r) {
        return SimSupport.tree(g -> writeFull(r, g));
    }

    static void writeFull(ProcessorRun r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", r.kind.object);
        g.writeStringField("id", r.id);
        if (r.kind == ProcessorKind.PARSE) {
            // ParseRun.d.ts: no processor, no review fields, no timestamps
            g.writeStringField("batchId", r.batchId);
            writeFile(r, g);
            g.writeStringField("status", r.status);
            writeFailure(r, g);
            writeMetadata(r, g);
            writeOutput(r, g, "output");
            g.writeNullField("outputUrl");
            writeMetrics(r, g);
            g.writeObjectFieldStart("config");
            g.writeEndObject();
            writeUsage(r, g, true);
            g.writeEndObject();
            return;
        }
        g.writeStringField("status", r.status);
        writeOutput(r, g, "output");
        if (r.kind != ProcessorKind.EXTRACT) {
            writeProcessor(r, g);
        }
        // initialOutput and reviewedOutput are only present once a run was reviewed; simulated runs are not
        g.writeNullField("initialOutput");
        g.writeNullField("reviewedOutput");
        writeFailure(r, g);
        writeMetadata(r, g);
        g.writeBooleanField("reviewed", false);
        g.writeBooleanField("edited", false);
        if (r.kind == ProcessorKind.EXTRACT) {
            g.writeNullField("edits");
        }
        g.writeObjectFieldStart("config");
        g.writeEndObject();
        if (r.kind == ProcessorKind.EXTRACT) {
            writeProcessor(r, g);
        }
        writeFile(r, g);
        if (r.kind == ProcessorKind.EXTRACT) {
            writeFiles(r, g);
        }
        writeTail(r, g, true);
        g.writeEndObject();
    }

    /** The {@code *RunSummary} of list answers. */
    static void writeSummary(ProcessorRun r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", r.kind.object);
        g.writeStringField("id", r.id);
        if (r.kind == ProcessorKind.PARSE) {
            g.writeStringField("batchId", r.batchId);
            writeFile(r, g);
            g.writeStringField("status", r.status);
            writeFailure(r, g);
            writeMetadata(r, g);
            writeMetrics(r, g);
            writeUsage(r, g, false);
            putTime(g, "createdAt", r.createdAt);
            putTime(g, "updatedAt", r.updatedAt);
            g.writeEndObject();
            return;
        }
        writeProcessor(r, g);
        g.writeStringField("status", r.status);
        writeFailure(r, g);
        writeMetadata(r, g);
        g.writeBooleanField("reviewed", false);
        g.writeBooleanField("edited", false);
        writeFile(r, g);
        if (r.kind == ProcessorKind.EXTRACT) {
            writeFiles(r, g);
        }
        writeTail(r, g, false);
        g.writeEndObject();
    }

    /** parseRunId, dashboardUrl, usage, createdAt, updatedAt: the end of every run type but parse */
    private static void writeTail(ProcessorRun r, JsonGenerator g, boolean withBreakdown) throws IOException {
        g.writeNullField("parseRunId");
        g.writeStringField("dashboardUrl", "https://dashboard.extend.ai/" + r.kind.path + "/" + r.id);
        writeUsage(r, g, withBreakdown);
        putTime(g, "createdAt", r.createdAt);
        putTime(g, "updatedAt", r.updatedAt);
    }

    /** e.g. {@code "extractor": {...}, "extractorVersion": {...}} */
    private static void writeProcessor(ProcessorRun r, JsonGenerator g) throws IOException {
        ProcessorKind k = r.kind;
        g.writeObjectFieldStart(k.processor);
        g.writeStringField("object", k.processor);
        g.writeStringField("id", k.processorId);
        g.writeStringField("name", k.processorName);
        g.writeStringField("createdAt", PROCESSOR_CREATED_AT);
        g.writeStringField("updatedAt", PROCESSOR_CREATED_AT);
        g.writeEndObject();
        g.writeObjectFieldStart(k.processor + "Version");
        g.writeStringField("object", k.processor + "_version");
        g.writeStringField("id", k.versionId);
        g.writeNullField("description");
        g.writeStringField("version", "1");
        g.writeStringField(k.processor + "Id", k.processorId);
        g.writeStringField("createdAt", PROCESSOR_CREATED_AT);
        g.writeEndObject();
    }

    private static void writeFile(ProcessorRun r, JsonGenerator g) throws IOException {
        g.writeFieldName("file");
        r.file.write(g);
    }

    private static void writeFiles(ProcessorRun r, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("files");
        r.file.write(g);
        g.writeEndArray();
    }

    private static void writeFailure(ProcessorRun r, JsonGenerator g) throws IOException {
        g.writeStringField("failureReason", r.failureReason);
        g.writeStringField("failureMessage", r.failureMessage);
    }

    private static void writeMetadata(ProcessorRun r, JsonGenerator g) throws IOException {
        g.writeFieldName("metadata");
        g.writeTree(r.metadata);
    }

    /** Present when PROCESSED: a small output of the run type's shape. */
    private static void writeOutput(ProcessorRun r, JsonGenerator g, String field) throws IOException {
        if (!"PROCESSED".equals(r.status)) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        switch (r.kind) {
            case EXTRACT -> {
                g.writeObjectFieldStart("value");
                g.writeStringField("invoice_number", "INV-1001");
                g.writeNumberField("total", 1280.5);
                g.writeEndObject();
                g.writeObjectFieldStart("metadata");
                g.writeEndObject();
            }
            case CLASSIFY -> {
                g.writeStringField("id", "class_invoice");
                g.writeStringField("type", "invoice");
                g.writeNumberField("confidence", 0.97);
                g.writeArrayFieldStart("insights");
                g.writeStartObject();
                g.writeStringField("type", "reasoning");
                g.writeStringField("content", "Line items, a total and a due date (simulated)");
                g.writeEndObject();
                g.writeEndArray();
            }
            case SPLIT -> {
                g.writeArrayFieldStart("splits");
                g.writeStartObject();
                g.writeStringField("type", "invoice");
                g.writeStringField("observation", "One invoice over every page (simulated)");
                g.writeStringField("identifier", "invoice-1");
                g.writeNumberField("startPage", 1);
                g.writeNumberField("endPage", pageCount(r));
                g.writeStringField("classificationId", "class_invoice");
                g.writeStringField("id", "split_1");
                g.writeStringField("fileId", r.file.id());
                g.writeEndObject();
                g.writeEndArray();
            }
            case PARSE -> {
                g.writeArrayFieldStart("chunks");
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    /** A parse run's metrics, present when PROCESSED. */
    private static void writeMetrics(ProcessorRun r, JsonGenerator g) throws IOException {
        if (!"PROCESSED".equals(r.status)) {
            g.writeNullField("metrics");
            return;
        }
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("processingTimeMs", Duration.between(r.startedAt, r.endedAt).toMillis());
        g.writeNumberField("pageCount", pageCount(r));
        g.writeEndObject();
    }

    /** Present when PROCESSED (RunUsage); list summaries leave out the breakdown (RunUsageSummary). */
    private static void writeUsage(ProcessorRun r, JsonGenerator g, boolean withBreakdown) throws IOException {
        if (!"PROCESSED".equals(r.status)) {
            g.writeNullField("usage");
            return;
        }
        double credits = r.kind.credits;
        g.writeObjectFieldStart("usage");
        g.writeNumberField("credits", credits);
        g.writeNumberField("totalCredits", credits);
        if (withBreakdown) {
            g.writeArrayFieldStart("breakdown");
            g.writeStartObject();
            g.writeStringField("object", r.kind.object);
            g.writeStringField("id", r.id);
            g.writeNumberField("credits", credits);
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static int pageCount(ProcessorRun r) {
        return r.file.pageCount() == null ? 1 : r.file.pageCount();
    }
}
