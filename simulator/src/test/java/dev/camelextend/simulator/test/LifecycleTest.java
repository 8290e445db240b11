package dev.camelextend.simulator.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorBuilder;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run lifecycle on the controllable clock. */
class LifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    ExtendSimulator sim;

    ExtendSimulator start(SimulatorBuilder builder) {
        sim = builder.build().start();
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void pendingThenProcessingThenProcessedAtTheConfiguredInstants() {
        start(ExtendSimulator.builder().clock(SimulatorClock.manual(T0)).pendingDuration(Duration.ofSeconds(2))
                .processingDuration(Duration.ofSeconds(8)));
        SimHttp http = new SimHttp(sim);
        JsonNode created = json(http.post("/workflow_runs",
                "{\"workflow\":{\"id\":\"workflow_abc\"},\"file\":{\"url\":\"https://example.com/a.pdf\"}}"));
        String id = created.get("id").asText();
        assertEquals("PENDING", created.get("status").asText());
        assertTrue(created.get("initialRunAt").isNull());
        assertTrue(created.get("startTime").isNull());
        assertEquals(0, created.get("stepRuns").size());

        sim.clock().advance(Duration.ofMillis(1999));
        assertEquals("PENDING", sim.status(id));
        sim.clock().advance(Duration.ofMillis(1));
        JsonNode processing = json(http.get("/workflow_runs/" + id));
        assertEquals("PROCESSING", processing.get("status").asText());
        assertEquals(T0.toString(), processing.get("initialRunAt").asText());
        assertEquals(T0.plusSeconds(2).toString(), processing.get("startTime").asText());
        assertEquals("PROCESSING", processing.get("stepRuns").get(0).get("status").asText());
        assertTrue(processing.get("usage").isNull());

        sim.clock().advance(Duration.ofSeconds(8));
        JsonNode done = json(http.get("/workflow_runs/" + id));
        assertEquals("PROCESSED", done.get("status").asText());
        assertEquals(T0.plusSeconds(10).toString(), done.get("endTime").asText());
        assertEquals(3.5, done.get("usage").get("credits").asDouble(), 1e-9);
        assertEquals(2, done.get("usage").get("breakdown").size());
        for (JsonNode step : done.get("stepRuns")) {
            assertEquals("PROCESSED", step.get("status").asText());
            assertFalse(step.get("result").isNull());
        }
        assertTrue(done.get("failureReason").isNull());
    }

    @Test
    void setOutcomeMakesARunFail() {
        start(ExtendSimulator.builder().clock(SimulatorClock.manual(T0)));
        String id = sim.createRun("workflow_abc", Map.of("k", "v"));
        assertEquals("PROCESSING", sim.status(id));
        sim.setOutcome(id, "FAILED");
        sim.clock().advance(Duration.ofSeconds(10));
        JsonNode run = sim.run(id);
        assertEquals("FAILED", run.get("status").asText());
        assertEquals("DOCUMENT_PROCESSOR_ERROR", run.get("failureReason").asText());
        assertFalse(run.get("failureMessage").asText().isBlank());
        assertEquals("FAILED", run.get("stepRuns").get(1).get("status").asText());
        assertThrows(IllegalStateException.class, () -> sim.setOutcome(id, "PROCESSED"), "already finished");
        assertThrows(IllegalArgumentException.class, () -> sim.setOutcome(id, "CANCELLED"));
    }

    @Test
    void outcomeFromMetadataOverHttpAndDefaultOutcome() {
        start(ExtendSimulator.builder().clock(SimulatorClock.manual(T0)).defaultOutcome("NEEDS_REVIEW"));
        SimHttp http = new SimHttp(sim);
        String review = json(http.post("/workflow_runs",
                "{\"workflow\":{\"id\":\"w\"},\"file\":{\"url\":\"https://e.com/a.pdf\"}}")).get("id").asText();
        String failed = json(http.post("/workflow_runs", "{\"workflow\":{\"id\":\"w\"},"
                + "\"file\":{\"url\":\"https://e.com/a.pdf\"},\"metadata\":{\"simulator:outcome\":\"FAILED\"}}"))
                .get("id").asText();
        assertEquals(400, http.post("/workflow_runs", "{\"workflow\":{\"id\":\"w\"},"
                + "\"file\":{\"url\":\"https://e.com/a.pdf\"},\"metadata\":{\"simulator:outcome\":\"CANCELLED\"}}")
                .statusCode());
        sim.clock().advance(Duration.ofSeconds(10));
        assertEquals("NEEDS_REVIEW", sim.status(review));
        assertFalse(sim.run(review).get("reviewed").asBoolean());
        assertEquals("FAILED", sim.status(failed));
    }

    @Test
    void lifecycleDurationsCanBeChangedAtRunTime() {
        start(ExtendSimulator.builder().clock(SimulatorClock.manual(T0)));
        sim.lifecycle(Duration.ofSeconds(1), Duration.ofSeconds(1));
        String id = sim.createRun(null, null);
        assertEquals("PENDING", sim.status(id));
        sim.clock().advance(Duration.ofSeconds(2));
        assertEquals("PROCESSED", sim.status(id));
        assertEquals(ExtendSimulator.DEFAULT_WORKFLOW_ID, sim.run(id).get("workflow").get("id").asText());
    }

    @Test
    void seededRunsKeepTheirStatusWhenTheClockMoves() {
        start(ExtendSimulator.builder().clock(SimulatorClock.manual(T0)));
        String pending = sim.seedRun("PENDING");
        String processing = sim.seedRun("PROCESSING");
        sim.clock().advance(Duration.ofDays(1));
        assertEquals("PENDING", sim.status(pending));
        assertEquals("PROCESSING", sim.status(processing));
    }

    @Test
    void theClockNeverMovesRunsBack() {
        start(ExtendSimulator.builder().clock(SimulatorClock.manual(T0)));
        String id = sim.createRun("w", null);
        sim.clock().advance(Duration.ofSeconds(10));
        assertEquals("PROCESSED", sim.status(id));
        sim.clock().set(T0);
        assertEquals("PROCESSED", sim.status(id));
        assertThrows(IllegalArgumentException.class, () -> sim.clock().advance(Duration.ofSeconds(-1)));
    }

    @Test
    void systemClockProgressesByItselfAndCanBeAdvanced() throws InterruptedException {
        SimulatorClock clock = SimulatorClock.system();
        start(ExtendSimulator.builder().clock(clock).processingDuration(Duration.ofMillis(150)));
        String quick = sim.createRun("w", null);
        sim.lifecycle(Duration.ZERO, Duration.ofHours(1));
        String slow = sim.createRun("w", null);
        Thread.sleep(300);
        assertEquals("PROCESSED", sim.status(quick));
        assertEquals("PROCESSING", sim.status(slow));
        clock.advance(Duration.ofHours(1));
        assertEquals("PROCESSED", sim.status(slow));
        assertThrows(IllegalStateException.class, () -> clock.set(T0));
    }
}
