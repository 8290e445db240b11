package dev.camelextend.kamelet;

import java.util.Properties;

import dev.camelextend.ExtendConstants;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.support.CancelChecks;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Kamelets through camel-kamelet's {@code kamelet:} component, found where it looks by default
 * (classpath:kamelets, which the jar fills): as a {@code to} and as the {@code kamelet} EIP, with the properties in
 * the URI or as {@code camel.kamelet.<name>.<property>} (how a Kamelet's secrets stay out of routes). See
 * {@link KameletsTest} for the same Kamelets without camel-kamelet, and for their definitions.
 */
class KameletComponentTest {

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    @Test
    void theKameletsCancelAndReadRunsThroughTheKameletComponent() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String account = "apiKey=" + sim.apiKey() + "&baseUrl=" + sim.baseUrl();
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel").to("kamelet:extend-cancel-run-action?" + account);
                    from("direct:get").kamelet("extend-get-run-action?" + account);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            CancelChecks.cancelsARunningRun(template, sim, "direct:cancel");
            String finished = CancelChecks.refusesAFinishedRun(template, sim, "direct:cancel");

            Exchange read = template.request("direct:get", e -> e.getIn().setBody(finished));
            assertNull(read.getException());
            assertEquals("PROCESSED", assertInstanceOf(WorkflowRun.class, read.getMessage().getBody()).getRawStatus());
            assertEquals("PROCESSED", read.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        } finally {
            context.stop();
        }
    }

    @Test
    void thePropertiesCanComeFromCamelKameletProperties() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        Properties properties = new Properties();
        properties.setProperty("camel.kamelet.extend-cancel-run-action.apiKey", sim.apiKey());
        properties.setProperty("camel.kamelet.extend-cancel-run-action.baseUrl", sim.baseUrl());
        properties.setProperty("camel.kamelet.extend-cancel-run-action.alreadyCancelledIsSuccess", "true");
        CamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel").to("kamelet:extend-cancel-run-action");
                }
            });
            context.start();
            String cancelled = sim.seedRun("CANCELLED");
            Exchange done = context.createProducerTemplate().request("direct:cancel", e -> e.getIn().setBody(cancelled));
            assertNull(done.getException(), "alreadyCancelledIsSuccess=true from the properties: the run is the result");
            assertEquals(cancelled, assertInstanceOf(WorkflowRun.class, done.getMessage().getBody()).getId());
        } finally {
            context.stop();
        }
    }
}
