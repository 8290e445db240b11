package dev.camelextend.examples.cancelruns.docs;

// tag::simulator-test[]
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendServerException;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CancelRouteSimulatorTest extends CamelTestSupport {

    @RegisterExtension
    static ExtendSimulatorExtension sim = ExtendSimulatorExtension.create();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setRetryInitialDelay(10); // fast retries in tests (default 1 s, doubling)
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new CancelRoute();
    }

    @Test
    void cancelsAProcessingRun() {
        String runId = sim.simulator().seedRun("PROCESSING");

        String result = template.requestBody("direct:cancel", runId, String.class);

        assertEquals(runId + " is CANCELLED", result);
        assertEquals("CANCELLED", sim.simulator().status(runId));
        RecordedRequest request = sim.journal().get(0);
        assertEquals("POST /workflow_runs/" + runId + "/cancel", request.requestLine());
        assertEquals("Bearer " + sim.apiKey(), request.header("Authorization"));
    }

    @Test
    void aFinishedRunIsRefused() {
        String runId = sim.simulator().seedRun("PROCESSED");

        String result = template.requestBody("direct:cancel", runId, String.class);

        assertEquals(runId + " not cancelled: run is PROCESSED", result);
    }

    @Test
    void aServerErrorIsRetried() {
        String runId = sim.simulator().seedRun("PROCESSING");
        sim.simulator().respondNext(503, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"try again\",\"retryable\":true}");

        String result = template.requestBody("direct:cancel", runId, String.class);

        assertEquals(runId + " is CANCELLED", result);
        assertEquals(503, sim.journal().get(0).responseStatus());
        assertEquals(200, sim.journal().get(1).responseStatus());
    }

    @Test
    void failsWhenExtendKeepsFailing() {
        String runId = sim.simulator().seedRun("PROCESSING");
        sim.faults().serverErrorRate(1.0); // every request gets a 500 (faults are switched off before each test)

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:cancel", runId, String.class));

        assertInstanceOf(ExtendServerException.class, e.getCause());
        assertEquals(3, sim.journal().size()); // the first attempt and 2 retries (maxRetries=2)
        assertEquals("PROCESSING", sim.simulator().status(runId));
    }
}
// end::simulator-test[]
