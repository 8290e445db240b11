package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listing 100,000 runs page by page over HTTP. A page costs what its own runs cost, not what all runs cost: the bounds
 * are loose so that a busy 2-core machine passes, but a list that sorted every run per page (about 100 times the work
 * at 1000 per page) would not; the measured times are printed.
 */
class ListScaleTest {

    static final int RUNS = 100_000;
    static ExtendSimulator sim;
    static SimHttp http;
    static String batchId;

    @BeforeAll
    static void start() {
        sim = ExtendSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-11-28T09:00:00Z"))).build()
                .start();
        http = new SimHttp(sim);
        batchId = sim.seedBatch(RUNS, "workflow_scale", "PENDING", "PROCESSING", "PROCESSED");
        for (int i = 0; i < 50; i++) {
            sim.seedRun("PROCESSING"); // runs of another workflow, outside the batch
        }
        // warm up the HTTP path and the JIT a little, so the first measured page is not the cold one
        for (int i = 0; i < 5; i++) {
            http.get("/workflow_runs?maxPageSize=1000&batchId=" + batchId);
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    record Walk(List<String> ids, long[] pageMillis, long totalMillis) {
        String figures(String what) {
            long[] sorted = pageMillis.clone();
            Arrays.sort(sorted);
            return what + ": " + pageMillis.length + " pages, " + ids.size() + " runs in " + totalMillis
                    + " ms; per page median " + sorted[sorted.length / 2] + " ms, max " + sorted[sorted.length - 1]
                    + " ms";
        }
    }

    /** Follows nextPageToken for at most {@code maxPages} pages, timing each request (sent and parsed). */
    static Walk walk(String query, int maxPages) {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        String token = null;
        long t0 = System.nanoTime();
        do {
            long p0 = System.nanoTime();
            HttpResponse<String> r = http.get("/workflow_runs?" + query
                    + (token == null ? "" : "&nextPageToken=" + token));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = json(r);
            times.add((System.nanoTime() - p0) / 1_000_000);
            page.get("data").forEach(s -> ids.add(s.get("id").asText()));
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null && times.size() < maxPages);
        return new Walk(ids, times.stream().mapToLong(Long::longValue).toArray(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void aHundredThousandRunsByPagesOf1000() {
        Walk w = walk("maxPageSize=1000&batchId=" + batchId, 200);
        System.out.println(w.figures("batchId, maxPageSize=1000"));
        assertEquals(100, w.pageMillis().length);
        assertEquals(RUNS, w.ids().size());
        assertEquals(RUNS, new HashSet<>(w.ids()).size(), "each run once");
        assertTrue(w.totalMillis() < 60_000, w.figures("too slow"));
    }

    @Test
    void pagesOf100CostTheSameFarIntoTheList() {
        // 300 pages: the last ones start 30,000 runs into the batch, and cost what the first ones do
        Walk w = walk("maxPageSize=100&sortBy=createdAt&sortDir=asc&batchId=" + batchId, 300);
        System.out.println(w.figures("batchId, createdAt asc, maxPageSize=100"));
        assertEquals(300, w.pageMillis().length);
        assertEquals(30_000, new HashSet<>(w.ids()).size());
        assertTrue(w.totalMillis() < 60_000, w.figures("too slow"));
    }

    @Test
    void aStatusFilterReadsOnlyThatStatus() {
        // one run in three of the batch is PROCESSING, plus the 50 others: the filter pages through the status alone
        Walk w = walk("maxPageSize=1000&status=PROCESSING", 200);
        System.out.println(w.figures("status=PROCESSING, maxPageSize=1000"));
        assertEquals(33_333 + 50, w.ids().size());
        Set<String> distinct = new HashSet<>(w.ids());
        assertEquals(w.ids().size(), distinct.size());
        // status and batch together: the smaller set is walked, the other filter checked (a few pages are enough)
        Walk combined = walk("maxPageSize=1000&status=PENDING&batchId=" + batchId, 5);
        assertEquals(5_000, new HashSet<>(combined.ids()).size());
        combined.ids().stream().limit(20).forEach(id -> {
            assertEquals("PENDING", sim.status(id));
            assertEquals(batchId, sim.run(id).get("batchId").asText());
        });
        assertTrue(w.totalMillis() + combined.totalMillis() < 60_000, w.figures("too slow"));
    }

    @Test
    void aSelectiveFilterOnTheWholeStoreAnswersAtOnce() {
        long t0 = System.nanoTime();
        JsonNode page = json(http.get("/workflow_runs?maxPageSize=1000&workflowId="
                + ExtendSimulator.DEFAULT_WORKFLOW_ID));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("workflowId of 50 runs among " + (RUNS + 50) + ": " + ms + " ms");
        assertEquals(50, page.get("data").size());
        assertTrue(ms < 5_000, ms + " ms");
    }
}
