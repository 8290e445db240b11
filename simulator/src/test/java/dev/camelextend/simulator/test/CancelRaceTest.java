package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An accepted cancel that loses the race: CANCELLING, then the run's own outcome instead of CANCELLED. */
class CancelRaceTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    ExtendSimulator sim;
    SimHttp http;

    ExtendSimulator start(long seed) {
        sim = ExtendSimulator.builder().seed(seed).clock(SimulatorClock.manual(T0)).build().start();
        http = new SimHttp(sim);
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    JsonNode get(String id) {
        HttpResponse<String> r = http.get("/workflow_runs/" + id);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @Test
    void theCancelIsAcceptedAsCancellingAndTheRunSettlesAtItsOutcomeWhenTheDelayEnds() {
        start(42).cancelDelay(Duration.ofSeconds(5));
        String id = sim.seedRun("PROCESSING");
        sim.cancelLosesRace(id, "PROCESSED");
        JsonNode answer = json(http.cancel(id));
        assertEquals("CANCELLING", answer.get("status").asText());
        assertTrue(answer.get("endTime").isNull());
        assertFlatError(http.cancel(id), 400, "INVALID_REQUEST", false); // CANCELLING: already being cancelled
        sim.clock().advance(Duration.ofMillis(4999));
        assertEquals("CANCELLING", get(id).get("status").asText());
        sim.clock().advance(Duration.ofMillis(1));
        JsonNode done = get(id);
        assertEquals("PROCESSED", done.get("status").asText());
        assertEquals(T0.plusSeconds(5).toString(), done.get("endTime").asText());
        assertEquals(3.5, done.get("usage").get("credits").asDouble(), 1e-9, "both steps ran and are billed");
        done.get("stepRuns").forEach(s -> assertEquals("PROCESSED", s.get("status").asText()));
        JsonNode refused = assertFlatError(http.cancel(id), 400, "INVALID_REQUEST", false);
        assertTrue(refused.get("message").asText().contains("cannot cancel terminal run"), refused.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "FAILED", "NEEDS_REVIEW", "PROCESSED" })
    void theRunSettlesAtTheOutcomeGivenAndListsFollow(String outcome) {
        start(42).cancelDelay(Duration.ofSeconds(2));
        String id = sim.seedRun("PENDING");
        String other = sim.seedRun("PROCESSING");
        sim.cancelLosesRace(id, outcome);
        assertEquals("CANCELLING", json(http.cancel(id)).get("status").asText());
        assertEquals("CANCELLING", json(http.cancel(other)).get("status").asText());
        assertEquals(2, json(http.get("/workflow_runs?status=CANCELLING")).get("data").size());
        sim.clock().advance(Duration.ofSeconds(2));
        assertEquals(outcome, sim.status(id));
        assertEquals("CANCELLED", sim.status(other), "only the run marked loses");
        JsonNode listed = json(http.get("/workflow_runs?status=" + outcome));
        assertEquals(id, listed.get("data").get(0).get("id").asText());
        assertEquals(outcome.equals("FAILED"), !sim.run(id).get("failureReason").isNull());
    }

    @Test
    void withoutACancelDelayTheAnswerStillSaysCancellingAndTheNextReadTheOutcome() {
        start(42);
        String id = sim.seedRun("PROCESSING");
        sim.cancelLosesRace(id, "FAILED");
        assertEquals("CANCELLING", json(http.cancel(id)).get("status").asText());
        assertEquals("FAILED", get(id).get("status").asText());
        assertEquals(T0.toString(), get(id).get("endTime").asText());
    }

    @Test
    void theMarkCanBeRemovedAndIsChecked() {
        start(42);
        String id = sim.seedRun("PROCESSING");
        sim.cancelLosesRace(id, "PROCESSED").cancelLosesRace(id, null);
        assertEquals("CANCELLED", json(http.cancel(id)).get("status").asText());
        assertThrows(NoSuchElementException.class, () -> sim.cancelLosesRace("workflow_run_nope", "PROCESSED"));
        String other = sim.seedRun("PROCESSING");
        assertThrows(IllegalArgumentException.class, () -> sim.cancelLosesRace(other, "CANCELLED"));
        assertThrows(IllegalArgumentException.class, () -> sim.cancelLosesRace(other, "REJECTED"));
        String extract = sim.seedProcessorRun("extract", "PROCESSING");
        assertThrows(NoSuchElementException.class, () -> sim.cancelLosesRace(extract, "PROCESSED"),
                "processor runs have no CANCELLING, so no race to lose");
    }

    /** Which runs lose depends on the seed and the run, not on the order of the cancels. */
    @Test
    void aRateLosesASeededShareOfTheRacesAndTheSameRunsWhateverTheOrder() {
        Set<String> losersInOrder = losers(42, false);
        assertTrue(losersInOrder.size() > 10 && losersInOrder.size() < 50, "about half of 60: " + losersInOrder.size());
        assertEquals(losersInOrder, losers(42, true), "deterministic per run");
        assertNotEquals(losersInOrder, losers(43, false), "another seed, other losers");
    }

    private Set<String> losers(long seed, boolean shuffled) {
        try (ExtendSimulator s = ExtendSimulator.builder().seed(seed).clock(SimulatorClock.manual(T0)).build()
                .start()) {
            s.faults().cancelLosesRaceRate(0.5);
            SimHttp h = new SimHttp(s);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ids.add(s.seedRun("PROCESSING"));
            }
            List<String> order = new ArrayList<>(ids);
            if (shuffled) {
                Collections.shuffle(order, new Random(1));
            }
            Set<String> lost = new TreeSet<>();
            for (String id : order) {
                String answer = json(h.cancel(id)).get("status").asText();
                String settled = s.status(id);
                if (settled.equals("PROCESSED")) {
                    assertEquals("CANCELLING", answer, "a lost race is accepted first");
                    lost.add(Integer.toString(ids.indexOf(id)));
                } else {
                    assertEquals("CANCELLED", settled);
                }
            }
            return lost;
        }
    }

    @Test
    void aLifecycleRunThatLosesSettlesAtItsPlannedOutcome() {
        start(42).cancelDelay(Duration.ofSeconds(1)).faults().cancelLosesRaceRate(1.0);
        String failing = sim.createRun("workflow_race", Map.of(ExtendSimulator.OUTCOME_METADATA_KEY, "FAILED"));
        String seeded = sim.seedRun("PENDING");
        assertEquals("CANCELLING", json(http.cancel(failing)).get("status").asText());
        assertEquals("CANCELLING", json(http.cancel(seeded)).get("status").asText());
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals("FAILED", sim.status(failing));
        assertEquals("PROCESSED", sim.status(seeded), "a seeded run has no planned outcome: PROCESSED");
        assertEquals(1.0, sim.faults().cancelLosesRaceRate());
        sim.reset();
        assertEquals(0.0, sim.faults().cancelLosesRaceRate(), "reset() turns it off");
        String later = sim.seedRun("PROCESSING");
        sim.cancelDelay(Duration.ZERO);
        assertEquals("CANCELLED", json(http.cancel(later)).get("status").asText());
        assertThrows(IllegalArgumentException.class, () -> sim.faults().cancelLosesRaceRate(1.5));
        assertFalse(sim.faults().toString().isEmpty());
    }
}
