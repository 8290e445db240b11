package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.fixture;
import static dev.camelextend.simulator.test.SimHttp.header;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Processor runs: GET /{type}_runs/{id}, POST /{type}_runs/{id}/cancel, GET /{type}_runs. */
class ProcessorRunsTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final List<String> KINDS = List.of("extract", "classify", "split", "parse");

    ExtendSimulator sim;
    SimHttp http;

    @BeforeEach
    void start() {
        sim = ExtendSimulator.builder().clock(SimulatorClock.manual(T0)).build().start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** The fields of each run type in extend-ai 1.17.0's {@code api/types/*Run.d.ts}. */
    static Set<String> fullFields(String kind) {
        List<String> common = List.of("object", "id", "status", "output", "initialOutput", "reviewedOutput",
                "failureReason", "failureMessage", "metadata", "reviewed", "edited", "config", "file", "parseRunId",
                "dashboardUrl", "usage", "createdAt", "updatedAt");
        Set<String> f = new TreeSet<>(common);
        switch (kind) {
            case "extract" -> f.addAll(List.of("extractor", "extractorVersion", "edits", "files"));
            case "classify" -> f.addAll(List.of("classifier", "classifierVersion"));
            case "split" -> f.addAll(List.of("splitter", "splitterVersion"));
            default -> {
                f = new TreeSet<>(List.of("object", "id", "batchId", "file", "status", "failureReason",
                        "failureMessage", "metadata", "output", "outputUrl", "metrics", "config", "usage"));
            }
        }
        return f;
    }

    /** The fields of each {@code *RunSummary.d.ts}: what list answers hold. */
    static Set<String> summaryFields(String kind) {
        Set<String> f = new TreeSet<>(List.of("object", "id", "status", "failureReason", "failureMessage", "metadata",
                "reviewed", "edited", "file", "parseRunId", "dashboardUrl", "usage", "createdAt", "updatedAt"));
        switch (kind) {
            case "extract" -> f.addAll(List.of("extractor", "extractorVersion", "files"));
            case "classify" -> f.addAll(List.of("classifier", "classifierVersion"));
            case "split" -> f.addAll(List.of("splitter", "splitterVersion"));
            default -> {
                f = new TreeSet<>(List.of("object", "id", "batchId", "file", "status", "failureReason",
                        "failureMessage", "metadata", "metrics", "usage", "createdAt", "updatedAt"));
            }
        }
        return f;
    }

    static String prefix(String kind) {
        return switch (kind) {
            case "extract" -> "exr_";
            case "classify" -> "clr_";
            case "split" -> "splr_";
            default -> "pr_";
        };
    }

    @ParameterizedTest
    @CsvSource({ "extract,PENDING", "extract,PROCESSING", "extract,PROCESSED", "extract,FAILED", "extract,CANCELLED",
            "classify,PROCESSING", "classify,PROCESSED", "split,PROCESSED", "split,FAILED", "parse,PENDING",
            "parse,PROCESSED", "parse,FAILED", "parse,CANCELLED" })
    void getReturnsTheRunTypesShape(String kind, String status) {
        String id = sim.seedProcessorRun(kind, status);
        assertTrue(id.matches(prefix(kind) + "[A-Za-z0-9]{22}"), id);
        HttpResponse<String> r = http.get("/" + kind + "_runs/" + id);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode run = json(r);
        assertEquals(fullFields(kind), fields(run));
        assertEquals(kind + "_run", run.get("object").asText());
        assertEquals(id, run.get("id").asText());
        assertEquals(status, run.get("status").asText());
        JsonNode workflowFile = fixture("workflow-run-cancelled.json").get("files").get(0);
        assertEquals(fields(workflowFile), fields(run.get("file")), "a FileSummary as workflow runs have");
        assertEquals("file", run.get("file").get("object").asText());
        boolean processed = status.equals("PROCESSED");
        assertEquals(processed, !run.get("output").isNull(), "output of " + status);
        assertEquals(processed, !run.get("usage").isNull(), "usage of " + status);
        assertEquals(status.equals("FAILED"), !run.get("failureReason").isNull());
        assertEquals(status.equals("FAILED"), !run.get("failureMessage").isNull());
        assertTrue(run.get("config").isObject());
        if (!kind.equals("parse")) {
            assertFalse(run.get("reviewed").asBoolean());
            assertFalse(run.get("edited").asBoolean());
            assertTrue(run.get("parseRunId").isNull());
            assertTrue(run.get("dashboardUrl").asText().startsWith("https://dashboard.extend.ai/"));
            String processor = switch (kind) {
                case "extract" -> "extractor";
                case "classify" -> "classifier";
                default -> "splitter";
            };
            assertEquals(processor, run.get(processor).get("object").asText());
            assertEquals(processor + "_version", run.get(processor + "Version").get("object").asText());
            assertEquals(run.get(processor).get("id").asText(),
                    run.get(processor + "Version").get(processor + "Id").asText());
            assertEquals(T0.minusSeconds(600).toString(), run.get("createdAt").asText());
        } else {
            assertTrue(run.get("batchId").isNull());
            assertEquals(processed, !run.get("metrics").isNull());
        }
        if (processed) {
            assertEquals(fields(fixture("workflow-run-cancelled.json").get("usage")), fields(run.get("usage")));
        }
        assertEquals(status, sim.status(id), "status(runId) knows processor runs");
        assertEquals(id, sim.run(id).get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "extract", "classify", "split", "parse" })
    void onlyAProcessingRunCanBeCancelledAndItIsCancelledAtOnce(String kind) {
        String id = sim.seedProcessorRun(kind, "PROCESSING");
        sim.cancelDelay(Duration.ofSeconds(30)); // workflow runs only: a processor run has no CANCELLING
        HttpResponse<String> r = http.cancel(kind, id);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode run = json(r);
        assertEquals(fullFields(kind), fields(run));
        assertEquals("CANCELLED", run.get("status").asText());
        assertEquals("CANCELLED", sim.status(id));
        // the refusal is the workflow run's: same status, same flat body
        for (String status : List.of("PENDING", "PROCESSED", "FAILED", "CANCELLED")) {
            String other = sim.seedProcessorRun(kind, status);
            JsonNode body = assertFlatError(http.cancel(kind, other), 400, "INVALID_REQUEST", false);
            assertTrue(body.get("message").asText().contains(other), body.toString());
            assertTrue(body.get("message").asText().contains("Only PROCESSING"), body.toString());
            assertEquals(status, sim.status(other), "a refused cancel changes nothing");
        }
        sim.cancelRefusalStatus(409);
        assertFlatError(http.cancel(kind, sim.seedProcessorRun(kind, "PENDING")), 409, "INVALID_REQUEST", false);
        assertFlatError(http.cancel(kind, id), 409, "INVALID_REQUEST", false);
    }

    @Test
    void unknownOrMisplacedIdsAre404() {
        String extract = sim.seedProcessorRun("extract", "PROCESSING");
        String workflowRun = sim.seedRun("PROCESSING");
        JsonNode body = assertFlatError(http.get("/extract_runs/exr_doesNotExist0000000000"), 404, "NOT_FOUND", false);
        assertEquals("Extract run not found", body.get("message").asText());
        assertFlatError(http.cancel("extract", "exr_doesNotExist0000000000"), 404, "NOT_FOUND", false);
        assertFlatError(http.get("/classify_runs/" + extract), 404, "NOT_FOUND", false);
        assertFlatError(http.get("/extract_runs/" + workflowRun), 404, "NOT_FOUND", false);
        assertFlatError(http.get("/workflow_runs/" + extract), 404, "NOT_FOUND", false);
        assertFlatError(http.cancel(extract), 404, "NOT_FOUND", false);
        assertFlatError(http.get("/extract_runs/exr_a%2Fb"), 404, "NOT_FOUND", false);
        assertEquals(200, http.get("/extract_runs/" + extract + "/").statusCode());
        assertEquals("PROCESSING", sim.status(extract));
        assertThrows(NoSuchElementException.class, () -> sim.status("exr_doesNotExist0000000000"));
    }

    @Test
    void otherMethodsAre405WithAllow() {
        String id = sim.seedProcessorRun("parse", "PROCESSING");
        HttpResponse<String> r = http.send(http.request("/parse_runs/" + id).DELETE().build());
        assertFlatError(r, 405, "INVALID_REQUEST", false);
        assertEquals("GET", header(r, "allow"));
        assertEquals("GET", header(http.post("/parse_runs", "{}"), "allow"));
        assertEquals("POST", header(http.send(http.request("/parse_runs/" + id + "/cancel").GET().build()), "allow"));
        assertEquals("PROCESSING", sim.status(id));
    }

    @Test
    void listFiltersByBatchSourceStatusAndFileName() {
        List<String> fromRun = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fromRun.add(sim.seedProcessorRun("extract", "PROCESSING", null, "workflow_run_parent"));
        }
        String batched = sim.seedProcessorRun("extract", "PROCESSED", "bpr_batch1", null);
        sim.seedProcessorRun("extract", "FAILED");
        sim.seedProcessorRun("classify", "PROCESSING", null, "workflow_run_parent");

        JsonNode all = list("extract", "maxPageSize=100");
        assertEquals(5, all.get("data").size());
        all.get("data").forEach(s -> assertEquals(summaryFields("extract"), fields(s)));
        assertEquals(Set.copyOf(fromRun), Set.copyOf(ids(list("extract", "sourceId=workflow_run_parent"))));
        assertEquals(List.of(batched), ids(list("extract", "batchId=bpr_batch1")));
        assertEquals(3, list("extract", "status=PROCESSING").get("data").size());
        assertEquals(1, list("classify", "sourceId=workflow_run_parent").get("data").size());
        assertEquals(0, list("split", "").get("data").size());
        assertEquals(5, list("extract", "fileNameContains=.PDF").get("data").size());
        JsonNode page = list("extract", "maxPageSize=2&sortBy=createdAt&sortDir=asc");
        assertEquals(2, page.get("data").size());
        JsonNode next = list("extract", "maxPageSize=2&sortBy=createdAt&sortDir=asc&nextPageToken="
                + page.get("nextPageToken").asText());
        assertEquals(2, next.get("data").size());
        assertFalse(ids(next).contains(ids(page).get(0)));
        for (String kind : KINDS) {
            sim.seedProcessorRun(kind, "PROCESSED");
            list(kind, "").get("data").forEach(s -> assertEquals(summaryFields(kind), fields(s)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "status=CANCELLING", "status=NEEDS_REVIEW", "maxPageSize=0", "maxPageSize=1001",
            "sortBy=name", "sortDir=up", "nextPageToken=bm9wZQ" })
    void invalidListParametersAre400(String query) {
        HttpResponse<String> r = http.get("/extract_runs?" + query);
        assertEquals(400, r.statusCode(), query);
        assertEquals("INVALID_REQUEST", json(r).get("code").asText());
        assertTrue(json(r).has("docUrl"), "a validation error, as for workflow runs");
    }

    @Test
    void createdProcessorRunsFollowTheLifecycleOnTheClock() {
        sim.lifecycle(Duration.ofSeconds(1), Duration.ofSeconds(5));
        String ok = sim.createProcessorRun("extract", Map.of("customer", "c1"));
        String failing = sim.createProcessorRun("parse", Map.of(ExtendSimulator.OUTCOME_METADATA_KEY, "FAILED"));
        String cancelled = sim.createProcessorRun("split", null);
        assertEquals("PENDING", sim.status(ok));
        assertFlatError(http.cancel("split", cancelled), 400, "INVALID_REQUEST", false);
        assertEquals(3, list("extract", "status=PENDING").get("data").size()
                + list("parse", "status=PENDING").get("data").size() + list("split", "status=PENDING").get("data")
                .size());
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals("PROCESSING", json(http.get("/extract_runs/" + ok)).get("status").asText());
        assertEquals(1, list("split", "status=PROCESSING").get("data").size());
        assertEquals("CANCELLED", json(http.cancel("split", cancelled)).get("status").asText());
        sim.clock().advance(Duration.ofSeconds(5));
        JsonNode done = json(http.get("/extract_runs/" + ok));
        assertEquals("PROCESSED", done.get("status").asText());
        assertEquals("c1", done.get("metadata").get("customer").asText());
        assertEquals(T0.plusSeconds(6).toString(), done.get("updatedAt").asText());
        assertEquals(List.of(failing), ids(list("parse", "status=FAILED")));
        assertEquals("CANCELLED", sim.status(cancelled), "the cancel wins over the lifecycle");
        String late = sim.createProcessorRun("classify", null);
        sim.setOutcome(late, "FAILED");
        sim.clock().advance(Duration.ofSeconds(6));
        assertEquals("FAILED", sim.status(late));
        assertThrows(IllegalStateException.class, () -> sim.setOutcome(late, "PROCESSED"));
    }

    @Test
    void seedingChecksKindAndStatus() {
        assertThrows(IllegalArgumentException.class, () -> sim.seedProcessorRun("edit", "PROCESSING"));
        assertThrows(IllegalArgumentException.class, () -> sim.seedProcessorRun("extract", "CANCELLING"));
        assertThrows(IllegalArgumentException.class, () -> sim.seedProcessorRun("extract", "NEEDS_REVIEW"));
        assertThrows(IllegalArgumentException.class, () -> sim.createProcessorRun("workflow", null));
        assertThrows(IllegalArgumentException.class,
                () -> sim.createProcessorRun("extract", Map.of(ExtendSimulator.OUTCOME_METADATA_KEY, "NEEDS_REVIEW")));
        assertEquals(List.of(), sim.processorRunIds("extract"));
        String a = sim.seedProcessorRun("extract", "PENDING");
        String b = sim.seedProcessorRun("extract", "PENDING");
        assertEquals(Set.of(a, b), Set.copyOf(sim.processorRunIds("extract")));
        assertEquals(List.of(), sim.runIds(), "runIds() lists workflow runs");
        sim.clearRuns();
        assertEquals(List.of(), sim.processorRunIds("extract"));
        assertEquals(0, list("extract", "").get("data").size());
    }

    JsonNode list(String kind, String query) {
        HttpResponse<String> r = http.get("/" + kind + "_runs?" + query);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode page = json(r);
        assertEquals("list", page.get("object").asText());
        return page;
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }
}
