// Owns: extend:webhook on Spring Boot's web server (camel-platform-http-starter on Tomcat), driven by deliveries that
// the test signs itself: what each one is answered and what reaches WebhookRoute.
package dev.camelextend.examples.springboot;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConstants;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * The application as it runs, on a random port: WebhookRoute's {@code from("extend:webhook")} is served by Spring MVC
 * on Tomcat beside RunsController, and its secret is application.properties' {@code {{env:EXTEND_WEBHOOK_SECRET}}}.
 * Every delivery is signed by the test ({@link Deliveries}), its payload a run as the simulator serves it. What reaches
 * the route is watched from outside it ({@link RouteExchanges}); RunEvents is a spy only so that one test can make the
 * route fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryTest {

    private static final String KEY = "sk_test_spring_boot_example";
    private static final String PATH = "/extend/webhook";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().configure(b -> b.apiKey(KEY));

    @DynamicPropertySource
    static void extend(DynamicPropertyRegistry registry) {
        // the producer's health check and cancels go to the simulator, never to Extend
        registry.add("camel.component.extend.base-url", SIM::baseUrl);
    }

    @TestConfiguration
    static class Watch {
        @Bean
        RouteExchanges webhookExchanges() {
            return new RouteExchanges("extend-webhook");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    RouteExchanges route;

    @MockitoSpyBean
    RunEvents events;

    @BeforeEach
    void nothingLeftOver() {
        route.drain();
    }

    /** A run as GET /workflow_runs/{id} answers it, in the given status. */
    private String run(String status) {
        return SIM.simulator().run(SIM.simulator().seedRun(status)).toString();
    }

    private static String runId(String runJson) {
        return runJson.replaceFirst("(?s).*?\"id\"\\s*:\\s*\"(workflow_run_[^\"]+)\".*", "$1");
    }

    @Test
    void aSignedDeliveryReachesTheRouteTypedAndIsAnswered200() throws Exception {
        String runJson = run("CANCELLED");
        String runId = runId(runJson);
        byte[] body = Deliveries.envelope("evt_signed_1", "workflow_run.cancelled", runJson);

        Http.Answer answer = Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, body),
                BodyPublishers.ofByteArray(body));

        assertEquals(200, answer.status(), answer.body());
        RouteExchanges.Seen seen = route.next(WAIT);
        assertNull(seen.failure());
        ExtendWebhookEvent event = assertInstanceOf(ExtendWebhookEvent.class, seen.body());
        assertEquals("evt_signed_1", event.getEventId());
        assertEquals("workflow_run.cancelled", event.getEventType());
        WorkflowRun typed = assertInstanceOf(WorkflowRun.class, event.getWorkflowRun());
        assertEquals(runId, typed.getId());
        assertEquals(WorkflowRunStatus.CANCELLED, typed.getStatus());
        assertEquals("workflow_run.cancelled", seen.headers().get(ExtendConstants.WEBHOOK_EVENT_TYPE));
        assertEquals("evt_signed_1", seen.headers().get(ExtendConstants.WEBHOOK_EVENT_ID));
        assertEquals(runId, seen.headers().get(ExtendConstants.WEBHOOK_RUN_ID));
        assertEquals(List.of("evt_signed_1"), events.of(runId).stream().map(ExtendWebhookEvent::getEventId).toList(),
                "the route recorded it");
        assertEquals("[{\"eventId\":\"evt_signed_1\",\"eventType\":\"workflow_run.cancelled\",\"status\":\"CANCELLED\"}]",
                Http.get(port, "/runs/" + runId + "/events").body(), "GET /runs/{id}/events shows it");
    }

    @Test
    void aForgedOrTamperedDeliveryIs401AndReachesNoRoute() throws Exception {
        String runJson = run("CANCELLED");
        byte[] body = Deliveries.envelope("evt_forged_1", "workflow_run.cancelled", runJson);
        byte[] other = Deliveries.envelope("evt_forged_2", "workflow_run.cancelled", runJson);

        Map<String, String> wrongSecret = Deliveries.signed("wss_test_not_the_endpoints_secret", body);
        assertEquals(401, Http.post(port, PATH, wrongSecret, BodyPublishers.ofByteArray(body)).status());
        Map<String, String> signedForAnother = Deliveries.signed(Deliveries.SECRET, other);
        assertEquals(401, Http.post(port, PATH, signedForAnother, BodyPublishers.ofByteArray(body)).status(),
                "a signature of another body");
        Map<String, String> unsigned = new LinkedHashMap<>(Deliveries.signed(Deliveries.SECRET, body));
        unsigned.remove(Deliveries.SIGNATURE_HEADER);
        assertEquals(401, Http.post(port, PATH, unsigned, BodyPublishers.ofByteArray(body)).status(), "no signature");

        assertTrue(route.drain().isEmpty(), "no exchange of the route");
        assertTrue(events.of(runId(runJson)).isEmpty(), "nothing recorded");
        // the same body, signed with the secret, does pass: the 401s were the signatures'
        assertEquals(200, Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, body),
                BodyPublishers.ofByteArray(body)).status());
    }

    @Test
    void aBodyAboveMaxBodySizeIs413WhateverItsFramingAndOneAtTheLimitPasses() throws Exception {
        int max = camel.getComponent("extend", ExtendComponent.class).getConfiguration().getMaxBodySize();
        String runJson = run("CANCELLED");
        byte[] atLimit = padded(Deliveries.envelope("evt_large_1", "workflow_run.cancelled", runJson), max);
        byte[] above = padded(Deliveries.envelope("evt_large_2", "workflow_run.cancelled", runJson), max + 1);
        byte[] wellAbove = padded(Deliveries.envelope("evt_large_3", "workflow_run.cancelled", runJson), 3 * max);

        Http.Answer declared = Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, above),
                BodyPublishers.ofByteArray(above));
        assertEquals(413, declared.status(), "with a Content-Length: " + declared.body());
        Http.Answer chunked = Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, above),
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(above)));
        assertEquals(413, chunked.status(), "chunked, no Content-Length: " + chunked.body());
        // well above the limit, the starter's filter answers as soon as the limit is passed, and Tomcat closes the
        // connection once it has dropped max-swallow-size (2 MB) of the rest: a sender still writing then may see the
        // connection reset instead of the 413 - either way the delivery fails and nothing reaches the route
        try {
            Http.Answer large = Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, wellAbove),
                    BodyPublishers.ofByteArray(wellAbove));
            assertEquals(413, large.status(), "above Tomcat's 2 MB defaults too: " + large.body());
            assertTrue(large.body().contains("maxBodySize"), "the filter's answer, not the server's: " + large.body());
        } catch (java.io.IOException closedWhileSending) {
            // the reset: see above
        }
        assertTrue(route.drain().isEmpty(), "no exchange of the route");

        Http.Answer fits = Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, atLimit),
                BodyPublishers.ofByteArray(atLimit));
        assertEquals(200, fits.status(), "a body of exactly maxBodySize (" + max + " bytes) is read: " + fits.body());
        assertEquals("evt_large_1", ((ExtendWebhookEvent) route.next(WAIT).body()).getEventId());
    }

    /** The envelope, with spaces before its closing brace up to {@code size} bytes: still the same JSON. */
    private static byte[] padded(byte[] envelope, int size) {
        byte[] padded = Arrays.copyOf(envelope, size);
        Arrays.fill(padded, envelope.length - 1, size - 1, (byte) ' ');
        padded[size - 1] = '}';
        return padded;
    }

    @Test
    void aFailingRouteIs500AndTheEventIsRecordedWhenExtendDeliversItAgain() throws Exception {
        String runJson = run("CANCELLED");
        String runId = runId(runJson);
        byte[] body = Deliveries.envelope("evt_failing_1", "workflow_run.cancelled", runJson);
        doThrow(new IllegalStateException("the store is down")).when(events).record(any());

        Http.Answer failed = Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, body),
                BodyPublishers.ofByteArray(body));

        assertEquals(500, failed.status(), failed.body());
        assertFalse(failed.body().contains("the store is down"), "the answer quotes no exception: " + failed.body());
        RouteExchanges.Seen seen = route.next(WAIT);
        assertInstanceOf(IllegalStateException.class, seen.failure());
        assertTrue(events.of(runId).isEmpty());

        // Extend retries a 500 with the same event ID: the idempotent consumer forgot it, so it is recorded now
        doCallRealMethod().when(events).record(any());
        assertEquals(200, Http.post(port, PATH, Deliveries.signed(Deliveries.SECRET, body),
                BodyPublishers.ofByteArray(body)).status());
        assertEquals(1, events.of(runId).size());
    }

    @Test
    void noRequestHeaderNamedCamelReachesTheRouteAndOtherHeadersDo() throws Exception {
        String runJson = run("CANCELLED");
        byte[] body = Deliveries.envelope("evt_headers_1", "workflow_run.cancelled", runJson);
        Map<String, String> headers = new LinkedHashMap<>(Deliveries.signed(Deliveries.SECRET, body));
        headers.put("CamelHttpUri", "http://attacker.example/elsewhere");
        headers.put("CamelFoo", "bar");
        headers.put("camelExtendRunId", "workflow_run_chosenBySender000000000");
        headers.put("X-Request-Trace", "trace-7");

        assertEquals(200, Http.post(port, PATH + "?CamelHttpQuery=x&source=extend", headers,
                BodyPublishers.ofByteArray(body)).status());

        RouteExchanges.Seen seen = route.next(WAIT);
        assertEquals("trace-7", seen.headers().get("X-Request-Trace"), "a request header reaches the route");
        assertEquals("extend", seen.headers().get("source"), "so does a query parameter");
        assertFalse(seen.headers().containsKey("CamelFoo"));
        assertFalse(seen.headers().containsKey("CamelExtendRunId"));
        assertNotNull(seen.headers().get(ExtendConstants.WEBHOOK_RUN_ID));
        assertEquals(runId(runJson), seen.headers().get(ExtendConstants.WEBHOOK_RUN_ID));
        for (String name : seen.headers().keySet()) {
            // not the sender's CamelHttpUri, nor the engine's own CamelHttp*/CamelServlet* headers of the request
            assertTrue(!name.toLowerCase().startsWith("camel") || name.startsWith("CamelExtendWebhook"),
                    "a Camel header reached the route: " + name + " in " + seen.headers().keySet());
        }
    }
}
