package dev.camelextend.docs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.camelextend.ExtendComponent;
import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.support.CapturedLogs;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference page's pipeline routes - waiting for the outcome, listing runs (streaming and one page), cancelling a
 * batch - as tagged regions, each run against the simulator and checked to do what the page says. The simulator's
 * cancels settle after a delay on its real-time clock, so a wait sees CANCELLING first; one run is set to lose the
 * race. A batch that does not end within 30 s fails with what the simulator saw, rather than hang the build.
 */
class ReferencePipelineSnippetsTest {

    static final Path THIS = Path.of("src/test/java/dev/camelextend/docs/ReferencePipelineSnippetsTest.java");

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.cancelDelay(Duration.ofMillis(300)).clock(SimulatorClock.system()));

    static final class WaitingForTheOutcome extends RouteBuilder {
        @Override
        public void configure() {
            // tag::waiting-for-the-outcome[]
            from("jms:queue:runs-to-cancel")
                .to("extend:cancelRun?waitForOutcome=true&waitTimeout=2m")
                .choice()
                    .when(header("CamelExtendCancelWon"))
                        .log("Run ${body.id} is cancelled: its reservation can go")
                    .otherwise()
                        .log("Run ${body.id} finished first: ${body.status}")
                .end();
            // end::waiting-for-the-outcome[]
        }
    }

    static final class ListingRuns extends RouteBuilder {
        @Override
        public void configure() {
            // tag::listing-runs[]
            from("direct:stuck-runs")
                .to("extend:listRuns?status=PENDING,PROCESSING&batchId=batch_7Ws31-F5&pageSize=500")
                .split(body()).streaming()
                    .log("Still in progress: ${body.id} (${body.status})")
                .end();
            // end::listing-runs[]
            // tag::listing-one-page[]
            from("direct:one-page")
                .to("extend:listRuns?singlePage=true&batchId=batch_7Ws31-F5")
                .log("${body.size} runs, next page: ${header.CamelExtendNextPageToken}");
            // end::listing-one-page[]
        }
    }

    static final class CancellingABatch extends RouteBuilder {
        @Override
        public void configure() {
            // tag::cancelling-a-batch[]
            from("jms:queue:bad-uploads")
                .to("extend:cancelBatch?waitForOutcome=true&writeRateLimit=10")
                .log("${body.describe()}");
            // end::cancelling-a-batch[]
        }
    }

    private static CamelContext start(RoutesBuilder... routes) throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        context.addComponent("jms", new DirectComponent());
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        extend.getConfiguration().setPollInterval(100); // the page's 1 s schedule, faster for a test
        for (RoutesBuilder r : routes) {
            context.addRoutes(r);
        }
        context.start();
        return context;
    }

    @Test
    void theCancelThatWinsAndTheCancelThatLosesTakeTheirBranches() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String wins = sim.seedRun("PROCESSING");
        String loses = sim.seedRun("PROCESSING");
        sim.cancelLosesRace(loses, "PROCESSED");
        try (CapturedLogs logs = new CapturedLogs(Level.INFO); CamelContext context = start(new WaitingForTheOutcome())) {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange won = template.request("jms:queue:runs-to-cancel", e -> e.getIn().setBody(wins));
            assertNull(won.getException());
            assertEquals("CANCELLED", ((WorkflowRun) won.getMessage().getBody()).getRawStatus());
            assertEquals(Boolean.TRUE, won.getMessage().getHeader("CamelExtendCancelWon"));
            assertTrue(won.getMessage().getHeader("CamelExtendAttempts", Integer.class) >= 2, "the cancel and a poll");

            Exchange lost = template.request("jms:queue:runs-to-cancel", e -> e.getIn().setBody(loses));
            assertNull(lost.getException());
            assertEquals("PROCESSED", ((WorkflowRun) lost.getMessage().getBody()).getRawStatus());
            assertEquals(Boolean.FALSE, lost.getMessage().getHeader("CamelExtendCancelWon"));

            assertTrue(logs.text().contains("Run " + wins + " is cancelled: its reservation can go"), logs.text());
            assertTrue(logs.text().contains("Run " + loses + " finished first: PROCESSED"), logs.text());
        }
    }

    @Test
    void theStreamingListingSplitsEveryPendingAndProcessingRunOfTheBatch() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearRuns();
        String batch = sim.seedBatch(1_234, "workflow_BMdfq_yWM3sT-ZzvCnA3f", "PENDING", "PROCESSING", "PROCESSED");
        try (CapturedLogs logs = new CapturedLogs(Level.INFO); CamelContext context = start(new ListingRuns())) {
            List<String> split = new ArrayList<>();
            // the page's batch ID is a placeholder: the header wins over the option
            Exchange listed = context.createProducerTemplate().request("direct:stuck-runs",
                    e -> e.getIn().setHeader("CamelExtendBatchId", batch));
            assertNull(listed.getException());
            for (String line : logs.text().split("\n")) {
                int at = line.indexOf("Still in progress: ");
                if (at >= 0) {
                    split.add(line.substring(at + "Still in progress: ".length()));
                }
            }
            assertEquals(823, split.size(), "two thirds of 1,234 runs are PENDING or PROCESSING");
            assertTrue(split.get(0).endsWith("(PENDING)") && split.get(822).endsWith("(PROCESSING)"),
                    "the first status, then the next");
            long pages = sim.journal().stream().filter(r -> r.path().startsWith("/workflow_runs")
                                                            && r.method().equals("GET")).count();
            assertEquals(2, pages, "412 PENDING runs in one page of 500, 411 PROCESSING in one, and nothing more");
        }
    }

    @Test
    void theOnePageListingGivesThePageAndTheNextToken() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearRuns();
        String batch = sim.seedBatch(150, "workflow_BMdfq_yWM3sT-ZzvCnA3f", "PENDING");
        try (CamelContext context = start(new ListingRuns())) {
            ProducerTemplate template = context.createProducerTemplate();
            Exchange first = template.request("direct:one-page", e -> e.getIn().setHeader("CamelExtendBatchId", batch));
            List<?> page = assertInstanceOf(List.class, first.getMessage().getBody());
            assertEquals(100, page.size(), "the component's page size");
            String token = first.getMessage().getHeader("CamelExtendNextPageToken", String.class);
            assertTrue(token != null && !token.isEmpty());

            Exchange second = template.request("direct:one-page", e -> {
                e.getIn().setHeader("CamelExtendBatchId", batch);
                e.getIn().setHeader("CamelExtendPageToken", token);
            });
            assertEquals(50, ((List<?>) second.getMessage().getBody()).size());
            assertNull(second.getMessage().getHeader("CamelExtendNextPageToken"), "no token on the last page");
            List<String> ids = new ArrayList<>();
            page.forEach(r -> ids.add(((ExtendRun) r).getId()));
            ((List<?>) second.getMessage().getBody()).forEach(r -> ids.add(((ExtendRun) r).getId()));
            assertEquals(150, ids.stream().distinct().count(), "no run twice");
        }
    }

    @Test
    void theBatchCancelCancelsWhatIsLeftAndSaysSo() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearRuns();
        String batch = sim.seedBatch(60, "workflow_BMdfq_yWM3sT-ZzvCnA3f", "PENDING", "PROCESSING", "PROCESSED");
        try (CapturedLogs logs = new CapturedLogs(Level.INFO); CamelContext context = start(new CancellingABatch())) {
            Exchange done;
            try {
                done = context.createProducerTemplate().asyncSend("jms:queue:bad-uploads",
                        e -> e.getIn().setBody(batch)).get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                Map<String, Long> seen = new TreeMap<>();
                sim.journal().forEach(r -> seen.merge(r.method() + " " + r.path().replaceAll("workflow_run_[\\w-]+",
                        "{id}") + " " + r.responseStatus(), 1L, Long::sum));
                Map<String, Long> statuses = new TreeMap<>();
                sim.runIds().forEach(id -> statuses.merge(sim.status(id), 1L, Long::sum));
                throw new AssertionError("no end within 30 s; requests " + seen + ", runs " + statuses);
            }
            assertNull(done.getException());
            CancelBatchSummary summary = assertInstanceOf(CancelBatchSummary.class, done.getMessage().getBody());
            assertEquals(40, summary.cancelled());
            assertEquals(0, summary.failed() + summary.notFound());
            assertTrue(summary.complete());
            assertTrue(logs.text().contains(summary.describe()), logs.text());
            long cancelled = sim.runIds().stream().filter(id -> "CANCELLED".equals(sim.status(id))).count();
            assertEquals(40, cancelled);
        }
    }
}
