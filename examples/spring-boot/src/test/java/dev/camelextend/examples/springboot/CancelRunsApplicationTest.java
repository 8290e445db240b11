package dev.camelextend.examples.springboot;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConfiguration;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs, against the simulator: application.properties (the key from the environment, the
 * simulator's URL and a few more options set as the environment would) binds on the component through the starter alone, a cancel goes
 * through the route, the actuator's health shows the component's producer check UP, and /actuator/configprops shows
 * no key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "management.endpoints.web.exposure.include=health,configprops")
class CancelRunsApplicationTest {

    /** The EXTEND_API_KEY that the build gives the test JVM (its pom.xml), read by application.properties. */
    private static final String KEY = "sk_test_spring_boot_example";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().configure(b -> b.apiKey(KEY));

    @DynamicPropertySource
    static void extend(DynamicPropertyRegistry registry) {
        // the simulator's port is known only now; the key comes as application.properties has it, {{env:...}}
        registry.add("camel.component.extend.base-url", SIM::baseUrl);
        // beside application.properties' own: an override and options it does not set
        registry.add("camel.component.extend.max-retries", () -> "1");
        registry.add("camel.component.extend.connect-timeout", () -> "1m30s");
        registry.add("camel.component.extend.rate-limit", () -> "50");
        registry.add("camel.component.extend.max-worker-threads", () -> "8");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext spring;

    @Autowired
    CamelContext camel;

    @Test
    void everyPropertyIsBoundOnTheComponentWithoutAComponentBean() {
        assertTrue(spring.getBeansOfType(ExtendComponent.class).isEmpty(), "no hand-written ExtendComponent bean");
        assertTrue(spring.getBeansOfType(ComponentCustomizer.class).containsKey("configureExtendComponent"),
                   "the starter's customizer configures it");
        ExtendComponent component = camel.getComponent("extend", ExtendComponent.class);
        ExtendConfiguration bound = component.getConfiguration();
        assertEquals(System.getenv("EXTEND_API_KEY"), SIM.apiKey(), "the build sets the environment");
        assertEquals(SIM.apiKey(), bound.getApiKey(), "application.properties: {{env:EXTEND_API_KEY}}");
        assertEquals(SIM.baseUrl(), bound.getBaseUrl());
        assertEquals(20_000, bound.getRequestTimeout(), "application.properties: request-timeout=20s");
        assertTrue(bound.isAlreadyCancelledIsSuccess(), "application.properties");
        assertEquals(1, bound.getMaxRetries(), "the environment overrides application.properties' 2");
        assertEquals(90_000, bound.getConnectTimeout());
        assertEquals(50.0, bound.getRateLimit());
        assertEquals(8, component.getMaxWorkerThreads());
        assertEquals(ExtendConfiguration.DEFAULT_API_VERSION, bound.getApiVersion(), "not set: the component's own");
    }

    @Test
    void aCancelGoesThroughTheRouteToExtend() throws Exception {
        String runId = SIM.simulator().seedRun("PROCESSING");
        Http.Answer answer = Http.post(port, "/runs/" + runId + "/cancel");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(runId, answer.json().get("id").asText());
        assertEquals("CANCELLED", answer.json().get("status").asText());
        assertEquals("CANCELLED", SIM.simulator().status(runId));
        RecordedRequest cancel = SIM.journal().stream().filter(r -> "POST".equals(r.method())).findFirst().orElseThrow();
        assertEquals("/workflow_runs/" + runId + "/cancel", cancel.path());
        assertEquals("Bearer " + SIM.apiKey(), cancel.header("Authorization"));
    }

    @Test
    void aFinishedRunIsAConflictAnUnknownOneNotFoundAMalformedIdABadRequest() throws Exception {
        String done = SIM.simulator().seedRun("PROCESSED");
        Http.Answer refused = Http.post(port, "/runs/" + done + "/cancel");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("PROCESSED", refused.json().get("status").asText());
        assertEquals(404, Http.post(port, "/runs/workflow_run_doesNotExist000000000/cancel").status());
        int before = SIM.journal().size();
        assertEquals(400, Http.post(port, "/runs/not!a!run/cancel").status());
        assertEquals(before, SIM.journal().size(), "a malformed ID is never sent");
    }

    @Test
    void aRunCancelledAlreadyIsCancelledAgain() throws Exception {
        String runId = SIM.simulator().seedRun("PROCESSING");
        assertEquals(200, Http.post(port, "/runs/" + runId + "/cancel").status());
        Http.Answer again = Http.post(port, "/runs/" + runId + "/cancel");
        assertEquals(200, again.status(), "application.properties: already-cancelled-is-success=true; " + again.body());
        assertEquals("CANCELLED", again.json().get("status").asText());
    }

    @Test
    void healthShowsTheProducerCheckUp() throws Exception {
        Http.Answer health = Http.get(port, "/actuator/health");
        assertEquals(200, health.status(), health.body());
        JsonNode camelHealth = health.json().path("components").path("camelHealth");
        assertEquals("UP", camelHealth.path("status").asText(), health.body());
        Map.Entry<String, JsonNode> check = producerCheck(camelHealth);
        assertEquals("UP", check.getValue().asText(), health.body());
        assertTrue(SIM.journal().stream().anyMatch(r -> "/workflow_runs".equals(r.path())
                                                        && ("Bearer " + SIM.apiKey()).equals(r.header("Authorization"))),
                   "the check asked Extend with the key");
    }

    @Test
    void configpropsShowsNoKey() throws Exception {
        Http.Answer props = Http.get(port, "/actuator/configprops");
        assertEquals(200, props.status(), props.body());
        assertFalse(props.body().contains(SIM.apiKey()), "the key is in /actuator/configprops");
        JsonNode extend = null;
        for (JsonNode bean : props.json().path("contexts").elements().next().path("beans")) {
            if ("camel.component.extend".equals(bean.path("prefix").asText())) {
                extend = bean;
            }
        }
        assertNotNull(extend, "the starter's properties are listed");
        assertEquals("******", extend.path("properties").path("apiKey").asText());
    }

    /** The component's check among Camel's checks: {@code producer:extend-<account digest>}. */
    static Map.Entry<String, JsonNode> producerCheck(JsonNode camelHealth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = camelHealth.path("details").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> detail = it.next();
            if (detail.getKey().startsWith("producer:extend-") && detail.getValue().isTextual()) {
                return detail;
            }
        }
        throw new AssertionError("no producer:extend-... check in " + camelHealth);
    }
}
