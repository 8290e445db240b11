package dev.camelextend.simulator.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.RulesTest.assertFlatError;
import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.json;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.WAIT;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.WORKFLOW;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.hmacHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed-URL payloads (extend-ai {@code SignedDataUrlPayload}): with {@code advancedOptions.payload.format: "url"} the
 * event's payload is {@code {"object":"signed_data_url","data":URL,"id","metadata"}}, and a plain GET of the URL,
 * with no key, returns the run for an hour of the simulator's clock.
 */
class WebhookPayloadUrlTest {

    ExtendSimulator sim;
    SimHttp http;
    WebhookReceiver receiver;

    @BeforeEach
    void start() {
        sim = ExtendSimulator.builder().clock(SimulatorClock.manual(WebhookDeliveryTest.T0)).build().start();
        http = new SimHttp(sim);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    /** An endpoint with these payload options, subscribed to the default workflow's cancels; returns its secret. */
    String endpoint(String payloadOptions) {
        HttpResponse<String> r = http.post("/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\",\"name\":\"n\","
                + "\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\",\"advancedOptions\":{\"payload\":"
                + payloadOptions + "}}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = json(r);
        http.post("/webhook_subscriptions", WebhookApiTest.subscriptionBody(e.get("id").asText(), WORKFLOW,
                "workflow_run.cancelled"));
        return e.get("signingSecret").asText();
    }

    String cancelARun(Map<String, ?> metadata) {
        String id = sim.seedRun("PROCESSING", WORKFLOW, null, metadata);
        assertEquals(200, http.cancel(id).statusCode());
        return id;
    }

    HttpResponse<String> fetch(String url) {
        // a presigned URL: no Authorization, no version header
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    @Test
    void theFormatUrlDeliversASignedUrlThatAPlainGetResolvesToTheRun() throws Exception {
        String secret = endpoint("{\"format\":\"url\"}");
        String runId = cancelARun(Map.of("invoice", "INV-7"));
        WebhookReceiver.Received hook = receiver.await(1, WAIT).get(0);
        assertEquals(hmacHex(secret, "v0:" + hook.header("x-extend-request-timestamp") + ":" + hook.body()),
                hook.header("x-extend-request-signature"), "the envelope with the URL is what is signed");
        JsonNode event = hook.json();
        assertEquals("workflow_run.cancelled", event.get("eventType").asText());
        JsonNode payload = event.get("payload");
        assertEquals(Set.of("object", "data", "id", "metadata"), fields(payload));
        assertEquals("signed_data_url", payload.get("object").asText());
        assertEquals(runId, payload.get("id").asText());
        assertEquals("INV-7", payload.at("/metadata/invoice").asText(), "the metadata, to decide before fetching");
        String url = payload.get("data").asText();
        assertTrue(url.startsWith(sim.baseUrl() + "/webhook_payloads/"), url);

        HttpResponse<String> fetched = fetch(url);
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertTrue(fetched.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertEquals(json(http.get("/workflow_runs/" + runId)), json(fetched), "the full WorkflowRun");
        assertEquals(200, fetch(url).statusCode(), "as often as wanted within the hour");
    }

    @Test
    void theUrlIsValidForAnHourOfTheSimulatorsClockAndUnknownOnesAreNotFound() throws Exception {
        endpoint("{\"format\":\"url\"}");
        cancelARun(Map.of());
        String url = receiver.await(1, WAIT).get(0).json().at("/payload/data").asText();
        sim.clock().advance(Duration.ofMinutes(59));
        assertEquals(200, fetch(url).statusCode());
        sim.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        JsonNode expired = assertFlatError(fetch(url), 403, "FORBIDDEN", false);
        assertTrue(expired.get("message").asText().contains("expired"), expired.toString());
        assertFlatError(fetch(sim.baseUrl() + "/webhook_payloads/nothing-here"), 404, "NOT_FOUND", false);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertFlatError(post, 405, "INVALID_REQUEST", false);
    }

    @Test
    void aThresholdSendsOnlyLargerPayloadsAsUrlsAndJsonSendsThemInline() throws Exception {
        endpoint("{\"format\":\"url\",\"urlThresholdBytes\":1000000}");
        cancelARun(Map.of());
        JsonNode small = receiver.await(1, WAIT).get(0).json().get("payload");
        assertEquals("workflow_run", small.get("object").asText(), "below the threshold: inline");
        sim.clearWebhooks();

        endpoint("{\"format\":\"url\",\"urlThresholdBytes\":100}");
        cancelARun(Map.of());
        assertEquals("signed_data_url", receiver.await(2, WAIT).get(1).json().at("/payload/object").asText(),
                "a WorkflowRun is more than 100 bytes");
        sim.clearWebhooks();

        endpoint("{\"format\":\"json\",\"urlThresholdBytes\":1}");
        cancelARun(Map.of());
        assertEquals("workflow_run", receiver.await(3, WAIT).get(2).json().at("/payload/object").asText(),
                "the threshold only applies with format url");
    }

    @Test
    void fetchingNeedsNoKeyAndCountsAgainstNoRateLimit() throws Exception {
        endpoint("{\"format\":\"url\"}");
        cancelARun(Map.of());
        String url = receiver.await(1, WAIT).get(0).json().at("/payload/data").asText();
        sim.faults().rateLimit(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, fetch(url).statusCode());
        }
        assertEquals(0, sim.faults().requestCount("GET"), "storage, not the API");
        assertEquals(3, sim.journal().stream().filter(r -> r.path().startsWith("/webhook_payloads/")
                && r.responseStatus() == 200).count(), "journaled as every request is");
    }
}
