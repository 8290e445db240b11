package dev.camelextend.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.client.BatchProgressListener;
import dev.camelextend.model.CancelBatchSummary;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code extend:cancelBatch} of a large batch through the simulator limited to {@code rate} writes per second, the
 * component set up as a user would: {@code writeRateLimit=rate}, every other option at its default (so
 * {@code batchConcurrency} 8 and {@code pageSize} 100). It reports the wall time against the ideal ({@code runs / rate}),
 * the share of writes the simulator answered 429 (its own counters), the summary's counts, the listing requests, and
 * the component's threads during the batch next to those of one {@code extend:cancelRun} through the same options.
 * <p>
 * Before the measured batch: one single cancel in a context of its own (the thread reference), then, in the batch's
 * context, an untimed warm-up batch with the simulator's limit off; then the simulator's write limit is set and the
 * client's window of send times is left to empty (1.1 s).
 */
final class BatchCancelBench {

    /** A gap between two arrivals this long is a pause (a 429's Retry-After) or a stall, not the limiter's pace. */
    static final long GAP_MICROS = 200_000;

    /** A batch takes at most this many times its ideal before the driver gives up on it (and reports it). */
    static final double GIVE_UP_FACTOR = 3;

    private BatchCancelBench() {
    }

    /** What one measured batch did. Public fields for Jackson. */
    public static final class Result {
        public int runs;
        public int rate;
        public String options;
        public double idealSeconds;
        public double seconds;
        public double ratio;
        public long listed;
        public long cancelled;
        public long alreadyFinished;
        public long notFound;
        public long failed;
        public int passes;
        public boolean complete;
        public Map<String, Long> simulatorStatuses;
        public long writeRequests;
        public long write429;
        public double write429Share;
        public long all429;
        public long listRequests;
        public Map<String, Long> requestKinds;
        /** Cancels counted by the progress listener at each of its calls: {seconds since start, cancelled}. */
        public List<double[]> progress = new ArrayList<>();
        public double steadyRate;
        /** Gaps of more than {@link #GAP_MICROS} between two requests reaching the simulator: how many, seconds in all. */
        public int gaps;
        public double gapSeconds;
        public ComponentThreads.Counts singleCancelThreads;
        public ComponentThreads.Counts batchThreads;
        public String error;

        @Override
        public String toString() {
            return String.format("cancelBatch of %,d runs at %d writes/s: %.1f s (ideal %.1f s, x%.3f), %d cancelled,"
                                 + " %d already finished, %d not found, %d failed, %d passes, complete %s; writes %d,"
                                 + " 429 %d (%.2f%%); list requests %d; steady %.2f cancels/s; %d gaps > 200 ms (%.1f s);"
                                 + " component threads:"
                                 + " single cancel %d [%s], batch %d [%s]%s",
                    runs, rate, seconds, idealSeconds, ratio, cancelled, alreadyFinished, notFound, failed, passes,
                    complete, writeRequests, write429, 100 * write429Share, listRequests, steadyRate, gaps, gapSeconds,
                    singleCancelThreads.peakLive(), singleCancelThreads.names(), batchThreads.peakLive(),
                    batchThreads.names(), error == null ? "" : " ERROR " + error);
        }
    }

