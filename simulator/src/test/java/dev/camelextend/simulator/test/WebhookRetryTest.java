package dev.camelextend.simulator.test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorBuilder;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.simulator.WebhookDelivery;
import dev.camelextend.simulator.WebhookDelivery.Outcome;
import dev.camelextend.simulator.WebhookRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.json;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.QUIET;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.WAIT;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.WORKFLOW;
import static dev.camelextend.simulator.test.WebhookDeliveryTest.hmacHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a delivery does when the receiver fails: retries with exponential backoff after a non-2xx answer, a timeout or
 * a refused connection, within a bounded number of attempts; a bounded queue; duplicates on purpose. Every receiver is
 * on 127.0.0.1.
 */
class WebhookRetryTest {

    ExtendSimulator sim;
    SimHttp http;
    WebhookReceiver receiver = new WebhookReceiver();

    ExtendSimulator start(Consumer<SimulatorBuilder> settings) {
        SimulatorBuilder b = ExtendSimulator.builder().clock(SimulatorClock.manual(WebhookDeliveryTest.T0));
        settings.accept(b);
        sim = b.build().start();
        http = new SimHttp(sim);
        return sim;
    }

    @BeforeEach
    void fast() {
        start(b -> b.webhookRetries(3).webhookRetryDelay(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    String cancelARun() {
        String id = sim.seedRun("PROCESSING");
        assertEquals(200, http.cancel(id).statusCode());
        return id;
    }

    @Test
    void aRejectedDeliveryIsRetriedWithBackoffUntilItSucceeds() throws Exception {
        WebhookRegistration reg = sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        receiver.answer(500, 503);
        cancelARun();
        List<WebhookDelivery> journal = sim.awaitWebhookDeliveries(WebhookDelivery::delivered, 1, WAIT);
        assertEquals(1, journal.size());
        List<WebhookDelivery> all = sim.webhookDeliveries();
        assertEquals(List.of(1, 2, 3), all.stream().map(WebhookDelivery::attempt).toList());
        assertEquals(List.of(Outcome.REJECTED, Outcome.REJECTED, Outcome.DELIVERED),
                all.stream().map(WebhookDelivery::outcome).toList());
        assertEquals(List.of(500, 503, 200), all.stream().map(WebhookDelivery::status).toList());
        assertEquals(List.of(true, true, false), all.stream().map(WebhookDelivery::retrying).toList());
        assertEquals(1, all.stream().map(WebhookDelivery::eventId).distinct().count(), "one event, three attempts");
        assertEquals(0, sim.pendingWebhookDeliveries());

        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(3, got.size());
        assertEquals(1, got.stream().map(WebhookReceiver.Received::body).distinct().count(), "the same body each time");
        for (WebhookReceiver.Received r : got) {
            assertEquals(hmacHex(reg.signingSecret(), "v0:" + r.header("x-extend-request-timestamp") + ":" + r.body()),
                    r.header("x-extend-request-signature"), "each attempt is signed");
        }
        assertTrue(between(got.get(0).at(), got.get(1).at()) >= 45, "first retry after the delay (50 ms)");
        assertTrue(between(got.get(1).at(), got.get(2).at()) >= 95, "second retry after twice the delay");
    }

    @Test
    void afterTheRetryBudgetTheDeliveryGivesUp() throws Exception {
        sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        receiver.answer(500, 500, 500, 500, 500, 500);
        cancelARun();
        List<WebhookDelivery> journal = sim.awaitWebhookDeliveries(d -> !d.retrying(), 1, WAIT);
        assertEquals(1, journal.size());
        assertEquals(4, journal.get(0).attempt(), "webhookRetries(3): four attempts");
        assertEquals(Outcome.REJECTED, journal.get(0).outcome());
        assertEquals(4, receiver.await(5, QUIET).size(), "and no fifth");
        assertEquals(0, sim.pendingWebhookDeliveries());
    }

    @Test
    void aRefusedConnectionIsRetriedToo() throws Exception {
        String deadUrl;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            deadUrl = "http://127.0.0.1:" + s.getLocalPort() + "/hooks"; // closed again: nobody listens there
        }
        sim.registerWebhook(deadUrl, WORKFLOW, "workflow_run.cancelled");
        cancelARun();
        List<WebhookDelivery> journal = sim.awaitWebhookDeliveries(d -> !d.retrying(), 1, WAIT);
        assertEquals(1, journal.size(), sim.webhookDeliveries().toString());
        List<WebhookDelivery> all = sim.webhookDeliveries();
        assertEquals(4, all.size());
        for (WebhookDelivery d : all) {
            assertEquals(Outcome.CONNECTION_FAILED, d.outcome(), d.toString());
            assertEquals(0, d.status());
            assertTrue(d.failure().contains("ConnectException"), d.failure());
        }
    }

    @Test
    void deletingTheEndpointAbandonsTheRetriesStillWaiting() throws Exception {
        sim.close();
        start(b -> b.webhookRetries(5).webhookRetryDelay(Duration.ofMillis(300)));
        WebhookRegistration reg = sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        receiver.answer(500, 500, 500, 500, 500, 500);
        cancelARun();
        assertTrue(sim.awaitWebhookDeliveries(1, WAIT).get(0).retrying());
        assertEquals(200, http.send(http.request("/webhook_endpoints/" + reg.endpointId()).DELETE().build())
                .statusCode());
        assertEquals(1, receiver.await(2, Duration.ofMillis(900)).size(), "the retry due after 300 ms never went");
        assertEquals(1, sim.webhookDeliveries().size());
        assertEquals(0, sim.pendingWebhookDeliveries());
    }

    @Test
    void duplicateNextWebhookSendsOneDeliveryTwiceWithTheSameEventId() throws Exception {
        sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        sim.duplicateNextWebhook();
        cancelARun();
        List<WebhookReceiver.Received> got = receiver.await(2, WAIT);
        assertEquals(2, got.size());
        assertEquals(got.get(0).body(), got.get(1).body(), "the same event: same eventId, same payload");
        List<WebhookDelivery> journal = sim.awaitWebhookDeliveries(2, WAIT);
        assertEquals(1, journal.stream().filter(WebhookDelivery::duplicate).count());
        assertEquals(1, journal.stream().map(WebhookDelivery::eventId).distinct().count());

        cancelARun();
        assertEquals(3, receiver.await(4, QUIET).size(), "only the next delivery is doubled");
    }

    @Test
    void aDuplicateRateDoublesThatShareOfDeliveriesAndIsAFaultThatResetClears() throws Exception {
        sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        sim.faults().duplicateWebhookRate(1.0);
        for (int i = 0; i < 3; i++) {
            cancelARun();
        }
        List<WebhookReceiver.Received> got = receiver.await(6, WAIT);
        assertEquals(6, got.size());
        Map<String, Long> perEvent = got.stream().collect(Collectors.groupingBy(
                r -> r.json().get("eventId").asText(), Collectors.counting()));
        assertEquals(Map.of(2L, 3L), perEvent.values().stream().collect(Collectors.groupingBy(n -> n,
                Collectors.counting())), "each of the 3 events twice: " + perEvent);
        assertEquals(1.0, sim.faults().duplicateWebhookRate());
        assertThrows(IllegalArgumentException.class, () -> sim.faults().duplicateWebhookRate(1.5));
        sim.reset();
        assertEquals(0.0, sim.faults().duplicateWebhookRate());
    }

    @Test
    void aReceiverThatNeverAnswersCostsNoThreadPerDeliveryAndTheQueueStaysBounded() throws Exception {
        sim.close();
        start(b -> b.webhookTimeout(Duration.ofMillis(500)).webhookRetries(1).webhookRetryDelay(Duration.ofMillis(50))
                .webhookQueueCapacity(3).webhookConcurrency(2));
        receiver.hang(true);
        sim.registerWebhook(receiver.url(), WORKFLOW, "workflow_run.cancelled");
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            cancelARun();
        }
        List<WebhookDelivery> dropped = sim.webhookDeliveries();
        assertEquals(2, dropped.size(), "events 4 and 5 found the queue of 3 full: " + dropped);
        for (WebhookDelivery d : dropped) {
            assertEquals(Outcome.DROPPED, d.outcome());
            assertEquals(0, d.attempt());
            assertTrue(d.failure().contains("queue full"), d.failure());
        }
        assertEquals(3, sim.pendingWebhookDeliveries());

        receiver.await(2, WAIT);
        long webhookThreads = ConcurrencyTest.simulatorThreads(sim.port()).stream()
                .filter(n -> n.contains("-webhook-")).count();
        assertTrue(webhookThreads <= 2, "two deliveries hang, yet the threads are the fixed two: " + webhookThreads);

        // 3 events x 2 attempts, each timing out after 500 ms, at most 2 at once
        List<WebhookDelivery> all = sim.awaitWebhookDeliveries(8, WAIT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(8, all.size(), all.toString());
        List<WebhookDelivery> timedOut = all.stream().filter(d -> d.outcome() == Outcome.TIMED_OUT).toList();
        assertEquals(6, timedOut.size(), all.toString());
        timedOut.forEach(d -> assertTrue(d.failure().contains("PT0.5S"), d.failure()));
        Map<String, List<Integer>> attempts = timedOut.stream().collect(Collectors.groupingBy(
                WebhookDelivery::eventId, Collectors.mapping(WebhookDelivery::attempt, Collectors.toList())));
        assertEquals(3, attempts.size());
        attempts.values().forEach(a -> assertEquals(List.of(1, 2), a.stream().sorted().toList()));
        assertEquals(0, sim.pendingWebhookDeliveries(), "gave up after the retry budget");
        assertTrue(ms >= 1400, "6 attempts of 500 ms, 2 at a time, take at least 1.5 s: " + ms + " ms");
        assertEquals(6, receiver.await(7, QUIET).size(), "every attempt reached the receiver, and no seventh");

        receiver.hang(false);
        String later = cancelARun();
        assertTrue(sim.awaitWebhookDeliveries(WebhookDelivery::delivered, 1, WAIT).get(0).body().contains(later),
                "the queue has room again");
    }

    @Test
    void customHeadersGoWithEveryDeliveryAndCannotReplaceTheSignature() throws Exception {
        HttpResponse<String> r = http.post("/webhook_endpoints", "{\"url\":\"" + receiver.url() + "\",\"name\":\"n\","
                + "\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\","
                + "\"advancedOptions\":{\"headers\":{\"X-Team\":\"billing\","
                + "\"Authorization\":\"Bearer hook-token\"}}}");
        JsonNode endpoint = json(r);
        http.post("/webhook_subscriptions", WebhookApiTest.subscriptionBody(endpoint.get("id").asText(), WORKFLOW,
                "workflow_run.cancelled"));
        cancelARun();
        WebhookReceiver.Received got = receiver.await(1, WAIT).get(0);
        assertEquals("billing", got.header("x-team"));
        assertEquals("Bearer hook-token", got.header("authorization"));
        assertEquals(hmacHex(endpoint.get("signingSecret").asText(), "v0:" + got.header("x-extend-request-timestamp")
                + ":" + got.body()), got.header("x-extend-request-signature"));
    }

    @Test
    void theDeliverySettingsAreChecked() {
        SimulatorBuilder b = ExtendSimulator.builder();
        assertThrows(IllegalArgumentException.class, () -> b.webhookTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.webhookTimeout(Duration.ofMinutes(11)));
        assertThrows(IllegalArgumentException.class, () -> b.webhookRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> b.webhookRetries(21));
        assertThrows(IllegalArgumentException.class, () -> b.webhookRetryDelay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.webhookQueueCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> b.webhookConcurrency(0));
        assertThrows(IllegalArgumentException.class, () -> b.webhookConcurrency(65));
        assertThrows(IllegalArgumentException.class, () -> sim.awaitWebhookDeliveries(1, Duration.ofMinutes(11)));
        assertThrows(IllegalArgumentException.class, () -> sim.registerWebhook("ftp://127.0.0.1/x", WORKFLOW));
        assertThrows(IllegalArgumentException.class,
                () -> sim.registerWebhook(receiver.url(), WORKFLOW, "extract_run.processed"));
        assertThrows(IllegalArgumentException.class, () -> sim.registerWebhook(receiver.url(), " "));
        assertFalse(b.webhookRetries(0).webhookRetryDelay(Duration.ZERO).toString().isEmpty());
    }

    private static long between(Instant a, Instant b) {
        return Duration.between(a, b).toMillis();
    }
}
