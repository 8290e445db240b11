package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Per-category rate limits over HTTP: GET, WRITE and RUN each have a bucket of their own, a refusal is the documented
 * 429 with Retry-After, and every check is counted. The limits are per second of real time: each test sends its few
 * requests well within one second (the window's sliding itself is tested with explicit instants in RateLimitsTest).
 */
class RateLimitTest {

    static final String CREATE = """
            {"workflow":{"id":"workflow_rl"},"file":{"url":"https://example.com/a.pdf"}}""";
    static final String BATCH = """
            {"workflow":{"id":"workflow_rl"},"inputs":[{"file":{"url":"https://example.com/b.pdf"}}]}""";

    ExtendSimulator sim;
    SimHttp http;

    @BeforeEach
    void start() {
        sim = ExtendSimulator.builder().build().start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static void assertRateLimited(HttpResponse<String> r) {
        JsonNode body = assertFlatError(r, 429, "RATE_LIMIT_EXCEEDED", true);
        assertEquals("Too many requests. Back off and retry.", body.get("message").asText());
        assertEquals("1", header(r, "retry-after"));
    }

    @Test
    void hittingTheGetLimitDoesNotAffectWritesOrRuns() {
        String a = sim.seedRun("PROCESSING");
        String b = sim.seedRun("PROCESSING");
        sim.faults().rateLimit("GET", 2);
        assertEquals(200, http.get("/workflow_runs/" + a).statusCode());
        assertEquals(200, http.get("/workflow_runs").statusCode());
        assertRateLimited(http.get("/workflow_runs/" + a));
        assertRateLimited(http.get("/extract_runs"));
        assertEquals(200, http.cancel(a).statusCode(), "WRITE has its own bucket");
        assertEquals(200, http.cancel(b).statusCode());
        assertEquals(200, http.post("/workflow_runs", CREATE).statusCode(), "so has RUN");
        assertEquals(2, sim.faults().rateLimitedCount("GET"));
        assertEquals(4, sim.faults().requestCount("GET"));
        assertEquals(2, sim.faults().requestCount("WRITE"));
        assertEquals(0, sim.faults().rateLimitedCount("WRITE"));
        assertEquals(1, sim.faults().requestCount("RUN"));
        assertEquals(2, sim.faults().rateLimitedCount());
    }

    @Test
    void theWriteLimitCoversCancelUpdateAndDeleteAndARefusedCancelChangesNothing() {
        String a = sim.seedRun("PROCESSING");
        String b = sim.seedRun("PROCESSING");
        String extract = sim.seedProcessorRun("extract", "PROCESSING");
        sim.faults().rateLimit("WRITE", 1);
        assertEquals(200, http.cancel(a).statusCode());
        assertRateLimited(http.cancel(b));
        assertRateLimited(http.cancel("extract", extract));
        assertRateLimited(http.post("/workflow_runs/" + b, "{\"metadata\":{\"k\":1}}"));
        assertRateLimited(http.send(http.request("/workflow_runs/" + b).DELETE().build()));
        assertEquals("PROCESSING", sim.status(b), "the refused cancel never reached the run");
        assertEquals("PROCESSING", sim.status(extract));
        assertEquals(200, http.get("/workflow_runs/" + b).statusCode(), "reads go on");
        assertEquals(4, sim.faults().rateLimitedCount("WRITE"));
        assertEquals(5, sim.faults().requestCount("WRITE"));
    }

    @Test
    void theRunLimitCoversCreateAndBatch() {
        sim.faults().rateLimit("RUN", 1);
        assertEquals(200, http.post("/workflow_runs", CREATE).statusCode());
        assertRateLimited(http.post("/workflow_runs/batch", BATCH));
        assertRateLimited(http.post("/workflow_runs", CREATE));
        assertEquals(1, sim.runIds().size(), "refused creates make no run");
        assertEquals(200, http.get("/workflow_runs").statusCode());
        assertEquals(2, sim.faults().rateLimitedCount("RUN"));
    }

    @Test
    void rateLimitOfOneNumberSetsEveryCategoryEachWithItsOwnBucket() {
        String a = sim.seedRun("PROCESSING");
        SimulatorFaults faults = sim.faults().rateLimit(1);
        assertEquals(1, faults.rateLimit());
        for (String c : SimulatorFaults.RATE_CATEGORIES) {
            assertEquals(1, faults.rateLimit(c));
        }
        assertEquals(200, http.get("/workflow_runs/" + a).statusCode());
        assertEquals(200, http.cancel(a).statusCode());
        assertEquals(200, http.post("/workflow_runs", CREATE).statusCode());
        assertRateLimited(http.get("/workflow_runs/" + a));
        assertRateLimited(http.cancel(a));
        assertRateLimited(http.post("/workflow_runs", CREATE));
        assertEquals(3, faults.rateLimitedCount());
        faults.rateLimit("WRITE", 5);
        assertEquals(-1, faults.rateLimit(), "the categories differ");
        assertEquals(List.of("GET", "WRITE", "RUN"), SimulatorFaults.RATE_CATEGORIES);
    }

    @Test
    void countersAreZeroedByClearAndByClearJournal() {
        sim.faults().rateLimit("GET", 1);
        http.get("/workflow_runs");
        assertRateLimited(http.get("/workflow_runs"));
        assertEquals(1, sim.faults().rateLimitedCount());
        sim.clearJournal();
        assertEquals(0, sim.faults().rateLimitedCount());
        assertEquals(0, sim.faults().requestCount("GET"));
        assertEquals(1, sim.faults().rateLimit("GET"), "clearJournal keeps the limits");
        assertRateLimited(http.get("/workflow_runs"));
        assertEquals(1, sim.faults().rateLimitedCount("GET"));
        sim.faults().clear();
        assertEquals(0, sim.faults().rateLimitedCount("GET"));
        assertEquals(0, sim.faults().rateLimit("GET"));
        assertEquals(200, http.get("/workflow_runs").statusCode());
    }

    @Test
    void requestsThatNeverReachTheLimitAreNotCounted() {
        sim.faults().rateLimit(1);
        assertEquals(401, http.send(http.bare("/workflow_runs").GET().build()).statusCode());
        sim.faults().serverErrorRate(1.0);
        assertEquals(500, http.get("/workflow_runs").statusCode());
        assertEquals(0, sim.faults().requestCount("GET"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> sim.faults().rateLimit("READ", 1));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().rateLimit("GET", -1));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().rateLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().rateLimitedCount("get"));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().requestCount(null));
    }
}
