package dev.camelextend.simulator.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorBuilder;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /workflow_runs/{id}/cancel. */
class CancelTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    ExtendSimulator sim;
    SimHttp http;

    ExtendSimulator start(SimulatorBuilder builder) {
        sim = builder.clock(SimulatorClock.manual(T0)).build().start();
        http = new SimHttp(sim);
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "PENDING", "PROCESSING" })
    void cancelWithZeroDelayAnswersCancelled(String status) {
        start(ExtendSimulator.builder());
        String id = sim.seedRun(status);
        HttpResponse<String> r = http.cancel(id);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode run = json(r);
        assertEquals("CANCELLED", run.get("status").asText());
        assertEquals(id, run.get("id").asText());
        assertEquals(T0.toString(), run.get("endTime").asText());
        assertEquals("CANCELLED", sim.status(id));
        assertEquals("CANCELLED", json(http.get("/workflow_runs/" + id)).get("status").asText());
        if (status.equals("PROCESSING")) {
            // the extract step that was running is cancelled; the parse step had finished
            assertEquals("CANCELLED", run.get("stepRuns").get(1).get("status").asText());
        } else {
            assertEquals(0, run.get("stepRuns").size());
        }
    }

    @Test
    void cancelAcceptsAnEmptyJsonObjectAndRefusesOtherBodies() {
        start(ExtendSimulator.builder());
        String a = sim.seedRun("PROCESSING");
        assertEquals(200, http.post("/workflow_runs/" + a + "/cancel", "{}").statusCode());
        String b = sim.seedRun("PROCESSING");
        assertFlatErrorWithDocUrl(http.post("/workflow_runs/" + b + "/cancel", "nope"));
        assertFlatErrorWithDocUrl(http.post("/workflow_runs/" + b + "/cancel", "[1]"));
        assertEquals("PROCESSING", sim.status(b));
    }

    private static void assertFlatErrorWithDocUrl(HttpResponse<String> r) {
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_REQUEST", json(r).get("code").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "PROCESSED", "FAILED", "NEEDS_REVIEW", "REJECTED", "CANCELLED", "CANCELLING" })
    void cancelOfARunThatIsNotPendingOrProcessingIsRefusedWith400ByDefault(String status) {
        start(ExtendSimulator.builder());
        String id = sim.seedRun(status);
        JsonNode body = assertFlatError(http.cancel(id), 400, "INVALID_REQUEST", false);
        assertTrue(body.get("message").asText().contains(id), body.toString());
        assertTrue(body.get("message").asText().contains(status.equals("CANCELLING") ? "already being cancelled"
                : "cannot cancel terminal run"), body.toString());
        assertEquals(status, sim.status(id), "a refused cancel changes nothing");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 409, 422 })
    void refusalStatusIsConfigurable(int refusal) {
        start(ExtendSimulator.builder().cancelRefusalStatus(refusal));
        assertFlatError(http.cancel(sim.seedRun("PROCESSED")), refusal, "INVALID_REQUEST", false);
    }

    @Test
    void refusalStatusCanBeSwitchedAtRunTimeAndOnlyTo400409Or422() {
        start(ExtendSimulator.builder());
        String id = sim.seedRun("FAILED");
        assertEquals(400, http.cancel(id).statusCode());
        sim.cancelRefusalStatus(409);
        assertEquals(409, http.cancel(id).statusCode());
        sim.cancelRefusalStatus(422);
        assertEquals(422, http.cancel(id).statusCode());
        assertThrows(IllegalArgumentException.class, () -> sim.cancelRefusalStatus(500));
        assertThrows(IllegalArgumentException.class, () -> ExtendSimulator.builder().cancelRefusalStatus(404));
    }

    @Test
    void cancelDelayGoesThroughCancelling() {
        start(ExtendSimulator.builder().cancelDelay(Duration.ofSeconds(5)));
        String id = sim.seedRun("PROCESSING");
        JsonNode answer = json(http.cancel(id));
        assertEquals("CANCELLING", answer.get("status").asText());
        assertTrue(answer.get("endTime").isNull());
        assertTrue(answer.get("usage").isNull());
        // a second cancel while CANCELLING is refused
        assertFlatError(http.cancel(id), 400, "INVALID_REQUEST", false);
        sim.clock().advance(Duration.ofMillis(4999));
        assertEquals("CANCELLING", json(http.get("/workflow_runs/" + id)).get("status").asText());
        sim.clock().advance(Duration.ofMillis(1));
        JsonNode done = json(http.get("/workflow_runs/" + id));
        assertEquals("CANCELLED", done.get("status").asText());
        assertEquals(T0.plusSeconds(5).toString(), done.get("endTime").asText());
        assertEquals(3.5 - 2.0, done.get("usage").get("credits").asDouble(), 1e-9, "only the parse step is billed");
    }

    @Test
    void cancelDelayCanBeChangedAtRunTime() {
        start(ExtendSimulator.builder());
        sim.cancelDelay(Duration.ofSeconds(1));
        String id = sim.seedRun("PENDING");
        assertEquals("CANCELLING", json(http.cancel(id)).get("status").asText());
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals("CANCELLED", sim.status(id));
    }

    @Test
    void cancelWinsOverTheLifecycle() {
        start(ExtendSimulator.builder().processingDuration(Duration.ofSeconds(10)));
        String id = sim.createRun("workflow_abc", null);
        sim.clock().advance(Duration.ofSeconds(3));
        assertEquals("CANCELLED", json(http.cancel(id)).get("status").asText());
        sim.clock().advance(Duration.ofMinutes(5));
        assertEquals("CANCELLED", sim.status(id));
    }

    @Test
    void cancelUsesTheRawSdkStyleRequestWithoutContentType() {
        start(ExtendSimulator.builder());
        String id = sim.seedRun("PROCESSING");
        HttpResponse<String> r = http.send(http.request("/workflow_runs/" + id + "/cancel")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, r.statusCode());
        assertEquals("", sim.journal().get(0).bodyAsString());
        assertEquals(null, sim.journal().get(0).header("content-type"));
    }
}
