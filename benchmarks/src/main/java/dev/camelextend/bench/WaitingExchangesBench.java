package dev.camelextend.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.model.ExtendRun;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Many exchanges waiting at once for their runs to settle: {@code n} exchanges sent at once through a route to
 * {@code extend:awaitRun} (runs created to finish after {@code settle}) or to
 * {@code extend:cancelRun?waitForOutcome=true} (PROCESSING runs whose cancel stays CANCELLING for {@code settle}), the
 * component at its defaults (first poll after 1 s, then every second). The simulator runs on the system clock.
 * <p>
 * Per repetition: the heap after a full collection with nothing waiting, then again once every exchange is waiting
 * (half-way through {@code settle}, all of them still unfinished), the difference divided by {@code n}; and the
 * component's threads while they wait and over the whole repetition, next to those of a single wait in a context of its
 * own. The first round (0) of a context also grows its connection pool; the report keeps it apart.
 */
final class WaitingExchangesBench {

    enum Mode {
        AWAIT("extend:awaitRun"),
        CANCEL_WAIT("extend:cancelRun?waitForOutcome=true");

        final String uri;

        Mode(String uri) {
            this.uri = uri;
        }
    }

    private WaitingExchangesBench() {
    }

    /** One repetition. Public fields for Jackson. */
    public static final class Rep {
        public int rep;
        public long heapBeforeBytes;
        public long heapWaitingBytes;
        public double bytesPerExchange;
        /** Exchanges already finished when the waiting heap was read (0 in a clean repetition). */
        public int finishedAtSnapshot;
        public int settled;
        public int failed;
        public double seconds;
        /** The status of the run each exchange ended with, counted. */
        public Map<String, Long> outcomes;
        public ComponentThreads.Counts waitingThreads;
        public ComponentThreads.Counts threads;
        public String firstError;
        @com.fasterxml.jackson.annotation.JsonIgnore
        String histogramName;
    }

