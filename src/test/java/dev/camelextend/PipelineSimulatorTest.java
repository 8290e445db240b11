package dev.camelextend;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.support.ExtendTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waits and batch cancels against the simulator's real answers: a poll that fails transiently, a batch of many pages
 * under the simulator's write limit, and a crash in the middle of a batch (the CamelContext stopped) after which
 * running it again finishes the job.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
class PipelineSimulatorTest {

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.clock(SimulatorClock.system()).cancelDelay(Duration.ofMillis(200)));

    private static CamelContext context(String endpoint) throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        ExtendTestKit.route(context, "direct:start", "extend:" + endpoint + (endpoint.contains("?") ? "&" : "?")
                                                     + "apiKey=" + sim.apiKey() + "&baseUrl=" + sim.baseUrl());
        context.start();
        return context;
    }

    private static long count(String status) {
        ExtendSimulator sim = SIM.simulator();
        return sim.runIds().stream().filter(id -> status.equals(sim.status(id))).count();
    }

    @Test
    void aPollThatFailsTransientlyIsRiddenOutAndTheWaitEndsWithTheSettledRun() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String id = sim.seedRun("PROCESSING");
        try (CamelContext context = context("cancelRun?waitForOutcome=true&pollInterval=300&maxRetries=0")) {
            CompletableFuture<Exchange> out = context.createProducerTemplate().asyncSend("direct:start",
                    e -> e.getIn().setBody(id));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!"CANCELLING".equals(sim.status(id)) && System.nanoTime() < deadline) {
                Thread.sleep(5); // until the cancel is in: the first poll comes about 300 ms after it
            }
            sim.respondNext(503, "{\"code\":\"UNAVAILABLE\",\"message\":\"try again\",\"retryable\":true}");
            Exchange done = out.get(30, TimeUnit.SECONDS);

            assertNull(done.getException());
            assertEquals("CANCELLED", ((WorkflowRun) done.getMessage().getBody()).getRawStatus());
            assertEquals(Boolean.TRUE, done.getMessage().getHeader(ExtendConstants.CANCEL_WON));
            assertTrue(sim.journal().stream().anyMatch(r -> r.responseStatus() == 503), "a poll was answered 503");
        }
    }

    @Test
    void aBatchOfManyPagesIsCancelledUnderTheSimulatorsWriteLimit() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearRuns();
        String batch = sim.seedBatch(150, null, "PENDING", "PROCESSING", "PROCESSED");
        sim.faults().rateLimit("WRITE", 60);
        try (CamelContext context = context("cancelBatch?pageSize=10&writeRateLimit=50&batchConcurrency=4")) {
            // the batch ID as JMS and Kafka often deliver a body: UTF-8 bytes
            Exchange done = context.createProducerTemplate().request("direct:start",
                    e -> e.getIn().setBody(batch.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CancelBatchSummary summary = assertInstanceOf(CancelBatchSummary.class, done.getMessage().getBody());

            assertEquals(100, summary.cancelled());
            assertEquals(0, summary.failed() + summary.notFound() + summary.alreadyFinished());
            assertTrue(summary.complete());
            assertEquals(0, sim.faults().rateLimitedCount("WRITE"), "the component stays under the write limit");
            long pages = sim.journal().stream().filter(r -> r.method().equals("GET")
                                                            && r.path().equals("/workflow_runs")).count();
            assertTrue(pages >= 10, "the batch was read in pages of 10: " + pages);
            assertEquals(50, count("PROCESSED"), "finished runs are left alone");
        } finally {
            sim.faults().rateLimit(0);
        }
    }

    @Test
    void aCrashInTheMiddleOfABatchLosesNothingAndRunningItAgainFinishesIt() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearRuns();
        String batch = sim.seedBatch(120, null, "PROCESSING");
        CamelContext crashing = context("cancelBatch?pageSize=20&writeRateLimit=40&batchConcurrency=2");
        // a crash, not a graceful stop: Camel would otherwise wait for the job to finish before it stops
        crashing.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        crashing.getShutdownStrategy().setTimeout(100);
        CompletableFuture<Exchange> first = crashing.createProducerTemplate().asyncSend("direct:start",
                e -> e.getIn().setBody(batch));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (count("CANCELLED") + count("CANCELLING") < 30 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        crashing.stop(); // the process goes down in the middle of the job
        Exchange crashed = first.get(30, TimeUnit.SECONDS);
        assertTrue(crashed.getException() != null, "the stopped job ends with a failure, not a summary");
        long before = count("PROCESSING");
        assertTrue(before > 0 && before < 120, "stopped part way: " + before + " still PROCESSING");

        try (CamelContext again = context("cancelBatch?pageSize=20&writeRateLimit=40")) {
            Exchange done = again.createProducerTemplate().request("direct:start", e -> e.getIn().setBody(batch));
            CancelBatchSummary summary = assertInstanceOf(CancelBatchSummary.class, done.getMessage().getBody());
            assertEquals(before, summary.cancelled(), "exactly what was left");
            assertTrue(summary.complete());
            assertEquals(0, count("PROCESSING"));

            Exchange third = again.createProducerTemplate().request("direct:start", e -> e.getIn().setBody(batch));
            CancelBatchSummary nothing = (CancelBatchSummary) third.getMessage().getBody();
            assertEquals(0, nothing.cancelled() + nothing.listed(), "running it once more does nothing");
        }
    }

    @Test
    void everyListingFilterCanComeFromAHeaderAndReachesTheQuery() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearRuns();
        String batch = sim.seedBatch(12, "workflow_BMdfq_yWM3sT-ZzvCnA3f", "PROCESSING");
        sim.clearJournal();
        try (CamelContext context = context("listRuns?singlePage=true")) {
            Exchange page = context.createProducerTemplate().request("direct:start", e -> {
                e.getIn().setHeader(ExtendConstants.BATCH_ID, batch);
                e.getIn().setHeader(ExtendConstants.WORKFLOW_ID, "workflow_BMdfq_yWM3sT-ZzvCnA3f");
                e.getIn().setHeader(ExtendConstants.LIST_STATUS, "processing");
                e.getIn().setHeader(ExtendConstants.FILE_NAME_CONTAINS, ".pdf");
                e.getIn().setHeader(ExtendConstants.SORT_BY, "createdAt");
                e.getIn().setHeader(ExtendConstants.SORT_DIR, "asc");
                e.getIn().setHeader(ExtendConstants.PAGE_SIZE, 5);
            });
            assertNull(page.getException());
            assertEquals(5, ((java.util.List<?>) page.getMessage().getBody()).size());
            String query = sim.journal().get(0).rawQuery();
            for (String expected : new String[] { "status=PROCESSING", "workflowId=workflow_BMdfq_yWM3sT-ZzvCnA3f",
                    "batchId=" + batch, "fileNameContains=.pdf", "sortBy=createdAt", "sortDir=asc",
                    "maxPageSize=5" }) {
                assertTrue(query.contains(expected), expected + " in " + query);
            }
        }
    }
}
