package dev.camelextend.simulator.test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ExtendSimulator.seedBatch: many seeded runs of one new batch, in cycling statuses. */
class BatchTest {

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

    @Test
    void seedBatchCyclesTheStatusesOverRunsOfOneNewBatch() {
        String other = sim.seedRun("PROCESSING");
        String batchId = sim.seedBatch(7, "workflow_batch", "PENDING", "PROCESSING", "PROCESSED");
        assertTrue(batchId.matches("batch_[A-Za-z0-9_-]{8}"), batchId);
        assertEquals(8, sim.runIds().size());
        JsonNode page = json(http.get("/workflow_runs?maxPageSize=100&sortBy=createdAt&sortDir=asc&batchId="
                + batchId));
        assertEquals(7, page.get("data").size());
        Map<String, Integer> statuses = new HashMap<>();
        for (JsonNode s : page.get("data")) {
            assertEquals(batchId, s.get("batchId").asText());
            assertEquals("workflow_batch", s.get("workflow").get("id").asText());
            statuses.merge(s.get("status").asText(), 1, Integer::sum);
        }
        assertEquals(Map.of("PENDING", 3, "PROCESSING", 2, "PROCESSED", 2), statuses);
        assertTrue(sim.run(other).get("batchId").isNull());
        assertTrue(sim.seedBatch(1, "workflow_batch", "FAILED").startsWith("batch_"));
        assertTrue(!batchId.equals(sim.seedBatch(1, "workflow_batch", "FAILED")), "a new batch each time");
    }

    @Test
    void batchRunsAreSeededRunsFixedInTheirStatusUntilCancelled() {
        String batchId = sim.seedBatch(4, null, "PROCESSING", "PENDING");
        sim.clock().advance(Duration.ofDays(1));
        List<String> ids = sim.runIds();
        for (String id : ids) {
            JsonNode run = json(http.get("/workflow_runs/" + id));
            assertEquals(batchId, run.get("batchId").asText());
            assertEquals(ExtendSimulator.DEFAULT_WORKFLOW_ID, run.get("workflow").get("id").asText());
            assertEquals("Invoice Processing", run.get("workflow").get("name").asText());
            assertEquals(1, run.get("files").size());
            assertTrue(run.get("files").get(0).get("name").asText().endsWith(".pdf"));
            assertTrue(List.of("PROCESSING", "PENDING").contains(run.get("status").asText()));
            assertEquals(200, http.cancel(id).statusCode());
            assertEquals("CANCELLED", sim.status(id));
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> sim.seedBatch(0, null, "PENDING"));
        assertThrows(IllegalArgumentException.class, () -> sim.seedBatch(3, null));
        assertThrows(IllegalArgumentException.class, () -> sim.seedBatch(3, null, "PENDING", "DONE"));
        assertEquals(List.of(), sim.runIds(), "nothing seeded by a refused call");
    }

    /** 100,000 runs in a few seconds: the bound is loose for a busy 2-core machine, the figure is printed. */
    @Test
    void aHundredThousandRunsInAFewSeconds() {
        long t0 = System.nanoTime();
        String batchId = sim.seedBatch(100_000, "workflow_big", "PENDING", "PROCESSING", "PROCESSED");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("seedBatch(100000) took " + ms + " ms");
        assertTrue(ms < 20_000, "seedBatch(100000) took " + ms + " ms");
        assertEquals(100_000, sim.runIds().size());
        JsonNode first = json(http.get("/workflow_runs?maxPageSize=1&batchId=" + batchId));
        assertEquals(batchId, first.get("data").get(0).get("batchId").asText());
    }
}