    /** One mode: the single wait and the repetitions. */
    public static final class Result {
        public String mode;
        public String uri;
        public int exchanges;
        public long settleMillis;
        public ComponentThreads.Counts singleWaitThreads;
        public double singleWaitSeconds;
        public List<Rep> reps = new ArrayList<>();
        public long pollRequests;

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format("%s x%d (settle %d ms): single wait %.1f s, threads %d"
                                                               + " [%s]", uri, exchanges, settleMillis,
                    singleWaitSeconds, singleWaitThreads.peakLive(), singleWaitThreads.names()));
            for (Rep r : reps) {
                sb.append(String.format("%n  rep %d: heap %.1f -> %.1f MiB, %.0f B/exchange (%d finished at the"
                                        + " snapshot); %d settled, %d failed in %.1f s %s; threads waiting %d [%s],"
                                        + " overall %d [%s]%s", r.rep, r.heapBeforeBytes / 1048576.0,
                        r.heapWaitingBytes / 1048576.0, r.bytesPerExchange, r.finishedAtSnapshot, r.settled, r.failed,
                        r.seconds, r.outcomes, r.waitingThreads.peakLive(), r.waitingThreads.names(),
                        r.threads.peakLive(), r.threads.names(), r.firstError == null ? "" : " first error: "
                                                                                           + r.firstError));
            }
            return sb.toString();
        }
    }

    /** @param reps the rounds after the first (round 0, with the connection pool still to grow) */
    static Result run(SimulatorProcess sim, Mode mode, int n, long settleMillis, int reps) throws Exception {
        Result result = new Result();
        result.mode = mode.name();
        result.uri = mode.uri;
        result.exchanges = n;
        result.settleMillis = settleMillis;
        sim.clearRuns();
        sim.rateLimit(0);
        sim.cancelDelay(settleMillis);
        RouteBuilder route = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to(mode.uri);
            }
        };

        // the reference: one wait, in a context of its own
        try (ComponentThreads threads = ComponentThreads.start()) {
            CamelContext context = PipelineBench.context(sim, route);
            try {
                List<String> id = runs(sim, mode, 1, settleMillis);
                long t0 = System.nanoTime();
                context.createProducerTemplate().requestBody("direct:wait", id.get(0), ExtendRun.class);
                result.singleWaitSeconds = (System.nanoTime() - t0) / 1e9;
                Thread.sleep(200);
            } finally {
                threads.stop();
                context.stop();
            }
            result.singleWaitThreads = threads.counts();
        }

        CamelContext context = PipelineBench.context(sim, route);
        try {
            ProducerTemplate template = context.createProducerTemplate();
            sim.clearJournal();
            // round 0 is the context's first: its connection pool grows to what n exchanges at once need, and the
            // JIT is cold, so its heap figure includes the pool's connections; rounds 1.. start with the pool grown
            for (int rep = 0; rep <= reps; rep++) {
                Rep r = new Rep();
                r.rep = rep;
                r.histogramName = mode + "-round" + rep + "-waiting";
                List<String> ids = runs(sim, mode, n, settleMillis);
                r.heapBeforeBytes = JvmStats.heapAfterGc();
                histogram(mode + "-round" + rep + "-before");
                try (ComponentThreads threads = ComponentThreads.start()) {
                    r.waitingThreads = fire(template, ids, r, settleMillis);
                    threads.stop();
                    r.threads = threads.counts();
                }
                result.reps.add(r);
                LoadDriver.log(String.format("  %s round %d: %.0f B/exchange, %d settled, %d failed", mode.uri, rep,
                        r.bytesPerExchange, r.settled, r.failed));
            }
        } finally {
            context.stop();
        }
        // the simulator's own count of reads (every one a poll here: the cancels are writes), not capped like its journal
        result.pollRequests = sim.categoryCounts("GET")[0];
        sim.cancelDelay(0);
        return result;
    }

    /**
     * With {@code -Dbench.histograms=DIR}, writes the live objects' class histogram (as {@code jcmd GC.class_histogram}
     * prints it, after a full collection) to {@code DIR/name.txt}: which objects the waiting exchanges hold.
     */
    private static void histogram(String name) {
        String dir = System.getProperty("bench.histograms");
        if (dir == null || name == null) {
            return;
        }
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] { new String[0] }, new String[] { String[].class.getName() });
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.writeString(java.nio.file.Path.of(dir, name + ".txt"), String.valueOf(text));
        } catch (Exception e) {
            LoadDriver.log("WARN: no class histogram: " + e);
        }
    }

    /** Runs that settle {@code settleMillis} after now (created) or after their cancel (seeded PROCESSING). */
    private static List<String> runs(SimulatorProcess sim, Mode mode, int n, long settleMillis) throws Exception {
        return mode == Mode.AWAIT ? sim.createRuns(n, settleMillis) : sim.seedProcessing(n);
    }

    /**
     * Sends an exchange for each run at once, reads the heap half-way through the settle time, and returns the
     * component threads seen until then. Waits for every exchange (bounded).
     */
    private static ComponentThreads.Counts fire(ProducerTemplate template, List<String> ids, Rep r, long settleMillis)
            throws Exception {
        ComponentThreads waiting = ComponentThreads.start();
        long t0 = System.nanoTime();
        List<CompletableFuture<ExtendRun>> calls = new ArrayList<>(ids.size());
        for (String id : ids) {
            calls.add(template.asyncRequestBody("direct:wait", id, ExtendRun.class));
        }
        long snapshotAt = t0 + TimeUnit.MILLISECONDS.toNanos(settleMillis / 2);
        long left;
        while ((left = snapshotAt - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        waiting.stop();
        r.heapWaitingBytes = JvmStats.heapAfterGc();
        histogram(r.histogramName);
        r.finishedAtSnapshot = (int) calls.stream().filter(CompletableFuture::isDone).count();
        r.bytesPerExchange = (r.heapWaitingBytes - r.heapBeforeBytes) / (double) ids.size();
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(new CompletableFuture[0]));
        try {
            // waitTimeout (10 min) would end each wait; the settle time plus a minute is plenty here
            all.get(settleMillis + 60_000, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // counted below
        }
        r.seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> statuses = new TreeMap<>();
        for (CompletableFuture<ExtendRun> call : calls) {
            if (call.isDone() && !call.isCompletedExceptionally()) {
                r.settled++;
                statuses.merge(call.join().getRawStatus(), 1L, Long::sum);
            } else {
                r.failed++;
                if (r.firstError == null) {
                    try {
                        call.getNow(null);
                        r.firstError = "not finished";
                    } catch (Exception e) {
                        r.firstError = LoadDriver.describe(e);
                    }
                }
            }
        }
        r.outcomes = statuses;
        return waiting.counts();
    }
}
