package dev.camelextend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelextend.model.ProcessorRun;
import dev.camelextend.model.ProcessorRunStatus;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.support.ExtendTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations on processor runs and the waits, through routes against the simulator: the kind chosen by the ID's
 * prefix or the option, the PROCESSING-only cancel rule as a typed refusal, a wait that times out, and a listing
 * whose later page fails inside the split, caught by the route's onException.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
class EveryRunKindRouteTest {

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.clock(SimulatorClock.system()));

    private static Exchange send(String endpoint, Object body) throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            String from = ExtendTestKit.route(context, "extend:" + endpoint + (endpoint.contains("?") ? "&" : "?")
                                                       + "apiKey=" + sim.apiKey() + "&baseUrl=" + sim.baseUrl());
            return context.createProducerTemplate().request(from, e -> e.getIn().setBody(body));
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "extract", "classify", "split", "parse" })
    void aProcessingProcessorRunIsCancelledUnderItsOwnPathChosenByItsPrefix(String kind) throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String id = sim.seedProcessorRun(kind, "PROCESSING");
        Exchange out = send("cancelRun", id);

        assertNull(out.getException());
        ProcessorRun run = assertInstanceOf(ProcessorRun.class, out.getMessage().getBody());
        assertEquals(id, run.getId());
        assertEquals(kind + "_run", run.getObject());
        assertEquals(ProcessorRunStatus.CANCELLED, run.getStatus());
        assertEquals("CANCELLED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        assertEquals("CANCELLED", sim.status(id));
        assertTrue(sim.journal().stream().anyMatch(r -> r.path().equals("/" + kind + "_runs/" + id + "/cancel")));
    }

    @Test
    void aPendingProcessorRunIsRefusedWithTheRunAsItIs() throws Exception {
        String id = SIM.simulator().seedProcessorRun("extract", "PENDING");
        Exchange out = send("cancelRun", id);

        ExtendCancelNotAllowedException e = ExtendTestKit.failure(out, ExtendCancelNotAllowedException.class);
        assertEquals("PENDING", e.getRawRunStatus());
        assertInstanceOf(ProcessorRun.class, e.getCurrentRun());
        assertNull(e.getRun(), "getRun() is for workflow runs");
        assertTrue(e.getMessage().contains("only PROCESSING runs can be cancelled"), e.getMessage());
    }

    @Test
    void theRunKindOptionWinsOverThePrefix() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String id = sim.seedProcessorRun("split", "PROCESSED");
        Exchange out = send("getRun?runKind=split", id);
        assertEquals(id, assertInstanceOf(ProcessorRun.class, out.getMessage().getBody()).getId());

        Exchange wrongKind = send("getRun?runKind=classify", id);
        assertEquals(404, ExtendTestKit.failure(wrongKind, ExtendNotFoundException.class).getStatusCode(),
                "a split run is not a classify run");
    }

    @Test
    void aWaitThatRunsOutOfTimeIsATypedFailureWithTheLastStatus() throws Exception {
        String id = SIM.simulator().seedRun("PROCESSING");
        Exchange out = send("awaitRun?waitTimeout=1500&pollInterval=200", id);

        ExtendWaitTimeoutException e = ExtendTestKit.failure(out, ExtendWaitTimeoutException.class);
        assertEquals("PROCESSING", e.getLastStatus());
        assertEquals(id, e.getRunId());
        int attempts = out.getMessage().getHeader(ExtendConstants.ATTEMPTS, Integer.class);
        assertTrue(attempts >= 3, "every poll is counted: " + attempts);
    }

    @Test
    void awaitRunOfAProcessorRunEndsWhenItSettles() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.lifecycle(Duration.ofMillis(200), Duration.ofMillis(600));
        try {
            String id = sim.createProcessorRun("parse", Map.of(ExtendSimulator.OUTCOME_METADATA_KEY, "FAILED"));
            Exchange out = send("awaitRun?pollInterval=100", id);
            assertNull(out.getException());
            assertEquals("FAILED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
            assertNull(out.getMessage().getHeader(ExtendConstants.CANCEL_WON), "awaitRun says nothing about a cancel");
        } finally {
            sim.lifecycle(Duration.ZERO, Duration.ZERO);
        }
    }

    @Test
    void aLaterPageThatFailsInsideTheSplitReachesTheRoutesOnException() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String batch = sim.seedBatch(30, null, "PROCESSING");
        List<String> split = new ArrayList<>();
        List<Throwable> caught = new ArrayList<>();
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(ExtendServerException.class).handled(true)
                        .process(e -> caught.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
                from("direct:list")
                    .to("extend:listRuns?pageSize=10&maxRetries=0&apiKey=" + sim.apiKey() + "&baseUrl="
                        + sim.baseUrl() + "&batchId=" + batch)
                    .process(e -> sim.respondNext(503, "{\"code\":\"UNAVAILABLE\",\"message\":\"down\"}"))
                    .split(body()).streaming()
                        .process(e -> split.add(e.getIn().getBody(WorkflowRun.class).getId()))
                    .end();
            }
        });
        context.start();
        try {
            context.createProducerTemplate().sendBody("direct:list", null);
        } finally {
            context.stop();
        }
        assertEquals(10, split.size(), "the whole first page was split (the last run too, although Camel's splitter"
                                       + " looks ahead), then the second page failed");
        assertEquals(1, caught.size());
        Throwable t = caught.get(0);
        while (t != null && !(t instanceof ExtendServerException)) {
            t = t.getCause();
        }
        assertEquals(503, assertInstanceOf(ExtendServerException.class, t, "the typed failure of the page")
                .getStatusCode());
    }
}
