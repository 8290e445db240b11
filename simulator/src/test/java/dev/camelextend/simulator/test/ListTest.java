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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /workflow_runs: filters, sorting, pagination. */
class ListTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static ExtendSimulator sim;
    static SimHttp http;
    static final List<String> processed = new ArrayList<>();
    static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void start() {
        sim = ExtendSimulator.builder().clock(SimulatorClock.manual(T0)).build().start();
        http = new SimHttp(sim);
        for (int i = 0; i < 23; i++) {
            processed.add(sim.seedRun("PROCESSED", "workflow_a", i % 2 == 0 ? "batch_even" : null, Map.of("i", i)));
        }
        sim.seedRun("FAILED", "workflow_b", null, Map.of());
        sim.seedRun("PENDING", "workflow_b", "batch_even", Map.of());
        for (int i = 0; i < 3; i++) {
            sim.clock().advance(Duration.ofSeconds(1));
            created.add(sim.createRun("workflow_c", Map.of()));
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static JsonNode list(String query) {
        HttpResponse<String> r = http.get("/workflow_runs" + query);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** Follows nextPageToken; returns the IDs in order. */
    static List<String> all(String filters, int pageSize, int expectedPages) {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String q = "?maxPageSize=" + pageSize + filters + (token == null ? "" : "&nextPageToken=" + token);
            JsonNode page = list(q);
            pages++;
            assertEquals("list", page.get("object").asText());
            assertTrue(page.get("data").size() <= pageSize);
            page.get("data").forEach(s -> ids.add(s.get("id").asText()));
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
            if (token != null) {
                assertEquals(pageSize, page.get("data").size(), "only the last page may be short");
            }
        } while (token != null && pages < 100);
        assertEquals(expectedPages, pages);
        return ids;
    }

    @Test
    void paginationVisitsEveryRunOnce() {
        List<String> ids = all("", 10, 3);
        assertEquals(28, ids.size());
        assertEquals(28, new HashSet<>(ids).size());
        assertEquals(new HashSet<>(sim.runIds()), new HashSet<>(ids));
    }

    @Test
    void lastPageHasNoToken() {
        JsonNode page = list("?maxPageSize=1000");
        assertEquals(28, page.get("data").size());
        assertFalse(page.has("nextPageToken"));
        assertEquals(Set.of("object", "data"), fields(page));
    }

    @Test
    void defaultPageSizeIsTen() {
        JsonNode page = list("");
        assertEquals(10, page.get("data").size());
        assertTrue(page.get("nextPageToken").asText().length() > 10);
    }

    @Test
    void summariesHaveTheWorkflowRunSummaryFields() {
        JsonNode s = list("?maxPageSize=1").get("data").get(0);
        assertEquals(new java.util.TreeSet<>(List.of("object", "id", "status", "workflow", "workflowVersion",
                "dashboardUrl", "reviewedByUser", "reviewedAt", "initialRunAt", "startTime", "endTime", "batchId",
                "rejectionNote", "files", "createdAt", "updatedAt", "usage")), fields(s));
    }

    @Test
    void filtersByStatusWorkflowAndBatch() {
        assertEquals(new HashSet<>(processed), new HashSet<>(all("&status=PROCESSED", 5, 5)));
        assertEquals(2, list("?workflowId=workflow_b").get("data").size());
        JsonNode batch = list("?batchId=batch_even&maxPageSize=100");
        assertEquals(13, batch.get("data").size());
        batch.get("data").forEach(s -> assertEquals("batch_even", s.get("batchId").asText()));
        JsonNode combined = list("?batchId=batch_even&workflowId=workflow_b&status=PENDING");
        assertEquals(1, combined.get("data").size());
        assertEquals(0, list("?status=CANCELLING").get("data").size());
        assertEquals(3, list("?fileNameContains=DOCUMENT").get("data").size());
    }

    @Test
    void sortsByCreatedAtBothWays() {
        List<String> asc = all("&workflowId=workflow_c&sortBy=createdAt&sortDir=asc", 2, 2);
        assertEquals(created, asc);
        List<String> desc = all("&workflowId=workflow_c&sortBy=createdAt", 2, 2);
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)), desc);
    }

    @Test
    void newestUpdatedFirstByDefault() {
        JsonNode first = list("?maxPageSize=1").get("data").get(0);
        assertEquals(created.get(2), first.get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "?maxPageSize=0", "?maxPageSize=1001", "?maxPageSize=ten", "?status=DONE",
            "?sortBy=name", "?sortDir=up", "?nextPageToken=bm90LWEtdG9rZW4" })
    void invalidParametersAre400(String query) {
        HttpResponse<String> r = http.get("/workflow_runs" + query);
        assertEquals(400, r.statusCode(), query);
        assertEquals("INVALID_REQUEST", json(r).get("code").asText());
    }

    @Test
    void aTokenOfOtherSortParametersIsRefused() {
        String token = list("?maxPageSize=2").get("nextPageToken").asText();
        assertEquals(400, http.get("/workflow_runs?sortDir=asc&nextPageToken=" + token).statusCode());
        assertEquals(200, http.get("/workflow_runs?nextPageToken=" + token).statusCode());
    }
}
