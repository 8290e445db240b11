package dev.camelextend.simulator.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.simulator.WebhookDelivery;
import dev.camelextend.simulator.WebhookRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.fields;
import static dev.camelextend.simulator.test.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries of workflow-run events: when a run settles, a POST signed as Extend signs it to every enabled endpoint
 * subscribed to the run's workflow and that event; nothing for dashboard runs or without a subscription. Every
 * receiver is a {@link WebhookReceiver} on 127.0.0.1.
 */
class WebhookDeliveryTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(10);
    /** long enough for a delivery that was going to happen to have happened (they take milliseconds here) */
    static final Duration QUIET = Duration.ofMillis(400);
    static final String WORKFLOW = ExtendSimulator.DEFAULT_WORKFLOW_ID;

    ExtendSimulator sim;
    SimHttp http;
    WebhookReceiver receiver;

    @BeforeEach
    void start() {
        sim = ExtendSimulator.builder().clock(SimulatorClock.manual(T0)).build().start();
        http = new SimHttp(sim);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    /** Creates an endpoint over HTTP and subscribes it to the workflow's events; returns its create answer. */
    JsonNode endpointFor(String url, String workflowId, String... events) {
        HttpResponse<String> r = http.post("/webhook_endpoints", WebhookApiTest.endpointBody(url));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode endpoint = json(r);
        HttpResponse<String> s = http.post("/webhook_subscriptions",
                WebhookApiTest.subscriptionBody(endpoint.get("id").asText(), workflowId, events));
        assertEquals(200, s.statusCode(), s.body());
        return endpoint;
    }

    static String hmacHex(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCancelledRunIsDeliveredSignedAsExtendSignsIt() throws Exception {
        JsonNode endpoint = endpointFor(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        String secret = endpoint.get("signingSecret").asText();
        String runId = sim.seedRun("PROCESSING");
        assertEquals(200, http.cancel(runId).statusCode());

        List<WebhookReceiver.Received> got = receiver.await(1, WAIT);
        assertEquals(1, got.size());
        WebhookReceiver.Received hook = got.get(0);
        assertEquals("POST", hook.method());
        assertEquals("/hooks", hook.path());
        assertEquals("application/json", hook.header("content-type"));
        assertEquals(ExtendSimulator.API_VERSION, hook.header("x-extend-api-version"), "the endpoint's version");
        String timestamp = hook.header("x-extend-request-timestamp");
        assertTrue(timestamp.matches("\\d{10}"), timestamp);
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        assertTrue(age >= 0 && age < 60, "Unix seconds of the wall clock, not of the manual clock: age " + age);
        String signature = hook.header("x-extend-request-signature");
        assertTrue(signature.matches("[0-9a-f]{64}"), "lower-case hex of 32 bytes: " + signature);
        assertEquals(hmacHex(secret, "v0:" + timestamp + ":" + hook.body()), signature,
                "HMAC-SHA256 over v0:{timestamp}:{rawBody}, keyed with the signing secret");
        assertNotEquals(hmacHex(secret, "v0:" + timestamp + ":" + hook.body() + " "), signature);

        JsonNode event = hook.json();
        assertEquals(Set.of("eventId", "eventType", "payload"), fields(event));
        assertTrue(event.get("eventId").asText().matches("evt_[A-Za-z0-9]{20}"), event.get("eventId").asText());
        assertEquals("workflow_run.cancelled", event.get("eventType").asText());
        assertEquals(json(http.get("/workflow_runs/" + runId)), event.get("payload"),
                "the payload is the full WorkflowRun as GET returns it");

        List<WebhookDelivery> journal = sim.awaitWebhookDeliveries(1, WAIT);
        assertEquals(1, journal.size());
        WebhookDelivery d = journal.get(0);
        assertEquals(event.get("eventId").asText(), d.eventId());
        assertEquals("workflow_run.cancelled", d.eventType());
        assertEquals(endpoint.get("id").asText(), d.endpointId());
        assertEquals(receiver.url(), d.url());
        assertEquals(1, d.attempt());
        assertEquals(WebhookDelivery.Outcome.DELIVERED, d.outcome());
        assertTrue(d.delivered());
        assertEquals(200, d.status());
        assertEquals(null, d.failure());
        assertFalse(d.retrying());
        assertFalse(d.duplicate());
        assertEquals(hook.body(), d.body());
        assertEquals(signature, d.header("X-Extend-Request-Signature"));
        assertEquals(0, sim.pendingWebhookDeliveries());
        assertEquals(0, sim.journal().stream().filter(r -> r.path().equals("/hooks")).count(),
                "deliveries go out to the receiver, they are no requests to the simulator");
    }

    @Test
    void aCancelWithADelayIsDeliveredWhenCancellingTurnsCancelledWithoutAnyRead() throws Exception {
        sim.cancelDelay(Duration.ofSeconds(5));
        endpointFor(receiver.url(), WORKFLOW, "workflow_run.cancelled", "workflow_run.completed");
        String runId = sim.seedRun("PROCESSING");
        assertEquals("CANCELLING", json(http.cancel(runId)).get("status").asText());
        assertEquals(List.of(), receiver.await(1, QUIET), "CANCELLING is not settled");
        sim.clock().advance(Duration.ofSeconds(5));
        List<WebhookReceiver.Received> got = receiver.await(1, WAIT);
        assertEquals(1, got.size());
        JsonNode event = got.get(0).json();
        assertEquals("workflow_run.cancelled", event.get("eventType").asText());
        assertEquals("CANCELLED", event.at("/payload/status").asText());
        assertEquals(T0.plusSeconds(5).toString(), event.at("/payload/endTime").asText());
    }

    @Test
    void aCancelThatLosesTheRaceDeliversTheOutcomeItLostTo() throws Exception {
        endpointFor(receiver.url(), WORKFLOW, ExtendSimulator.WORKFLOW_RUN_EVENTS.toArray(String[]::new));
        sim.cancelDelay(Duration.ofSeconds(2));
        String lost = sim.seedRun("PROCESSING");
        sim.cancelLosesRace(lost, "PROCESSED");
        assertEquals("CANCELLING", json(http.cancel(lost)).get("status").asText());
        sim.clock().advance(Duration.ofSeconds(2));
        JsonNode event = receiver.await(1, WAIT).get(0).json();
        assertEquals("workflow_run.completed", event.get("eventType").asText());
        assertEquals("PROCESSED", event.at("/payload/status").asText());

        sim.cancelDelay(Duration.ZERO);
        String lostAtOnce = sim.seedRun("PENDING");
        sim.cancelLosesRace(lostAtOnce, "FAILED");
        assertEquals("CANCELLING", json(http.cancel(lostAtOnce)).get("status").asText());
        List<WebhookReceiver.Received> got = receiver.await(2, WAIT);
        assertEquals(2, got.size(), "settles at once, with no read and no clock move");
        assertEquals("workflow_run.failed", got.get(1).json().get("eventType").asText());
        assertEquals(lostAtOnce, got.get(1).json().at("/payload/id").asText());
    }

    @Test
    void createdRunsDeliverTheirOutcomeWhenTheClockPassesIt() throws Exception {
        endpointFor(receiver.url(), WORKFLOW, "workflow_run.completed", "workflow_run.failed",
                "workflow_run.needs_review");
        String processed = sim.createRun(WORKFLOW, Map.of());
        String failed = sim.createRun(WORKFLOW, Map.of(ExtendSimulator.OUTCOME_METADATA_KEY, "FAILED"));
        HttpResponse<String> created = http.post("/workflow_runs", "{\"workflow\":{\"id\":\"" + WORKFLOW + "\"},"
                + "\"file\":{\"url\":\"https://example.com/a.pdf\"},"
                + "\"metadata\":{\"simulator:outcome\":\"NEEDS_REVIEW\"}}");
        String review = json(created).get("id").asText();
        sim.clock().advance(Duration.ofSeconds(9));
        assertEquals(List.of(), receiver.await(1, QUIET));
        sim.clock().advance(Duration.ofSeconds(1));
        List<WebhookReceiver.Received> got = receiver.await(3, WAIT);
        Map<String, String> typeByRun = got.stream().map(WebhookReceiver.Received::json).collect(Collectors.toMap(
                e -> e.at("/payload/id").asText(), e -> e.get("eventType").asText()));
        assertEquals(Map.of(processed, "workflow_run.completed", failed, "workflow_run.failed", review,
                "workflow_run.needs_review"), typeByRun);
        assertEquals(3, got.stream().map(r -> r.json().get("eventId").asText()).distinct().count());
    }

    @Test
    void dashboardRunsOtherWorkflowsEventsNotEnabledAndDisabledEndpointsGetNothing() throws Exception {
        endpointFor(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        try (WebhookReceiver disabled = new WebhookReceiver()) {
            String off = endpointFor(disabled.url(), WORKFLOW, "workflow_run.cancelled").get("id").asText();
            assertEquals(200, http.post("/webhook_endpoints/" + off, "{\"status\":\"disabled\"}").statusCode());

            String dashboard = sim.seedRun("PROCESSING", WORKFLOW, null,
                    Map.of(ExtendSimulator.DASHBOARD_METADATA_KEY, true));
            String otherWorkflow = sim.seedRun("PROCESSING", "workflow_other", null, Map.of());
            String completes = sim.createRun(WORKFLOW, Map.of());
            String createdInDashboard = sim.createRun(WORKFLOW, Map.of(ExtendSimulator.DASHBOARD_METADATA_KEY, true));
            http.cancel(dashboard);
            http.cancel(otherWorkflow);
            http.cancel(createdInDashboard);
            sim.clock().advance(Duration.ofSeconds(10));
            assertEquals("PROCESSED", sim.status(completes));
            assertEquals(List.of(), receiver.await(1, QUIET), "none of these is delivered");

            String api = sim.seedRun("PROCESSING");
            http.cancel(api);
            List<WebhookReceiver.Received> got = receiver.await(1, WAIT);
            assertEquals(1, got.size());
            assertEquals(api, got.get(0).json().at("/payload/id").asText());
            assertEquals(1, receiver.await(2, QUIET).size());
            assertEquals(List.of(), disabled.received());
        }
        JsonNode bad = json(http.post("/workflow_runs", "{\"workflow\":{\"id\":\"" + WORKFLOW + "\"},"
                + "\"file\":{\"url\":\"https://example.com/a.pdf\"},\"metadata\":{\"simulator:dashboard\":\"yes\"}}"));
        assertEquals("INVALID_REQUEST", bad.get("code").asText(), bad.toString());
    }

    @Test
    void deletingTheEndpointOrTheSubscriptionStopsDeliveries() throws Exception {
        JsonNode endpoint = endpointFor(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        String endpointId = endpoint.get("id").asText();
        http.cancel(sim.seedRun("PROCESSING"));
        assertEquals(1, receiver.await(1, WAIT).size());

        String sub = json(http.get("/webhook_subscriptions")).get("data").get(0).get("id").asText();
        http.send(http.request("/webhook_subscriptions/" + sub).DELETE().build());
        http.cancel(sim.seedRun("PROCESSING"));
        assertEquals(1, receiver.await(2, QUIET).size(), "no subscription, no delivery");

        http.post("/webhook_subscriptions", WebhookApiTest.subscriptionBody(endpointId, WORKFLOW,
                "workflow_run.cancelled"));
        http.send(http.request("/webhook_endpoints/" + endpointId).DELETE().build());
        http.cancel(sim.seedRun("PROCESSING"));
        assertEquals(1, receiver.await(2, QUIET).size(), "no endpoint, no delivery");
        assertEquals(1, sim.webhookDeliveries().size());
    }

    @Test
    void resetForgetsEndpointsSubscriptionsAndTheDeliveryJournal() throws Exception {
        endpointFor(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        http.cancel(sim.seedRun("PROCESSING"));
        assertEquals(1, sim.awaitWebhookDeliveries(1, WAIT).size());
        sim.reset();
        assertEquals(List.of(), sim.webhookDeliveries());
        assertEquals(0, json(http.get("/webhook_endpoints")).get("data").size());
        assertEquals(0, json(http.get("/webhook_subscriptions")).get("data").size());
        http.cancel(sim.seedRun("PROCESSING"));
        assertEquals(List.of(), sim.awaitWebhookDeliveries(1, QUIET));
        assertEquals(1, receiver.received().size());
    }

    @Test
    void registerWebhookIsTheJavaShortcutForAnEndpointAndItsSubscription() throws Exception {
        WebhookRegistration reg = sim.registerWebhook(receiver.url(), WORKFLOW);
        assertTrue(reg.endpointId().startsWith("wh_"), reg.toString());
        assertTrue(reg.subscriptionId().startsWith("whes_"), reg.toString());
        assertTrue(reg.signingSecret().startsWith("wss_"));
        assertFalse(reg.toString().contains(reg.signingSecret()), "toString leaves the secret out: " + reg);
        assertEquals(receiver.url(), reg.url());
        assertEquals(WORKFLOW, reg.workflowId());
        JsonNode sub = json(http.get("/webhook_subscriptions/" + reg.subscriptionId()));
        assertEquals(ExtendSimulator.WORKFLOW_RUN_EVENTS, WebhookApiTest.texts(sub.get("enabledEvents")),
                "no events named: every workflow_run event");
        http.cancel(sim.seedRun("PROCESSING"));
        WebhookReceiver.Received hook = receiver.await(1, WAIT).get(0);
        assertEquals(hmacHex(reg.signingSecret(), "v0:" + hook.header("x-extend-request-timestamp") + ":"
                + hook.body()), hook.header("x-extend-request-signature"));
    }

    @Test
    void everyEnabledSubscribedEndpointGetsTheSameEventSignedWithItsOwnSecret() throws Exception {
        try (WebhookReceiver second = new WebhookReceiver()) {
            WebhookRegistration a = sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
            WebhookRegistration b = sim.registerWebhook(second.url(), WORKFLOW, "workflow_run.cancelled");
            http.cancel(sim.seedRun("PROCESSING"));
            WebhookReceiver.Received toA = receiver.await(1, WAIT).get(0);
            WebhookReceiver.Received toB = second.await(1, WAIT).get(0);
            assertEquals(toA.json().get("eventId"), toB.json().get("eventId"), "one event, two deliveries");
            assertEquals(hmacHex(a.signingSecret(), "v0:" + toA.header("x-extend-request-timestamp") + ":"
                    + toA.body()), toA.header("x-extend-request-signature"));
            assertEquals(hmacHex(b.signingSecret(), "v0:" + toB.header("x-extend-request-timestamp") + ":"
                    + toB.body()), toB.header("x-extend-request-signature"));
        }
    }

    @Test
    void onTheSystemClockRunsSettleAndAreDeliveredWhenTheirTimeComesWithoutAnyRead() throws Exception {
        sim.close();
        sim = ExtendSimulator.builder().clock(SimulatorClock.system()).processingDuration(Duration.ofMillis(300))
                .cancelDelay(Duration.ofMillis(200)).build().start();
        http = new SimHttp(sim);
        sim.registerWebhook(receiver.url(), WORKFLOW);
        long t0 = System.nanoTime();
        String first = sim.createRun(WORKFLOW, Map.of());
        String second = sim.createRun(WORKFLOW, Map.of(ExtendSimulator.OUTCOME_METADATA_KEY, "FAILED"));
        String cancelled = sim.seedRun("PROCESSING");
        assertEquals("CANCELLING", json(http.cancel(cancelled)).get("status").asText());
        List<WebhookReceiver.Received> got = receiver.await(3, WAIT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3, got.size());
        assertTrue(ms >= 300, "not before the processing ends: " + ms + " ms");
        Map<String, String> typeByRun = got.stream().map(WebhookReceiver.Received::json).collect(Collectors.toMap(
                e -> e.at("/payload/id").asText(), e -> e.get("eventType").asText()));
        assertEquals(Map.of(first, "workflow_run.completed", second, "workflow_run.failed", cancelled,
                "workflow_run.cancelled"), typeByRun);
    }

    @Test
    void theWebhookThreadsEndWithTheSimulator() throws Exception {
        int port = sim.port();
        sim.registerWebhook(receiver.url(), WORKFLOW);
        http.cancel(sim.seedRun("PROCESSING"));
        receiver.await(1, WAIT);
        assertTrue(ConcurrencyTest.simulatorThreads(port).stream().anyMatch(n -> n.contains("-webhook-")),
                ConcurrencyTest.simulatorThreads(port).toString());
        sim.close();
        assertEquals(Set.of(), ConcurrencyTest.simulatorThreads(port));
    }
}
