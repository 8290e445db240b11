package dev.camelextend.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline benchmark's quick variant ({@code run.sh --quick --pipeline}: 200 runs at 200 writes/s, 50 waiting
 * exchanges, 5,000 listed runs) against the simulator in a JVM of its own, checked for what it did - every run
 * cancelled, every wait settled, every run listed once - and for its report. No timing is asserted (the machine may be
 * busy); the whole test is bounded.
 */
class PipelineBenchTest {

    @Test
    @Timeout(240)
    void theQuickVariantCancelsWaitsAndListsAndReportsIt(@TempDir Path dir) throws Exception {
        Map<String, String> opts = PipelineBench.quick();
        opts.put("out", dir.toString());
        PipelineBench.Results r = PipelineBench.run(opts);

        BatchCancelBench.Result batch = r.batch.get(0);
        assertNull(batch.error, batch.error);
        assertEquals(200, batch.cancelled, batch.toString());
        assertEquals(0, batch.failed, batch.toString());
        assertTrue(batch.complete, batch.toString());
        assertEquals(Map.of("CANCELLED", 200L), batch.simulatorStatuses, batch.toString());
        assertTrue(batch.writeRequests >= 200, batch.toString());
        assertTrue(batch.listRequests >= 4, "two statuses, listed in two passes: " + batch);
        assertTrue(batch.singleCancelThreads.peakLive() > 0 && batch.batchThreads.peakLive() > 0, batch.toString());
        assertTrue(Files.exists(dir.resolve("batch-journal-1.csv")));

        assertEquals(2, r.waits.size());
        for (WaitingExchangesBench.Result w : r.waits) {
            assertEquals(2, w.reps.size(), "round 0 and one more");
            for (WaitingExchangesBench.Rep rep : w.reps) {
                assertEquals(50, rep.settled, w.toString());
                assertEquals(0, rep.failed, w.toString());
                assertTrue(rep.heapBeforeBytes > 0 && rep.heapWaitingBytes > 0, w.toString());
                assertEquals(Map.of(w.mode.equals("AWAIT") ? "PROCESSED" : "CANCELLED", 50L), rep.outcomes,
                        w.toString());
            }
            assertTrue(w.pollRequests >= 100, "each wait polled at least once per round: " + w);
        }

        assertEquals(2, r.lists.size());
        for (StreamingListBench.Result l : r.lists) {
            assertNull(l.error, l.error);
            assertEquals(5000, l.sampledWalkRuns, l.toString());
            assertEquals(5000, l.timedWalkRuns, l.toString());
            assertEquals(5000, l.distinctRuns, l.toString());
            assertEquals(5, l.samples.size(), "a sample every 1,000 runs: " + l);
            assertEquals(5000 / l.pageSize, l.pageRequests, l.toString());
        }
        assertEquals(List.of(1000, 100), r.lists.stream().map(l -> l.pageSize).toList());

        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("performance.md"), "# P\n\n" + PipelineBench.BEGIN + "\nold\n" + PipelineBench.END
                                                           + "\n\n" + Report.BEGIN + "\nresults\n" + Report.END + "\n");
        PipelineBench.write(r, dir, docs);
        String doc = Files.readString(docs.resolve("performance.md"));
        assertTrue(doc.contains("### cancelBatch of 200 runs, simulator limited to 200 writes/s"), doc);
        assertTrue(doc.contains("### 50 exchanges waiting at once for their runs to settle"), doc);
        assertTrue(doc.contains("### Listing 5,000 runs"), doc);
        assertTrue(doc.contains(Report.BEGIN + "\nresults\n" + Report.END), "the load driver's block is left alone");
        assertTrue(!doc.contains("\nold\n"), doc);
        assertTrue(Files.exists(dir.resolve("pipeline.json")) && Files.exists(dir.resolve("pipeline.md")));
    }

    @Test
    void replacesItsOwnBlockOnlyAndFailsWithoutOne() {
        String doc = "# P\n\n" + StartupTimer.BEGIN + "\nstartup\n" + StartupTimer.END + "\n\n" + PipelineBench.BEGIN
                     + "\nold pipeline\n" + PipelineBench.END + "\n\n" + Report.BEGIN + "\nresults\n" + Report.END + "\n";
        String updated = PipelineBench.replaceBlock(doc, "new pipeline\n");

        assertTrue(updated.contains(PipelineBench.BEGIN + "\n\nnew pipeline\n\n" + PipelineBench.END), updated);
        assertTrue(updated.contains(StartupTimer.BEGIN + "\nstartup\n" + StartupTimer.END), updated);
        assertTrue(updated.contains(Report.BEGIN + "\nresults\n" + Report.END), updated);
        // and the other blocks' own replacements do not take this one's markers for theirs
        assertTrue(StartupTimer.replaceBlock(updated, "s\n").contains(PipelineBench.BEGIN + "\n\nnew pipeline\n"));
        assertThrows(IllegalStateException.class, () -> PipelineBench.replaceBlock("# P\n", "x"));
    }

    @Test
    void theSteadyRateLeavesOutTheStartAndTheEnd() {
        List<double[]> progress = List.of(new double[] { 5, 100 }, new double[] { 10, 450 }, new double[] { 15, 800 },
                new double[] { 20, 1150 }, new double[] { 25, 1500 }, new double[] { 30, 1600 },
                new double[] { 31, 1600 });
        assertEquals(70.0, BatchCancelBench.steadyRate(progress), 1e-9, "(1150 - 450) / (20 - 10)");
        assertEquals(Double.NaN, BatchCancelBench.steadyRate(List.of(new double[] { 1, 1 })));
        double shortJob = BatchCancelBench.steadyRate(List.of(new double[] { 1, 10 }, new double[] { 3, 50 }));
        assertEquals(20.0, shortJob, 1e-9, "a short job: over all of it");
    }

    @Test
    void onlyTheComponentsThreadsCount() {
        assertTrue(ComponentThreads.isComponentThread("camel-extend-io-2"));
        assertTrue(ComponentThreads.isComponentThread("Camel (bench-pipeline) thread #3 - ExtendRetryScheduler"));
        assertTrue(ComponentThreads.isComponentThread("Camel (bench-pipeline) thread #7 - ExtendWorker-1"));
        assertTrue(ComponentThreads.isComponentThread("idle-connection-evictor-1"));
        assertTrue(!ComponentThreads.isComponentThread("main"));
        assertTrue(!ComponentThreads.isComponentThread("bench-thread-sampler"));
        try (ComponentThreads sampler = ComponentThreads.start()) {
            sampler.stop();
            assertNotNull(sampler.counts().names());
        }
    }
}
