// Owns: the end-to-end webhook test of the Spring Boot example: the application cancels a run in the simulator, and
// the simulator's real signed workflow_run.cancelled delivery reaches WebhookRoute on Tomcat.
package dev.camelextend.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.ExtendConstants;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.simulator.WebhookDelivery;
import dev.camelextend.simulator.WebhookRegistration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * As in production, the webhook endpoint is made in Extend first and its signing secret configured in the application
 * (camel.component.extend.secret, over application.properties' environment variable). The endpoint is made before
 * Spring starts, when the random port is not known yet, so the test then points it at the application the way Extend's
 * API does, {@code POST /webhook_endpoints/{id}} with the new {@code url}. The simulator runs on the system clock, so
 * that the cancelled run settles and is delivered by itself. It is not the JUnit extension, whose reset before each
 * test would forget the endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookFromSimulatorTest {

    private static final String KEY = "sk_test_spring_boot_example";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** No retries: the one attempt is the application's answer, and a failed one fails the test at once. */
    static final ExtendSimulator SIM = ExtendSimulator.builder().apiKey(KEY).clock(SimulatorClock.system())
            .webhookRetries(0).build().start();
    static WebhookRegistration hook;

    @DynamicPropertySource
    static void extend(DynamicPropertyRegistry registry) {
        // port 9 (discard) until the application listens: nothing settles before the test cancels
        hook = SIM.registerWebhook("http://127.0.0.1:9/extend/webhook", null, "workflow_run.cancelled");
        registry.add("camel.component.extend.base-url", SIM::baseUrl);
        registry.add("camel.component.extend.secret", hook::signingSecret);
    }

    @AfterAll
    static void stop() {
        SIM.close();
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
    RouteExchanges route;

    @Test
    void aRunTheApplicationCancelsIsDeliveredSignedToItsWebhookRoute() throws Exception {
        pointTheEndpointAtTheApplication();
        String runId = SIM.seedRun("PROCESSING");

        Http.Answer cancel = Http.post(port, "/runs/" + runId + "/cancel");
        assertEquals(200, cancel.status(), cancel.body());

        List<WebhookDelivery> deliveries = SIM.awaitWebhookDeliveries(1, WAIT);
        assertEquals(1, deliveries.size(), "one delivery within " + WAIT + ": " + deliveries);
        WebhookDelivery delivery = deliveries.get(0);
        assertEquals("workflow_run.cancelled", delivery.eventType());
        assertEquals(200, delivery.status(), "the application's answer: " + delivery);
        // the simulator signed it as Extend does: checked with the test's own HMAC
        String timestamp = delivery.header(Deliveries.TIMESTAMP_HEADER);
        assertEquals(Deliveries.sign(hook.signingSecret(), timestamp, delivery.body().getBytes(StandardCharsets.UTF_8)),
                delivery.header(Deliveries.SIGNATURE_HEADER));

        RouteExchanges.Seen seen = route.next(WAIT);
        assertNull(seen.failure());
        ExtendWebhookEvent event = assertInstanceOf(ExtendWebhookEvent.class, seen.body());
        assertEquals(delivery.eventId(), event.getEventId());
        assertEquals(runId, event.getRunId());
        assertEquals(runId, seen.headers().get(ExtendConstants.WEBHOOK_RUN_ID));
        assertEquals(ExtendSimulator.DEFAULT_WORKFLOW_ID, seen.headers().get(ExtendConstants.WEBHOOK_WORKFLOW_ID));

        JsonNode shown = Http.get(port, "/runs/" + runId + "/events").json();
        assertEquals(1, shown.size(), shown.toString());
        assertEquals(delivery.eventId(), shown.get(0).get("eventId").asText());
        assertEquals("CANCELLED", shown.get(0).get("status").asText());
    }

    private void pointTheEndpointAtTheApplication() throws Exception {
        HttpRequest update = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/webhook_endpoints/" + hook.endpointId()))
                .timeout(WAIT)
                .header("Authorization", "Bearer " + SIM.apiKey())
                .header(ExtendSimulator.API_VERSION_HEADER, ExtendSimulator.API_VERSION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\"http://127.0.0.1:" + port + "/extend/webhook\"}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(update, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
