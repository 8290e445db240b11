package dev.camelextend.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelextend.model.ExtendRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * A listing of one batch of {@code runs} runs walked by {@code extend:listRuns} and {@code split(body()).streaming()},
 * as the reference page shows it, at each page size. Each page size gets two walks in one context: a sampled walk,
 * whose splitter step reads the heap after a full collection every {@code sampleEvery} runs (the collections take time,
 * so this walk is not timed), then a timed walk that only counts the runs and checks that none comes twice.
 */
final class StreamingListBench {

    private StreamingListBench() {
    }

    /** One heap reading during a walk. */
    public record Sample(long runs, long heapBytes) {
    }

    /** One page size. Public fields for Jackson. */
    public static final class Result {
        public int runs;
        public int pageSize;
        public boolean pageSizeIsDefault;
        public long heapBeforeBytes;
        public List<Sample> samples = new ArrayList<>();
        public long heapPeakBytes;
        public long heapAfterBytes;
        public long sampledWalkRuns;
        public long timedWalkRuns;
        public long distinctRuns;
        public double seconds;
        public double runsPerSecond;
        public long pageRequests;
        public String error;

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Sample s : samples) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s.runs()).append(": ")
                        .append(String.format("%.1f", s.heapBytes() / 1048576.0));
            }
            return String.format("listRuns of %,d runs, pageSize %d: %.2f s (%,.0f runs/s), %d runs (%d distinct), %d"
                                 + " page requests; heap after GC before %.1f MiB, peak %.1f MiB, after %.1f MiB;"
                                 + " samples [%s]%s", runs, pageSize, seconds, runsPerSecond, timedWalkRuns,
                    distinctRuns, pageRequests, heapBeforeBytes / 1048576.0, heapPeakBytes / 1048576.0,
                    heapAfterBytes / 1048576.0, sb, error == null ? "" : " ERROR " + error);
        }
    }

    static List<Result> run(SimulatorProcess sim, int runs, List<Integer> pageSizes, int sampleEvery)
            throws Exception {
        sim.clearRuns();
        sim.rateLimit(0);
        String batch = sim.seedBatch(runs, "PROCESSING");
        List<Result> results = new ArrayList<>();
        for (int pageSize : pageSizes) {
            Result r = new Result();
            r.runs = runs;
            r.pageSize = pageSize;
            r.pageSizeIsDefault = pageSize == 100;
            AtomicLong seen = new AtomicLong();
            Set<String> ids = new HashSet<>();
            boolean[] sampling = { true };
            String options = pageSize == 100 ? "" : "?pageSize=" + pageSize; // 100 is the default: as a user leaves it
            CamelContext context = PipelineBench.context(sim, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list")
                        .to("extend:listRuns" + options)
                        .split(body()).streaming()
                            .process(e -> onRun(e, seen, ids, sampling[0], sampleEvery, r))
                        .end();
                }
            });
            try {
                ProducerTemplate template = context.createProducerTemplate();
                r.heapBeforeBytes = JvmStats.heapAfterGc();
                Exchange sampled = template.request("direct:list", e -> e.getIn().setHeader("CamelExtendBatchId", batch));
                r.sampledWalkRuns = seen.get();
                r.heapAfterBytes = JvmStats.heapAfterGc();
                r.heapPeakBytes = r.samples.stream().mapToLong(Sample::heapBytes).max().orElse(0);
                if (sampled.getException() != null) {
                    r.error = LoadDriver.describe(sampled.getException());
                }

                sampling[0] = false;
                seen.set(0);
                sim.clearJournal();
                long t0 = System.nanoTime();
                Exchange timed = template.request("direct:list", e -> e.getIn().setHeader("CamelExtendBatchId", batch));
                r.seconds = (System.nanoTime() - t0) / 1e9;
                r.timedWalkRuns = seen.get();
                r.distinctRuns = ids.size();
                r.runsPerSecond = r.timedWalkRuns / r.seconds;
                if (timed.getException() != null && r.error == null) {
                    r.error = LoadDriver.describe(timed.getException());
                }
                r.pageRequests = sim.requestKinds().entrySet().stream().filter(k -> k.getKey().startsWith("GET list "))
                        .mapToLong(Map.Entry::getValue).sum();
            } finally {
                context.stop();
            }
            results.add(r);
            LoadDriver.log(r.toString());
        }
        return results;
    }

    private static void onRun(Exchange e, AtomicLong seen, Set<String> ids, boolean sampling, int sampleEvery,
                              Result r) {
        long n = seen.incrementAndGet();
        if (sampling) {
            if (n % sampleEvery == 0) {
                r.samples.add(new Sample(n, JvmStats.heapAfterGc()));
            }
        } else {
            ids.add(e.getIn().getBody(ExtendRun.class).getId());
        }
    }
}
