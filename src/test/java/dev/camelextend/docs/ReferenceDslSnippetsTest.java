package dev.camelextend.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendEndpoint;
import dev.camelextend.builder.component.ComponentsBuilderFactory;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The reference page's "Endpoint DSL and Component DSL" and "Kamelets" sections: their Java blocks are tagged regions
 * of this file (ReferenceSnippetsTest compares them with the page) and run here against the simulator; the Kamelet
 * route and its properties are loaded as written, through camel-kamelet, with the {@code env:} function answering
 * with the simulator's key and {@code jms:} a direct: component.
 */
class ReferenceDslSnippetsTest {

    static final Path THIS = Path.of("src/test/java/dev/camelextend/docs/ReferenceDslSnippetsTest.java");

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    @Test
    void theDslBlocksCancelARun() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        try {
            registerAsThePageDoes(context, sim.apiKey());
            context.getComponent("extend", ExtendComponent.class).getConfiguration().setBaseUrl(sim.baseUrl());
            context.addRoutes(new CancelRoutes());
            context.start();

            String running = sim.seedRun("PROCESSING");
            Exchange done = context.createProducerTemplate().request("direct:runs-to-cancel",
                    e -> e.getIn().setBody(running));
            assertNull(done.getException());
            assertEquals(running, assertInstanceOf(WorkflowRun.class, done.getMessage().getBody()).getId());
            assertEquals("CANCELLED", sim.status(running));
            for (Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof ExtendEndpoint extend) {
                    assertEquals(20_000, extend.getConfiguration().getRequestTimeout(), "requestTimeout(\"20s\")");
                    assertEquals(1, extend.getConfiguration().getMaxRetries());
                    assertFalse(extend.getEndpointUri().contains("apiKey"), "the routes name no key: " + extend);
                }
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void theKameletBlocksCancelARunThroughCamelKamelet() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String section = DocBlocks.section("=== Kamelets", "=== Not included yet");
        List<String> yaml = DocBlocks.blocks(section, "yaml");
        List<String> properties = DocBlocks.blocks(section, "properties");
        assertEquals(1, yaml.size(), "the Kamelet route");
        assertEquals(1, properties.size(), "its properties");
        Properties written = DocBlocks.properties(properties.get(0));
        Properties all = new Properties();
        all.putAll(written);
        // the page's Kamelet talks to Extend itself: here, to the simulator
        all.setProperty("camel.kamelet.extend-cancel-run-action.baseUrl", sim.baseUrl());
        CamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().setInitialProperties(all);
            context.getPropertiesComponent().addPropertiesFunction(new SimulatorKeyEnv(sim.apiKey()));
            context.addComponent("jms", new DirectComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() throws Exception {
                    PluginHelper.getRoutesLoader(getContext())
                            .loadRoutes(ResourceHelper.fromString("kamelet-route.camel.yaml", yaml.get(0)));
                }
            });
            context.start();
            String running = sim.seedRun("PROCESSING");
            sim.clearJournal();
            context.createProducerTemplate().sendBody("jms:queue:runs-to-cancel", running);
            assertEquals("CANCELLED", sim.status(running));
            String workspace = written.getProperty("camel.kamelet.extend-cancel-run-action.workspaceId");
            for (RecordedRequest r : sim.journal()) {
                assertEquals(workspace, r.header("x-extend-workspace-id"), r.requestLine());
            }
            assertFalse(sim.journal().isEmpty());
        } finally {
            context.stop();
        }
    }

    private static void registerAsThePageDoes(CamelContext context, String apiKey) {
        // tag::component-dsl[]
        ComponentsBuilderFactory.extend()
            .apiKey(apiKey)
            .requestTimeout(20_000)
            .register(context, "extend");
        // end::component-dsl[]
    }
}

/* The page's Endpoint DSL route, as written there. */
// tag::endpoint-dsl[]
class CancelRoutes extends EndpointRouteBuilder implements ExtendEndpointBuilderFactory.ExtendBuilders {
    @Override
    public void configure() {
        from(direct("runs-to-cancel"))
            .to(extend("cancelRun").requestTimeout("20s").maxRetries(1))
            .log("Run ${body.id} is now ${header.CamelExtendRunStatus}");
    }
}
// end::endpoint-dsl[]