    /**
     * @param runs       the batch's size; its runs are PENDING and PROCESSING, one after the other
     * @param rate       the simulator's write limit and the component's {@code writeRateLimit}
     * @param warmupRuns the size of the untimed warm-up batch
     * @param extraOptions more options of the batch's endpoint (empty: none), to try another
     *                     {@code batchConcurrency}, say; the report names them
     * @param journalCsv where to write the simulator's journal of the measured batch (arrival, status), or null
     */
    static Result run(SimulatorProcess sim, int runs, int rate, int warmupRuns, String extraOptions,
                      java.nio.file.Path journalCsv) throws Exception {
        Result r = new Result();
        r.runs = runs;
        r.rate = rate;
        String single = "writeRateLimit=" + rate;
        r.options = single + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
        r.idealSeconds = runs / (double) rate;
        sim.clearRuns();
        sim.rateLimit(0);
        sim.cancelDelay(0);

        // the reference: one cancel through the same options, in a context of its own
        String singleRun = sim.seedProcessing(1).get(0);
        try (ComponentThreads threads = ComponentThreads.start()) {
            CamelContext context = PipelineBench.context(sim, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel").to("extend:cancelRun?" + single);
                }
            });
            try {
                context.createProducerTemplate().requestBody("direct:cancel", singleRun);
                Thread.sleep(200); // the worker's hand-back and the template's completion
            } finally {
                threads.stop();
                context.stop();
            }
            r.singleCancelThreads = threads.counts();
        }

        String warm = sim.seedBatch(warmupRuns, "PENDING", "PROCESSING");
        String batch = sim.seedBatch(runs, "PENDING", "PROCESSING");
        List<double[]> progress = new ArrayList<>();
        long[] t0 = { System.nanoTime() };
        BatchProgressListener listener = (soFar, finished) -> {
            synchronized (progress) {
                progress.add(new double[] { (System.nanoTime() - t0[0]) / 1e9, soFar.cancelled() });
            }
        };
        try (ComponentThreads threads = ComponentThreads.start()) {
            CamelContext context = PipelineBench.context(sim, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel-batch").to("extend:cancelBatch?" + r.options
                                                   + "&progressListener=#benchProgress");
                }
            }, "benchProgress", listener);
            try {
                ProducerTemplate template = context.createProducerTemplate();
                template.requestBody("direct:cancel-batch", warm, CancelBatchSummary.class); // limit off: untimed
                synchronized (progress) {
                    progress.clear();
                }
                sim.clearJournal();
                sim.rateLimit("WRITE", rate); // also empties the simulator's window
                Thread.sleep(1100); // and the client's window of send times
                t0[0] = System.nanoTime();
                CompletableFuture<CancelBatchSummary> job = template.asyncRequestBody("direct:cancel-batch", batch,
                        CancelBatchSummary.class);
                CancelBatchSummary summary;
                try {
                    summary = job.get((long) (r.idealSeconds * GIVE_UP_FACTOR) + 60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    r.error = LoadDriver.describe(e);
                    summary = null;
                }
                r.seconds = (System.nanoTime() - t0[0]) / 1e9;
                threads.stop();
                if (summary != null) {
                    r.listed = summary.listed();
                    r.cancelled = summary.cancelled();
                    r.alreadyFinished = summary.alreadyFinished();
                    r.notFound = summary.notFound();
                    r.failed = summary.failed();
                    r.passes = summary.passes();
                    r.complete = summary.complete();
                }
            } finally {
                threads.stop();
                context.stop();
            }
            r.batchThreads = threads.counts();
        }
        r.ratio = r.seconds / r.idealSeconds;
        long[] writes = sim.categoryCounts("WRITE");
        r.writeRequests = writes[0];
        r.write429 = writes[1];
        r.write429Share = writes[0] == 0 ? 0 : writes[1] / (double) writes[0];
        r.all429 = writes[1] + sim.categoryCounts("GET")[1] + sim.categoryCounts("RUN")[1];
        r.requestKinds = sim.requestKinds();
        r.listRequests = r.requestKinds.entrySet().stream().filter(e -> e.getKey().startsWith("GET list "))
                .mapToLong(Map.Entry::getValue).sum();
        r.simulatorStatuses = sim.batchStatuses(batch);
        if (journalCsv != null) {
            sim.writeJournal(journalCsv); // arrival (µs) and status of each request the simulator saw
            double[] gaps = gaps(journalCsv, GAP_MICROS);
            r.gaps = (int) gaps[0];
            r.gapSeconds = gaps[1];
        }
        synchronized (progress) {
            r.progress = new ArrayList<>(progress);
        }
        r.steadyRate = steadyRate(r.progress);
        sim.rateLimit(0);
        return r;
    }

    /**
     * From a journal CSV ({@code sequence,receivedAtMicros,status}): how many gaps between consecutive arrivals exceed
     * {@code minMicros}, and their total length in seconds.
     */
    static double[] gaps(java.nio.file.Path csv, long minMicros) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        long[] at = new long[Math.max(0, lines.size() - 1)];
        for (int i = 1; i < lines.size(); i++) {
            at[i - 1] = Long.parseLong(lines.get(i).split(",")[1]);
        }
        java.util.Arrays.sort(at);
        double count = 0;
        double micros = 0;
        for (int i = 1; i < at.length; i++) {
            long gap = at[i] - at[i - 1];
            if (gap > minMicros) {
                count++;
                micros += gap;
            }
        }
        return new double[] { count, micros / 1e6 };
    }

    /**
     * Cancels per second between the first progress report after 10 s and the last one before the end minus 10 s (the
     * pace once the job runs, without its start and its last pass), or over the whole job when it is shorter.
     */
    static double steadyRate(List<double[]> progress) {
        if (progress.size() < 2) {
            return Double.NaN;
        }
        double end = progress.get(progress.size() - 1)[0];
        double[] from = null;
        double[] to = null;
        for (double[] p : progress) {
            if (from == null && p[0] >= 10) {
                from = p;
            }
            if (p[0] <= end - 10 && p[1] > 0) {
                to = p;
            }
        }
        if (from == null || to == null || to[0] - from[0] < 10) {
            from = progress.get(0);
            to = progress.get(progress.size() - 1);
        }
        return to[0] > from[0] ? (to[1] - from[1]) / (to[0] - from[0]) : Double.NaN;
    }
}
