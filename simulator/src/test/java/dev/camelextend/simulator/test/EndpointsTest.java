package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.fixture;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run workflow, batch, get, update, delete, and the full WorkflowRun shape. */
class EndpointsTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

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

    @ParameterizedTest
    @ValueSource(strings = { "PENDING", "PROCESSING", "PROCESSED", "FAILED", "NEEDS_REVIEW", "REJECTED", "CANCELLED",
            "CANCELLING" })
    void getReturnsTheFullWorkflowRunShapeOfTheFixtures(String status) {
        String id = sim.seedRun(status);
        HttpResponse<String> r = http.get("/workflow_runs/" + id);
        assertEquals(200, r.statusCode());
        JsonNode run = json(r);
        JsonNode fixture = fixture("workflow-run-cancelled.json");
        // every field of the fixture, no more, nulls explicit
        assertEquals(fields(fixture), fields(run));
        assertEquals(fields(fixture.get("workflow")), fields(run.get("workflow")));
        assertEquals(fields(fixture.get("workflowVersion")), fields(run.get("workflowVersion")));
        assertEquals(fields(fixture.get("files").get(0)), fields(run.get("files").get(0)));
        assertEquals("workflow_run", run.get("object").asText());
        assertEquals(id, run.get("id").asText());
        assertTrue(id.matches("workflow_run_[A-Za-z0-9_-]{21}"), id);
        assertEquals(status, run.get("status").asText());
        assertEquals("https://dashboard.extend.ai/workflows/" + id, run.get("dashboardUrl").asText());
        assertEquals(ExtendSimulator.DEFAULT_WORKFLOW_ID, run.get("workflow").get("id").asText());
        assertEquals("Invoice Processing", run.get("workflow").get("name").asText());
        assertTrue(run.get("batchId").isNull());
        assertTrue(run.get("reviewed").isBoolean());
        for (String nullable : new String[] { "failureReason", "failureMessage", "reviewedByUser", "rejectionNote",
                "reviewedAt" }) {
            assertTrue(run.has(nullable), nullable);
        }
        boolean finished = !Set.of("PENDING", "PROCESSING", "CANCELLING").contains(status);
        assertEquals(finished, !run.get("usage").isNull(), "usage of " + status);
        assertEquals(!status.equals("PENDING"), !run.get("startTime").isNull(), "startTime of " + status);
        assertEquals(finished, !run.get("endTime").isNull(), "endTime of " + status);
        assertEquals(status.equals("FAILED"), !run.get("failureReason").isNull());
        assertEquals(status.equals("REJECTED"), run.get("reviewed").asBoolean());
        if (finished) {
            assertEquals(fields(fixture.get("usage")), fields(run.get("usage")));
        }
        for (JsonNode step : run.get("stepRuns")) {
            assertEquals(fields(fixture.get("stepRuns").get(0)), fields(step));
            assertEquals(id, step.get("workflowRunId").asText());
        }
    }

    @Test
    void runWorkflowReturnsAProcessingRunWithTheRequestEchoed() {
        HttpResponse<String> r = http.post("/workflow_runs", """
                {"workflow":{"id":"workflow_abc","version":"draft"},
                 "file":{"url":"https://example.com/files/invoice-7.pdf?sig=x"},
                 "metadata":{"customerId":"cust_42","extend:usage_tags":["eu"]},"priority":10}""");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode run = json(r);
        assertEquals(fields(fixture("workflow-run-cancelled.json")), fields(run));
        assertEquals("PROCESSING", run.get("status").asText());
        assertEquals("workflow_abc", run.get("workflow").get("id").asText());
        assertEquals("draft", run.get("workflowVersion").get("version").asText());
        assertTrue(run.get("workflowVersion").get("name").isNull());
        assertEquals("cust_42", run.get("metadata").get("customerId").asText());
        assertEquals("eu", run.get("metadata").get("extend:usage_tags").get(0).asText());
        assertEquals("invoice-7.pdf", run.get("files").get(0).get("name").asText());
        assertEquals("PDF", run.get("files").get(0).get("type").asText());
        assertEquals(T0.toString(), run.get("startTime").asText());
        assertTrue(run.get("endTime").isNull());
        assertTrue(run.get("usage").isNull());
        assertEquals("PROCESSING", sim.status(run.get("id").asText()));
        assertEquals(1, sim.runIds().size());
    }

    @Test
    void runWorkflowAcceptsTextFilesAndPackages() {
        JsonNode text = json(http.post("/workflow_runs",
                "{\"workflow\":{\"id\":\"workflow_abc\"},\"file\":{\"text\":\"hello\",\"name\":\"note.txt\"}}"));
        assertEquals("TXT", text.get("files").get(0).get("type").asText());
        assertEquals("note.txt", text.get("files").get(0).get("name").asText());
        JsonNode pkg = json(http.post("/workflow_runs", """
                {"workflow":{"id":"workflow_abc"},
                 "package":{"files":[{"url":"https://example.com/a.pdf"},{"id":"file_existing123"}]}}"""));
        assertEquals(2, pkg.get("files").size());
        assertEquals("file_existing123", pkg.get("files").get(1).get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "[]", "{\"file\":{\"url\":\"https://x/a.pdf\"}}",
            "{\"workflow\":{\"id\":\"workflow_abc\"}}",
            "{\"workflow\":{\"id\":\"workflow_abc\"},\"file\":{\"url\":\"https://x/a.pdf\"},\"package\":{\"files\":[]}}",
            "{\"workflow\":{\"id\":\"workflow_abc\"},\"file\":{}}",
            "{\"workflow\":{\"id\":\"workflow_abc\"},\"file\":{\"url\":\"https://x/a.pdf\"},\"metadata\":[1]}",
            "{\"workflow\":{\"id\":\"workflow_abc\"},\"file\":{\"url\":\"https://x/a.pdf\"},\"priority\":0}",
            "{\"workflow\":{\"id\":\"workflow_abc\"},\"package\":{\"files\":[{\"url\":\"https://x/a.pdf\"}]}}" })
    void invalidRunWorkflowBodiesAre400WithDocUrl(String body) {
        HttpResponse<String> r = http.post("/workflow_runs", body);
        assertEquals(400, r.statusCode(), body);
        JsonNode err = json(r);
        assertEquals(Set.of("code", "message", "retryable", "requestId", "docUrl"), fields(err));
        assertEquals("INVALID_REQUEST", err.get("code").asText());
        assertFalse(err.get("retryable").asBoolean());
        assertTrue(sim.runIds().isEmpty(), "no run may be created by " + body);
    }

    @Test
    void batchCreatesRunsSharingABatchId() {
        HttpResponse<String> r = http.post("/workflow_runs/batch", """
                {"workflow":{"id":"workflow_abc"},"inputs":[
                  {"file":{"url":"https://example.com/1.pdf"},"metadata":{"n":1}},
                  {"file":{"url":"https://example.com/2.pdf"},"metadata":{"n":2}},
                  {"file":{"text":"three"}}]}""");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(Set.of("batchId"), fields(body));
        String batchId = body.get("batchId").asText();
        assertTrue(batchId.startsWith("batch_"), batchId);
        assertEquals(3, sim.runIds().size());
        for (String id : sim.runIds()) {
            assertEquals(batchId, sim.run(id).get("batchId").asText());
        }
        assertEquals(400, http.post("/workflow_runs/batch", "{\"workflow\":{\"id\":\"w\"},\"inputs\":[]}")
                .statusCode());
    }

    @Test
    void updateMergesMetadataAndDeleteRemovesTheRun() {
        String id = sim.seedRun("PROCESSED", "workflow_abc", null, Map.of("a", 1, "b", "keep"));
        JsonNode updated = json(http.post("/workflow_runs/" + id, "{\"metadata\":{\"a\":2,\"c\":true}}"));
        assertEquals(2, updated.get("metadata").get("a").asInt());
        assertEquals("keep", updated.get("metadata").get("b").asText());
        assertTrue(updated.get("metadata").get("c").asBoolean());
        HttpResponse<String> del = http.send(http.request("/workflow_runs/" + id).DELETE().build());
        assertEquals(200, del.statusCode());
        assertEquals(id, json(del).get("id").asText());
        assertEquals(404, http.get("/workflow_runs/" + id).statusCode());
        assertThrows(java.util.NoSuchElementException.class, () -> sim.run(id));
    }

    @Test
    void percentEncodedIdsAreDecodedPerSegmentAndJournaledRawAndDecoded() {
        HttpResponse<String> r = http.get("/workflow_runs/workflow_run_a%2Fb%20c");
        assertEquals(404, r.statusCode());
        RecordedRequest rec = sim.journal().get(0);
        assertEquals("/workflow_runs/workflow_run_a%2Fb%20c", rec.rawPath());
        assertEquals("/workflow_runs/workflow_run_a/b c", rec.path());
        // a real ID with a trailing slash still resolves
        String id = sim.seedRun("PENDING");
        assertEquals(200, http.get("/workflow_runs/" + id + "/").statusCode());
    }

    @Test
    void seededIdsAreReproducibleForTheSameSeed() {
        String first = sim.seedRun("PENDING");
        try (ExtendSimulator same = ExtendSimulator.builder().seed(42).build();
                ExtendSimulator other = ExtendSimulator.builder().seed(7).build()) {
            assertEquals(first, same.seedRun("PENDING"));
            assertNotEquals(first, other.seedRun("PENDING"));
        }
    }

    @Test
    void apiSnapshotsAreCopies() {
        String id = sim.seedRun("PROCESSING");
        sim.run(id).put("status", "HACKED");
        assertEquals("PROCESSING", sim.status(id));
        assertThrows(IllegalArgumentException.class, () -> sim.seedRun("DONE"));
    }
}
