package dev.camelextend.examples.quarkus;

import dev.camelextend.ExtendComponent;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Quarkus example in JVM mode against the simulator: Camel Quarkus binds camel.component.extend.* to the
 * component, runs it on the Camel core of Camel Quarkus 3.33 (4.18), cancels a run and reports a refused cancel through
 * Simple getters, and the jar on the class path carries the native-image configuration a native build would read.
 */
@QuarkusTest
@WithTestResource(ExtendSimulatorResource.class)
class CancelRunRouteTest {

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @Test
    void theComponentOptionsBindFromApplicationProperties() {
        assertTrue(context.getVersion().startsWith("4.18."), "Camel Quarkus 3.33 runs Camel 4.18: " + context.getVersion());
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        ExtendSimulator sim = ExtendSimulatorResource.simulator;
        assertEquals(sim.baseUrl(), extend.getConfiguration().getBaseUrl(), "from the test resource");
        assertEquals(sim.apiKey(), extend.getConfiguration().getApiKey(), "from the test resource");
        assertEquals(1, extend.getConfiguration().getMaxRetries(), "from application.properties");
        assertEquals(10_000, extend.getConfiguration().getRequestTimeout(), "from application.properties (10s)");
    }

    @Test
    void cancelsARun() {
        ExtendSimulator sim = ExtendSimulatorResource.simulator;
        String runId = sim.seedRun("PROCESSING");
        Exchange done = template.request("direct:cancel-run", e -> e.getIn().setBody(runId));
        assertNull(done.getException());
        WorkflowRun run = assertInstanceOf(WorkflowRun.class, done.getMessage().getBody());
        assertEquals(runId, run.getId());
        assertEquals("CANCELLED", sim.status(runId));
        assertEquals("Run " + runId + " is now CANCELLED (workflow " + run.getWorkflow().getName() + ")",
                done.getMessage().getHeader("outcome"));
    }

    @Test
    void aRefusedCancelIsHandledWithTheRunsStatus() {
        ExtendSimulator sim = ExtendSimulatorResource.simulator;
        String runId = sim.seedRun("PROCESSED");
        Exchange done = template.request("direct:cancel-run", e -> e.getIn().setBody(runId));
        assertNull(done.getException(), "handled by onException");
        assertEquals("Run " + runId + " was not cancelled: it is already PROCESSED", done.getMessage().getHeader("outcome"));
        assertEquals("PROCESSED", sim.status(runId));
    }

    @Test
    void theComponentJarCarriesItsNativeImageConfiguration() {
        ClassLoader loader = ExtendComponent.class.getClassLoader();
        for (String file : new String[] {"reflect-config.json", "resource-config.json"}) {
            assertNotNull(loader.getResource("META-INF/native-image/dev.camelextend/camel-extend/" + file), file);
        }
    }
}
