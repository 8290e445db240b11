package dev.camelextend.simulator.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import dev.camelextend.simulator.RecordedRequest.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.JSON;
import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.header;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limit, injected faults and scripted answers. */
class FaultsTest {

    ExtendSimulator sim;
    SimHttp http;
    String runId;

    @BeforeEach
    void start() {
        sim = ExtendSimulator.builder().build().start();
        http = new SimHttp(sim);
        runId = sim.seedRun("PROCESSING");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void rateLimitGives429WithRetryAfterAndRecovers() throws InterruptedException {
        sim.faults().rateLimit(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/workflow_runs/" + runId).statusCode(), "request " + i);
        }
        HttpResponse<String> limited = http.get("/workflow_runs/" + runId);
        JsonNode body = assertFlatError(limited, 429, "RATE_LIMIT_EXCEEDED", true);
        assertEquals("Too many requests. Back off and retry.", body.get("message").asText());
        assertEquals("1", header(limited, "retry-after"));
        // refused requests do not count: after the sliding second the next one passes
        Thread.sleep(1100);
        assertEquals(200, http.get("/workflow_runs/" + runId).statusCode());
        sim.faults().rateLimit(0);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, http.get("/workflow_runs/" + runId).statusCode());
        }
    }

    @Test
    void rateLimitedCancelDoesNotCancel() {
        sim.faults().rateLimit(1);
        // cancels count against WRITE, a bucket of its own: another cancel spends it
        assertEquals(200, http.cancel(sim.seedRun("PROCESSING")).statusCode());
        assertEquals(429, http.cancel(runId).statusCode());
        assertEquals("PROCESSING", sim.status(runId));
    }

    @Test
    void serverErrorsUseTheDocumentedBodyAndChangeNothing() {
        sim.faults().serverErrorRate(1.0);
        JsonNode body = assertFlatError(http.cancel(runId), 500, "INTERNAL_ERROR", true);
        assertFalse(body.get("message").asText().isBlank());
        assertEquals("PROCESSING", sim.status(runId));
        sim.faults().serverErrorStatus(503);
        assertFlatError(http.get("/workflow_runs/" + runId), 503, "INTERNAL_ERROR", true);
        assertEquals(Outcome.SERVER_ERROR, sim.journal().get(1).outcome());
        assertThrows(IllegalArgumentException.class, () -> sim.faults().serverErrorStatus(404));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().serverErrorRate(1.5));
    }

    @Test
    void processBeforeFaultAppliesTheCancelAndLosesTheAnswer() {
        sim.faults().serverErrorRate(1.0).processBeforeFault(true);
        assertEquals(500, http.cancel(runId).statusCode());
        assertEquals("CANCELLED", sim.status(runId));
    }

    /** A share of 5xx, drawn from the seeded Random: the same seed gives the same sequence. */
    @Test
    void faultDrawsAreReproducible() {
        List<Integer> first = statuses(sim, 40);
        assertTrue(first.contains(200) && first.contains(500), first.toString());
        long errors = first.stream().filter(s -> s == 500).count();
        assertTrue(errors > 8 && errors < 32, "about half: " + errors);
        sim.faults().clear();
        assertEquals(first, statuses(sim, 40), "clear() re-seeds");
        try (ExtendSimulator same = ExtendSimulator.builder().seed(42).build().start();
                ExtendSimulator other = ExtendSimulator.builder().seed(43).build().start()) {
            same.seedRun("PROCESSING");
            other.seedRun("PROCESSING");
            assertEquals(first, statuses(same, 40));
            assertNotEquals(first, statuses(other, 40));
        }
    }

    private static List<Integer> statuses(ExtendSimulator s, int n) {
        s.faults().serverErrorRate(0.5);
        SimHttp h = new SimHttp(s);
        String id = s.runIds().get(0);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(h.get("/workflow_runs/" + id).statusCode());
        }
        return out;
    }

    @Test
    void connectionResetGivesAnIOExceptionWithoutResponse() {
        sim.faults().resetAfterRequestRate(1.0);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> http.cancel(runId));
        assertInstanceOf(IOException.class, e.getCause());
        RecordedRequest rec = sim.journal().get(0);
        assertEquals(Outcome.CONNECTION_RESET, rec.outcome());
        assertEquals(0, rec.responseStatus());
        assertEquals("POST", rec.method());
        assertEquals("PROCESSING", sim.status(runId), "the reset request was not processed");
        // java.net.http silently re-sends an idempotent GET once on a new connection: both are reset
        assertThrows(UncheckedIOException.class, () -> http.get("/workflow_runs/" + runId));
        assertTrue(sim.journal().stream().skip(1).allMatch(r -> r.outcome() == Outcome.CONNECTION_RESET));
        sim.faults().clear();
        assertEquals(200, http.get("/workflow_runs/" + runId).statusCode(), "the server survives resets");
    }

    @Test
    void resetWithProcessBeforeFaultCancelsTheRun() {
        sim.faults().resetAfterRequestRate(1.0).processBeforeFault(true);
        assertThrows(UncheckedIOException.class, () -> http.cancel(runId));
        assertEquals("CANCELLED", sim.status(runId));
    }

    @Test
    void neverAnswerMakesTheClientTimeOut() {
        sim.faults().neverAnswerRate(1.0);
        long t0 = System.nanoTime();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> http.send(http
                .request("/workflow_runs/" + runId + "/cancel").timeout(Duration.ofMillis(400))
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertTrue(System.nanoTime() - t0 >= 350_000_000L);
        assertEquals(Outcome.NEVER_ANSWERED, sim.journal().get(0).outcome());
        assertEquals("PROCESSING", sim.status(runId));
        sim.faults().clear();
        assertEquals(200, http.get("/workflow_runs/" + runId).statusCode());
    }

    @Test
    void malformedBodiesKeepTheStatusButAreNotJson() {
        sim.faults().malformedBodyRate(1.0);
        HttpResponse<String> r = http.get("/workflow_runs/" + runId);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "content-type").startsWith("application/json"));
        assertTrue(r.body().startsWith("{\"object\":\"workflow_run\""), r.body());
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(r.body()));
        assertEquals(Outcome.MALFORMED_BODY, sim.journal().get(0).outcome());
        // error answers stay intact
        assertEquals("NOT_FOUND", json(http.get("/workflow_runs/nope")).get("code").asText());
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sim.faults().latency(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertEquals(200, http.get("/workflow_runs/" + runId).statusCode());
        assertEquals(404, http.get("/workflow_runs/nope").statusCode());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 600, "two answers of >= 300 ms took " + ms + " ms");
        sim.faults().latency(Duration.ofMillis(50), Duration.ofMillis(100));
        t0 = System.nanoTime();
        http.get("/workflow_runs/" + runId);
        ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 50 && ms < 2000, ms + " ms");
        assertThrows(IllegalArgumentException.class,
                () -> sim.faults().latency(Duration.ofMillis(5), Duration.ofMillis(1)));
    }

    @Test
    void scriptedAnswersAreUsedOnceInOrder() {
        sim.respondNext(503, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"down\",\"retryable\":true}",
                Map.of("Retry-After", "2"));
        sim.respondNext(200, "plain text", Map.of("Content-Type", "text/plain"));
        sim.resetNext();
        HttpResponse<String> first = http.cancel(runId);
        assertEquals(503, first.statusCode());
        assertEquals("2", header(first, "retry-after"));
        assertEquals("down", json(first).get("message").asText());
        assertTrue(header(first, ExtendSimulator.REQUEST_ID_HEADER).startsWith("req_"));
        HttpResponse<String> second = http.get("/anything");
        assertEquals(200, second.statusCode());
        assertEquals("plain text", second.body());
        assertEquals("text/plain", header(second, "content-type"));
        assertThrows(UncheckedIOException.class, () -> http.cancel(runId));
        // the queue is empty again: the API answers
        assertEquals("CANCELLED", json(http.cancel(runId)).get("status").asText());
        assertEquals(List.of(Outcome.SCRIPTED, Outcome.SCRIPTED, Outcome.CONNECTION_RESET, Outcome.ANSWERED),
                sim.journal().stream().map(RecordedRequest::outcome).toList());
    }

    @Test
    void neverAnswerNextThenNormalService() {
        sim.neverAnswerNext();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> http.send(http
                .request("/workflow_runs/" + runId).timeout(Duration.ofMillis(300)).GET().build()));
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertEquals(200, http.get("/workflow_runs/" + runId).statusCode());
    }

    @Test
    void clearTurnsEverythingOff() {
        sim.faults().latency(Duration.ofSeconds(1)).serverErrorRate(1).resetAfterRequestRate(1).neverAnswerRate(1)
                .malformedBodyRate(1).rateLimit(1).processBeforeFault(true).clear();
        assertEquals(Duration.ZERO, sim.faults().latencyMax());
        assertEquals(0, sim.faults().rateLimit());
        assertFalse(sim.faults().processBeforeFault());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = http.get("/workflow_runs/" + runId);
            assertEquals(200, r.statusCode());
            assertTrue(fields(json(r)).containsAll(Set.of("id", "status")));
        }
    }
}
