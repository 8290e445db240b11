package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list cursor while runs change between pages: the keyset semantics a batch fan-out relies on, and runs that the
 * clock moves (lifecycle) or that are deleted.
 */
class ListCursorTest {

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

    JsonNode list(String query) {
        HttpResponse<String> r = http.get("/workflow_runs?" + query);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    /**
     * The batch fan-out: page through {@code status=PROCESSING} of a batch and cancel each page before asking for the
     * next. Every run is met exactly once, whatever the order, and all end CANCELLED.
     */
    @ParameterizedTest
    @ValueSource(strings = { "", "&sortDir=asc", "&sortBy=createdAt", "&sortBy=createdAt&sortDir=asc" })
    void cancellingEachPageBeforeTheNextMeetsEveryRunOnce(String order) {
        String batchId = sim.seedBatch(250, "workflow_fanout", "PROCESSING", "PENDING", "PROCESSED");
        sim.seedBatch(40, "workflow_fanout", "PROCESSING"); // another batch of the same workflow: not listed
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = list("batchId=" + batchId + "&status=PROCESSING&maxPageSize=30" + order
                    + (token == null ? "" : "&nextPageToken=" + token));
            pages++;
            for (String id : ids(page)) {
                seen.add(id);
                assertEquals(200, http.cancel(id).statusCode());
            }
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null && pages < 20);
        assertEquals(84, seen.size(), "250 runs cycling 3 statuses: 84 PROCESSING");
        assertEquals(84, new HashSet<>(seen).size(), "no run listed twice");
        assertEquals(3, pages);
        assertEquals(0, list("batchId=" + batchId + "&status=PROCESSING").get("data").size());
        seen.forEach(id -> assertEquals("CANCELLED", sim.status(id)));
    }

    /**
     * Sorted by updatedAt ascending, a run that changes after it was listed moves ahead of the cursor; it is not listed
     * a second time there, nor is a run that changed before its turn: a listing shows the runs as they stood when it
     * began. Sorted by createdAt, runs keep their places and are listed as they are now.
     */
    @Test
    void changedRunsAreNotListedTwiceEvenWhenTheyMoveAheadOfTheCursor() {
        String batchId = sim.seedBatch(30, null, "PROCESSING");
        JsonNode first = list("batchId=" + batchId + "&maxPageSize=10&sortDir=asc");
        List<String> firstIds = ids(first);
        sim.clock().advance(Duration.ofSeconds(1));
        firstIds.forEach(id -> assertEquals(200, http.cancel(id).statusCode()));
        List<String> rest = new ArrayList<>();
        String token = first.get("nextPageToken").asText();
        for (int i = 0; token != null && i < 10; i++) {
            JsonNode page = list("batchId=" + batchId + "&maxPageSize=10&sortDir=asc&nextPageToken=" + token);
            rest.addAll(ids(page));
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        }
        assertEquals(20, rest.size(), rest.toString());
        Set<String> all = new HashSet<>(firstIds);
        all.addAll(rest);
        assertEquals(30, all.size());
        // a new listing shows the cancelled runs, now the most recently updated, at the end
        List<String> fresh = ids(list("batchId=" + batchId + "&maxPageSize=100&sortDir=asc"));
        assertEquals(Set.copyOf(firstIds), Set.copyOf(fresh.subList(20, 30)));
    }

    @Test
    void lifecycleRunsAreListedWhereTheClockHasMovedThem() {
        sim.lifecycle(Duration.ofSeconds(1), Duration.ofSeconds(10));
        String old = sim.seedRun("PROCESSED", "workflow_life", null, Map.of());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(sim.createRun("workflow_life", Map.of()));
        }
        assertEquals(3, list("workflowId=workflow_life&status=PENDING").get("data").size());
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals(3, list("workflowId=workflow_life&status=PROCESSING").get("data").size());
        assertEquals(0, list("workflowId=workflow_life&status=PENDING").get("data").size());
        sim.clock().advance(Duration.ofSeconds(10));
        JsonNode done = list("workflowId=workflow_life&status=PROCESSED");
        assertEquals(4, done.get("data").size());
        // newest updatedAt first: the three that just finished, then the seeded one
        assertEquals(Set.copyOf(created), Set.copyOf(ids(done).subList(0, 3)));
        assertEquals(old, ids(done).get(3));
        assertEquals(T0.plusSeconds(11).toString(), done.get("data").get(0).get("updatedAt").asText());
    }

    @Test
    void cancellingMovesARunToTheFrontAndDeletingRemovesIt() {
        sim.cancelDelay(Duration.ofSeconds(5));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(sim.seedRun("PROCESSING"));
        }
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals(200, http.cancel(ids.get(2)).statusCode());
        JsonNode cancelling = list("status=CANCELLING");
        assertEquals(List.of(ids.get(2)), ids(cancelling));
        assertEquals(ids.get(2), ids(list("maxPageSize=1")).get(0));
        sim.clock().advance(Duration.ofSeconds(5));
        assertEquals(List.of(ids.get(2)), ids(list("status=CANCELLED")));
        assertEquals(0, list("status=CANCELLING").get("data").size());
        assertEquals(200, http.send(http.request("/workflow_runs/" + ids.get(2)).DELETE().build()).statusCode());
        assertEquals(0, list("status=CANCELLED").get("data").size());
        assertFalse(ids(list("maxPageSize=100")).contains(ids.get(2)));
        assertEquals(4, list("maxPageSize=100").get("data").size());
        sim.clearRuns();
        assertEquals(0, list("").get("data").size());
        assertTrue(sim.runIds().isEmpty());
    }

    @Test
    void updatingMetadataMovesARunToTheFront() {
        String a = sim.seedRun("PROCESSED");
        String b = sim.seedRun("PROCESSED");
        String first = ids(list("maxPageSize=1")).get(0);
        String other = first.equals(a) ? b : a;
        sim.clock().advance(Duration.ofSeconds(1));
        assertEquals(200, http.post("/workflow_runs/" + other, "{\"metadata\":{\"k\":1}}").statusCode());
        assertEquals(List.of(other, first), ids(list("")));
    }
}
