package dev.camelextend.simulator.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook management API as the TypeScript SDK types it (extend-ai 1.17.0 {@code WebhookEndpoint},
 * {@code WebhookEndpointCreate}, {@code WebhookSubscription} and the create, list, retrieve, update and delete requests
 * of {@code webhookEndpoints} and {@code webhookSubscriptions}). Nothing here is delivered: the URLs are never called.
 */
class WebhookApiTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final String WORKFLOW = ExtendSimulator.DEFAULT_WORKFLOW_ID;

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

    static String endpointBody(String url) {
        return "{\"url\":\"" + url + "\",\"name\":\"Cancel pipeline\",\"enabledEvents\":[],\"apiVersion\":\""
                + ExtendSimulator.API_VERSION + "\"}";
    }

    JsonNode createEndpoint(String body) {
        HttpResponse<String> r = http.post("/webhook_endpoints", body);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    JsonNode subscribe(String endpointId, String resourceId, String... events) {
        HttpResponse<String> r = http.post("/webhook_subscriptions", subscriptionBody(endpointId, resourceId, events));
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    static String subscriptionBody(String endpointId, String resourceId, String... events) {
        StringBuilder list = new StringBuilder();
        for (String e : events) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(e).append('"');
        }
        return "{\"webhookEndpointId\":\"" + endpointId + "\",\"resourceType\":\"workflow\",\"resourceId\":\""
                + resourceId + "\",\"enabledEvents\":[" + list + "]}";
    }

    HttpResponse<String> delete(String path) {
        return http.send(http.request(path).DELETE().build());
    }

    @Test
    void createAnswersTheEndpointWithItsSigningSecretOnceAndNeverAgain() {
        JsonNode created = createEndpoint("""
                {"url":"http://127.0.0.1:9/hooks","name":"Cancel pipeline","enabledEvents":["extract_run.processed",
                 "workflow.created"],"apiVersion":"2026-02-09","advancedOptions":{"headers":{"X-Team":"billing"},
                 "payload":{"format":"url","urlThresholdBytes":1024}}}""");
        assertEquals(Set.of("object", "id", "url", "name", "status", "enabledEvents", "apiVersion", "advancedOptions",
                "signingSecret", "createdAt", "createdBy"), fields(created), "WebhookEndpointCreate");
        assertEquals("webhook_endpoint", created.get("object").asText());
        String id = created.get("id").asText();
        assertTrue(id.matches("wh_[A-Za-z0-9]{20}"), id);
        assertEquals("http://127.0.0.1:9/hooks", created.get("url").asText());
        assertEquals("Cancel pipeline", created.get("name").asText());
        assertEquals("enabled", created.get("status").asText(), "the default status");
        assertEquals(List.of("extract_run.processed", "workflow.created"), texts(created.get("enabledEvents")));
        assertEquals("2026-02-09", created.get("apiVersion").asText());
        assertEquals("billing", created.at("/advancedOptions/headers/X-Team").asText());
        assertEquals("url", created.at("/advancedOptions/payload/format").asText());
        assertEquals(1024, created.at("/advancedOptions/payload/urlThresholdBytes").asInt());
        assertTrue(created.get("signingSecret").asText().matches("wss_[A-Za-z0-9]{32}"), created.toString());
        assertEquals(T0.toString(), created.get("createdAt").asText());
        assertEquals("api_key", created.at("/createdBy/type").asText());

        JsonNode got = json(http.get("/webhook_endpoints/" + id));
        assertFalse(got.has("signingSecret"), "WebhookEndpoint has no secret: " + got);
        assertEquals(fields(created), union(fields(got), "signingSecret"));
        JsonNode listed = json(http.get("/webhook_endpoints")).get("data").get(0);
        assertFalse(listed.has("signingSecret"));
        assertEquals(got, listed);
        assertFalse(http.get("/webhook_endpoints").body().contains("wss_"));
    }

    @Test
    void anEndpointWithoutAdvancedOptionsHasThemNullAndTwoEndpointsHaveTwoSecrets() {
        JsonNode a = createEndpoint(endpointBody("http://127.0.0.1:9/a"));
        JsonNode b = createEndpoint(endpointBody("https://localhost:8443/b"));
        assertTrue(a.get("advancedOptions").isNull());
        assertNotEquals(a.get("id"), b.get("id"));
        assertNotEquals(a.get("signingSecret"), b.get("signingSecret"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "workflow_run.cancelled", "workflow_run.completed", "workflow_run.step_run.processed" })
    void workflowRunEventsAreNotGlobalEvents(String event) {
        HttpResponse<String> r = http.post("/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\","
                + "\"enabledEvents\":[\"extract_run.processed\",\"" + event + "\"],\"apiVersion\":\"2026-02-09\"}");
        JsonNode err = assertValidationError(r);
        assertTrue(err.get("message").asText().contains(event), err.toString());
        assertTrue(err.get("message").asText().contains("subscription"), err.toString());
        assertTrue(err.get("message").asText().endsWith("Path: enabledEvents[1]"), err.toString());
        assertEquals(0, json(http.get("/webhook_endpoints")).get("data").size(), "nothing was created");
    }

    @Test
    void badEndpointBodiesAreValidationErrors() {
        List<String> bodies = List.of("", "[]", "{\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"ftp://127.0.0.1/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"not a url\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\" \",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":\"extract_run.processed\","
                        + "\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[\"no.such_event\"],"
                        + "\"apiVersion\":\"2026-02-09\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[]}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2025-04-21\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\","
                        + "\"status\":\"paused\"}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\","
                        + "\"advancedOptions\":{\"payload\":{\"format\":\"xml\"}}}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\","
                        + "\"advancedOptions\":{\"payload\":{\"format\":\"url\",\"urlThresholdBytes\":-1}}}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\","
                        + "\"advancedOptions\":{\"headers\":{\"x-extend-request-signature\":\"forged\"}}}",
                "{\"url\":\"http://127.0.0.1:9/h\",\"name\":\"n\",\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\","
                        + "\"advancedOptions\":{\"headers\":{\"X-Ok\":\"line\\r\\nbreak\"}}}");
        for (String body : bodies) {
            assertValidationError(http.post("/webhook_endpoints", body));
        }
        assertEquals(0, json(http.get("/webhook_endpoints")).get("data").size());
    }

    @Test
    void updateChangesOnlyTheFieldsSentAndNeverTheApiVersion() {
        JsonNode created = createEndpoint(endpointBody("http://127.0.0.1:9/a"));
        String id = created.get("id").asText();
        HttpResponse<String> r = http.post("/webhook_endpoints/" + id, """
                {"name":"Renamed","status":"disabled","enabledEvents":["parse_run.failed"]}""");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode updated = json(r);
        assertEquals("Renamed", updated.get("name").asText());
        assertEquals("disabled", updated.get("status").asText());
        assertEquals(List.of("parse_run.failed"), texts(updated.get("enabledEvents")));
        assertEquals("http://127.0.0.1:9/a", updated.get("url").asText(), "not sent, not changed");
        assertEquals(created.get("createdAt"), updated.get("createdAt"));
        assertFalse(updated.has("signingSecret"));
        assertEquals(updated, json(http.get("/webhook_endpoints/" + id)));

        assertValidationError(http.post("/webhook_endpoints/" + id, "{\"apiVersion\":\"2025-04-21\"}"));
        assertValidationError(http.post("/webhook_endpoints/" + id, "{\"enabledEvents\":[\"workflow_run.failed\"]}"));
        assertValidationError(http.post("/webhook_endpoints/" + id, "{\"url\":\"\"}"));
        assertEquals(200, http.post("/webhook_endpoints/" + id, "{\"apiVersion\":\"2026-02-09\"}").statusCode(),
                "the same version is no change");
        assertFlatError(http.post("/webhook_endpoints/wh_nope", "{\"name\":\"x\"}"), 404, "NOT_FOUND", false);
    }

    @Test
    void deleteRemovesTheEndpointAndItsSubscriptions() {
        String id = createEndpoint(endpointBody("http://127.0.0.1:9/a")).get("id").asText();
        String other = createEndpoint(endpointBody("http://127.0.0.1:9/b")).get("id").asText();
        String sub = subscribe(id, WORKFLOW, "workflow_run.cancelled").get("id").asText();
        String kept = subscribe(other, WORKFLOW, "workflow_run.cancelled").get("id").asText();
        HttpResponse<String> r = delete("/webhook_endpoints/" + id);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"id\":\"" + id + "\"}", r.body());
        JsonNode gone = assertFlatError(http.get("/webhook_endpoints/" + id), 404, "NOT_FOUND", false);
        assertEquals("Webhook endpoint not found", gone.get("message").asText());
        assertFlatError(http.get("/webhook_subscriptions/" + sub), 404, "NOT_FOUND", false);
        assertEquals(200, http.get("/webhook_subscriptions/" + kept).statusCode());
        assertFlatError(delete("/webhook_endpoints/" + id), 404, "NOT_FOUND", false);
    }

    @Test
    void aSubscriptionIsScopedToOneWorkflowAndCreatingItAgainUpdatesIt() {
        String endpoint = createEndpoint(endpointBody("http://127.0.0.1:9/a")).get("id").asText();
        JsonNode first = subscribe(endpoint, WORKFLOW, "workflow_run.cancelled");
        assertEquals(Set.of("object", "id", "webhookEndpointId", "resourceType", "resourceId", "enabledEvents",
                "createdAt"), fields(first), "WebhookSubscription");
        assertEquals("webhook_subscription", first.get("object").asText());
        String id = first.get("id").asText();
        assertTrue(id.matches("whes_[A-Za-z0-9]{20}"), id);
        assertEquals(endpoint, first.get("webhookEndpointId").asText());
        assertEquals("workflow", first.get("resourceType").asText());
        assertEquals(WORKFLOW, first.get("resourceId").asText());
        assertEquals(List.of("workflow_run.cancelled"), texts(first.get("enabledEvents")));

        sim.clock().advance(java.time.Duration.ofMinutes(5));
        JsonNode again = subscribe(endpoint, WORKFLOW, "workflow_run.cancelled", "workflow_run.failed");
        assertEquals(id, again.get("id").asText(), "an upsert: the same endpoint and resource");
        assertEquals(List.of("workflow_run.cancelled", "workflow_run.failed"), texts(again.get("enabledEvents")));
        assertEquals(first.get("createdAt"), again.get("createdAt"), "updated, not created anew");
        assertEquals(1, json(http.get("/webhook_subscriptions")).get("data").size());

        JsonNode otherWorkflow = subscribe(endpoint, "workflow_other", "workflow_run.completed");
        assertNotEquals(id, otherWorkflow.get("id").asText());
        assertEquals(2, json(http.get("/webhook_subscriptions")).get("data").size());
    }

    @Test
    void subscriptionsAreUpdatedAndDeletedById() {
        String endpoint = createEndpoint(endpointBody("http://127.0.0.1:9/a")).get("id").asText();
        String id = subscribe(endpoint, WORKFLOW, "workflow_run.cancelled").get("id").asText();
        HttpResponse<String> r = http.post("/webhook_subscriptions/" + id,
                "{\"enabledEvents\":[\"workflow_run.completed\",\"workflow_run.needs_review\"]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("workflow_run.completed", "workflow_run.needs_review"),
                texts(json(r).get("enabledEvents")));
        assertEquals(json(r), json(http.get("/webhook_subscriptions/" + id)));
        assertValidationError(http.post("/webhook_subscriptions/" + id, "{}"));
        assertValidationError(http.post("/webhook_subscriptions/" + id,
                "{\"enabledEvents\":[\"extract_run.processed\"]}"));
        HttpResponse<String> deleted = delete("/webhook_subscriptions/" + id);
        assertEquals("{\"id\":\"" + id + "\"}", deleted.body());
        JsonNode gone = assertFlatError(http.get("/webhook_subscriptions/" + id), 404, "NOT_FOUND", false);
        assertEquals("Webhook subscription not found", gone.get("message").asText());
        assertEquals(200, http.get("/webhook_endpoints/" + endpoint).statusCode(), "the endpoint stays");
    }

    @Test
    void badSubscriptionBodiesAreValidationErrorsAndAnUnknownEndpointIsNotFound() {
        String endpoint = createEndpoint(endpointBody("http://127.0.0.1:9/a")).get("id").asText();
        for (String body : List.of("", "{}", subscriptionBody(endpoint, WORKFLOW),
                subscriptionBody(endpoint, WORKFLOW, "extract_run.processed"),
                subscriptionBody(endpoint, WORKFLOW, "workflow_run.finished"),
                subscriptionBody(endpoint, "", "workflow_run.cancelled"),
                subscriptionBody(endpoint, WORKFLOW, "workflow_run.cancelled").replace("\"workflow\"", "\"batch\""),
                "{\"webhookEndpointId\":\"" + endpoint + "\",\"resourceType\":\"workflow\",\"resourceId\":\"" + WORKFLOW
                        + "\",\"enabledEvents\":\"workflow_run.cancelled\"}")) {
            assertValidationError(http.post("/webhook_subscriptions", body));
        }
        assertFlatError(http.post("/webhook_subscriptions", subscriptionBody("wh_nope", WORKFLOW,
                "workflow_run.cancelled")), 404, "NOT_FOUND", false);
        JsonNode extractor = json(http.post("/webhook_subscriptions", subscriptionBody(endpoint, "ex_1",
                "extract_run.processed").replace("\"workflow\"", "\"extractor\"")));
        assertEquals("extractor", extractor.get("resourceType").asText(), "other resource types are kept too");
        assertEquals(0, json(http.get("/webhook_subscriptions?resourceId=" + WORKFLOW)).get("data").size());
    }

    @Test
    void listsFilterSortAndPageLikeTheSdkAsks() {
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            endpoints.add(createEndpoint(endpointBody("http://127.0.0.1:9/" + i)).get("id").asText());
            sim.clock().advance(java.time.Duration.ofSeconds(1));
        }
        http.post("/webhook_endpoints/" + endpoints.get(1), "{\"status\":\"disabled\"}");
        assertEquals(List.of(endpoints.get(2), endpoints.get(1), endpoints.get(0)),
                ids(json(http.get("/webhook_endpoints")).get("data")), "newest first by default");
        assertEquals(endpoints, ids(json(http.get("/webhook_endpoints?sortDir=asc")).get("data")));
        assertEquals(List.of(endpoints.get(1)),
                ids(json(http.get("/webhook_endpoints?status=disabled")).get("data")));
        JsonNode page1 = json(http.get("/webhook_endpoints?sortDir=asc&maxPageSize=2"));
        assertEquals(endpoints.subList(0, 2), ids(page1.get("data")));
        JsonNode page2 = json(http.get("/webhook_endpoints?sortDir=asc&maxPageSize=2&nextPageToken="
                + page1.get("nextPageToken").asText()));
        assertEquals(endpoints.subList(2, 3), ids(page2.get("data")));
        assertFalse(page2.has("nextPageToken"), "no token on the last page");
        assertEquals("list", page2.get("object").asText());

        for (String e : endpoints) {
            subscribe(e, WORKFLOW, "workflow_run.cancelled");
            subscribe(e, "workflow_other", "workflow_run.completed");
        }
        assertEquals(6, json(http.get("/webhook_subscriptions?maxPageSize=10")).get("data").size());
        JsonNode byEndpoint = json(http.get("/webhook_subscriptions?webhookEndpointId=" + endpoints.get(0)));
        assertEquals(2, byEndpoint.get("data").size());
        byEndpoint.get("data").forEach(s -> assertEquals(endpoints.get(0), s.get("webhookEndpointId").asText()));
        JsonNode byResource = json(http.get("/webhook_subscriptions?resourceId=workflow_other&sortDir=asc"));
        assertEquals(3, byResource.get("data").size());
        byResource.get("data").forEach(s -> assertEquals("workflow_other", s.get("resourceId").asText()));
        assertEquals(endpoints, byResource.get("data").findValuesAsText("webhookEndpointId"));

        for (String query : List.of("status=paused", "sortDir=up", "maxPageSize=0", "maxPageSize=x",
                "nextPageToken=garbage")) {
            assertValidationError(http.get("/webhook_endpoints?" + query));
        }
        assertValidationError(http.get("/webhook_subscriptions?nextPageToken=garbage"));
    }

    @Test
    void theManagementApiHasTheRulesOfTheRestAndItsRateLimitCategories() {
        HttpResponse<String> noKey = http.send(http.bare("/webhook_endpoints")
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION).GET().build());
        assertFlatError(noKey, 401, "UNAUTHORIZED", false);
        assertFlatError(http.send(http.request("/webhook_endpoints").PUT(HttpRequest.BodyPublishers.noBody()).build()),
                405, "INVALID_REQUEST", false);
        assertFlatError(http.get("/webhook_endpoints/wh_x/extra"), 404, "NOT_FOUND", false);

        sim.clearJournal();
        String id = createEndpoint(endpointBody("http://127.0.0.1:9/a")).get("id").asText();
        subscribe(id, WORKFLOW, "workflow_run.cancelled");
        http.post("/webhook_endpoints/" + id, "{\"name\":\"x\"}");
        http.get("/webhook_endpoints");
        http.get("/webhook_subscriptions");
        delete("/webhook_endpoints/" + id);
        assertEquals(4, sim.faults().requestCount("WRITE"), "create, subscribe, update, delete submit no file");
        assertEquals(0, sim.faults().requestCount("RUN"));
        assertEquals(2, sim.faults().requestCount("GET"));

        sim.faults().rateLimit("WRITE", 1);
        assertEquals(200, http.post("/webhook_endpoints", endpointBody("http://127.0.0.1:9/b")).statusCode());
        assertFlatError(http.post("/webhook_endpoints", endpointBody("http://127.0.0.1:9/c")), 429,
                "RATE_LIMIT_EXCEEDED", true);
        assertEquals(200, http.get("/webhook_endpoints").statusCode(), "GET has a bucket of its own");
    }

    @Test
    void theNumberOfEndpointsIsBounded() {
        for (int i = 0; i < 100; i++) {
            createEndpoint(endpointBody("http://127.0.0.1:9/" + i));
        }
        JsonNode err = assertValidationError(http.post("/webhook_endpoints", endpointBody("http://127.0.0.1:9/x")));
        assertTrue(err.get("message").asText().contains("100"), err.toString());
    }

    /** 400 INVALID_REQUEST with docUrl, as every other validation error of the simulator. */
    static JsonNode assertValidationError(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode err = json(r);
        assertEquals(Set.of("code", "message", "retryable", "requestId", "docUrl"), fields(err), r.body());
        assertEquals("INVALID_REQUEST", err.get("code").asText());
        assertFalse(err.get("retryable").asBoolean());
        return err;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> ids(JsonNode array) {
        return array.findValuesAsText("id");
    }

    static Set<String> union(Set<String> a, String b) {
        Set<String> out = new java.util.TreeSet<>(a);
        out.add(b);
        return out;
    }
}
