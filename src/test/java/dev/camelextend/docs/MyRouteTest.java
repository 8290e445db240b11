package dev.camelextend.docs;

import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/* simulator/README.md's JUnit 5 example, as written there (SimulatorReadmeSnippetsTest compares the two). */
// tag::simulator-extension[]
class MyRouteTest extends CamelTestSupport {

    @RegisterExtension
    static ExtendSimulatorExtension sim = ExtendSimulatorExtension.create()
            .configure(b -> b.apiKey("sk_test").cancelRefusalStatus(409));

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancel")
                    .to("extend:cancelRun?baseUrl=" + sim.baseUrl() + "&apiKey=" + sim.apiKey());
            }
        };
    }

    @Test
    void cancels() {
        String runId = sim.simulator().seedRun("PROCESSING");
        template.sendBody("direct:cancel", runId);
        assertEquals("CANCELLED", sim.simulator().status(runId));
        assertEquals(1, sim.journal().size());
    }
}
// end::simulator-extension[]
