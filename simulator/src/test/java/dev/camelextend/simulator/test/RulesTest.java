package dev.camelextend.simulator.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.header;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication, the version header, request IDs and the flat error body. */
class RulesTest {

    static ExtendSimulator sim;
    static SimHttp http;
    static String runId;

    @BeforeAll
    static void start() {
        sim = ExtendSimulator.builder().apiKey("sk_test_rules").build().start();
        http = new SimHttp(sim);
        runId = sim.seedRun("PROCESSING");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** The documented 2026-02-09 error body: exactly code, message, retryable, requestId; the header echoes the ID. */
    static JsonNode assertFlatError(HttpResponse<String> r, int status, String code, boolean retryable) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(header(r, "content-type").startsWith("application/json"));
        JsonNode body = json(r);
        assertEquals(Set.of("code", "message", "retryable", "requestId"), fields(body), r.body());
        assertEquals(code, body.get("code").asText());
        assertEquals(retryable, body.get("retryable").asBoolean());
        assertTrue(body.get("retryable").isBoolean());
        assertFalse(body.get("message").asText().isBlank());
        assertTrue(body.get("requestId").asText().matches("req_[A-Za-z0-9]{20}"), body.get("requestId").asText());
        assertEquals(body.get("requestId").asText(), header(r, ExtendSimulator.REQUEST_ID_HEADER));
        return body;
    }

    @Test
    void missingAuthorizationIs401() {
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/" + runId)
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION).GET().build());
        assertFlatError(r, 401, "UNAUTHORIZED", false);
    }

    @Test
    void wrongKeyIs401WithTheDocumentedMessage() {
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/" + runId)
                .header("Authorization", "Bearer sk_test_wrong")
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION).GET().build());
        JsonNode body = assertFlatError(r, 401, "UNAUTHORIZED", false);
        assertEquals("Invalid API key", body.get("message").asText());
    }

    @Test
    void keyWithoutBearerSchemeIs401() {
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/" + runId)
                .header("Authorization", "sk_test_rules")
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION).GET().build());
        assertFlatError(r, 401, "UNAUTHORIZED", false);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/" + runId)
                .header("Authorization", "bearer sk_test_rules")
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION).GET().build());
        assertEquals(200, r.statusCode());
    }

    @Test
    void unauthorizedWinsOverEverythingElse() {
        // no key and no version header, unknown run: the answer is still 401
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/workflow_run_nope/cancel")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertFlatError(r, 401, "UNAUTHORIZED", false);
    }

    @Test
    void missingVersionHeaderIs400() {
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/" + runId)
                .header("Authorization", "Bearer sk_test_rules").GET().build());
        JsonNode body = assertFlatError(r, 400, "INVALID_REQUEST", false);
        assertTrue(body.get("message").asText().contains("x-extend-api-version"), body.toString());
    }

    @Test
    void otherVersionIs400() {
        HttpResponse<String> r = http.send(http.bare("/workflow_runs/" + runId)
                .header("Authorization", "Bearer sk_test_rules")
                .header(ExtendSimulator.API_VERSION_HEADER, "2025-04-21").GET().build());
        JsonNode body = assertFlatError(r, 400, "INVALID_REQUEST", false);
        assertTrue(body.get("message").asText().contains("2025-04-21"), body.toString());
    }

    @Test
    void unknownRunIs404NotFound() {
        JsonNode body = assertFlatError(http.get("/workflow_runs/workflow_run_doesNotExist00000"), 404, "NOT_FOUND",
                false);
        assertEquals("Workflow run not found", body.get("message").asText());
        assertFlatError(http.cancel("workflow_run_doesNotExist00000"), 404, "NOT_FOUND", false);
    }

    @Test
    void unknownEndpointIs404AndWrongMethodIs405() {
        assertFlatError(http.get("/edit_runs"), 404, "NOT_FOUND", false);
        HttpResponse<String> r = http.send(http.request("/workflow_runs/" + runId + "/cancel").GET().build());
        assertFlatError(r, 405, "INVALID_REQUEST", false);
        assertEquals("POST", header(r, "allow"));
    }

    @Test
    void everyAnswerHasADistinctRequestIdHeader() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = http.get("/workflow_runs/" + runId);
            assertEquals(200, ok.statusCode());
            String id = header(ok, ExtendSimulator.REQUEST_ID_HEADER);
            assertTrue(id.matches("req_[A-Za-z0-9]{20}"), id);
            ids.add(id);
        }
        ids.add(header(http.get("/workflow_runs/nope"), ExtendSimulator.REQUEST_ID_HEADER));
        assertEquals(6, ids.size());
    }

    @Test
    void requestIdInJournalMatchesTheHeader() {
        HttpResponse<String> r = http.get("/workflow_runs/" + runId);
        String id = header(r, ExtendSimulator.REQUEST_ID_HEADER);
        assertTrue(sim.journal().stream().anyMatch(e -> e.requestId().equals(id) && e.responseStatus() == 200));
    }
}
