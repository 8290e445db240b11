package dev.camelextend.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelextend.ExtendComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The pipeline operations at scale, against the Extend simulator in a JVM of its own (system clock): {@code batch}
 * ({@link BatchCancelBench}: a cancelBatch through the simulator's write limit), {@code wait}
 * ({@link WaitingExchangesBench}: many exchanges waiting for their runs at once) and {@code list}
 * ({@link StreamingListBench}: a large listing walked by a streaming splitter). Writes {@code pipeline.json} and
 * {@code pipeline.md} into {@code --out}, and with {@code --docs} rewrites its own block of {@code performance.md}
 * ({@link #BEGIN} ... {@link #END}).
 * <p>
 * {@code --quick} sets small sizes (200 runs at 200 writes/s, 50 waiting exchanges, 5,000 listed runs), for a check
 * that the benchmark works; options given after it win. {@code --report OUT_DIR [DOCS_DIR]} writes the report again
 * from {@code OUT_DIR/pipeline.json}.
 */
public final class PipelineBench {

    static final String BEGIN = "<!-- BEGIN GENERATED pipeline by benchmarks/run.sh --pipeline: do not edit by hand -->";
    static final String END = "<!-- END GENERATED pipeline -->";

    /** Everything one run measured. Public fields for Jackson. */
    public static final class Results {
        public String machine;
        public String startedLoad;
        public String endedLoad;
        public Map<String, String> options;
        public List<BatchCancelBench.Result> batch = new ArrayList<>();
        public List<WaitingExchangesBench.Result> waits = new ArrayList<>();
        public List<StreamingListBench.Result> lists = new ArrayList<>();
    }

    private PipelineBench() {
    }

    static Map<String, String> defaults() {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("phases", "batch,wait,list");
        opts.put("batch-runs", "10000");
        opts.put("batch-rate", "75");
        opts.put("batch-warmup-runs", "150");
        opts.put("batch-tries", "1");
        opts.put("batch-options", "");
        opts.put("wait-exchanges", "1000");
        opts.put("wait-settle-ms", "10000");
        opts.put("wait-reps", "3");
        opts.put("wait-modes", "AWAIT,CANCEL_WAIT");
        opts.put("list-runs", "100000");
        opts.put("list-page-sizes", "1000,100");
        opts.put("list-sample-every", "10000");
        opts.put("simulator-nice", "0");
        opts.put("simulator-heap", "1g");
        opts.put("out", "benchmarks/target/results");
        opts.put("docs", "");
        return opts;
    }

    static Map<String, String> quick() {
        Map<String, String> opts = defaults();
        opts.put("batch-runs", "200");
        opts.put("batch-rate", "200");
        opts.put("batch-warmup-runs", "20");
        opts.put("wait-exchanges", "50");
        opts.put("wait-settle-ms", "2000");
        opts.put("wait-reps", "1");
        opts.put("list-runs", "5000");
        opts.put("list-sample-every", "1000");
        opts.put("simulator-heap", "256m");
        return opts;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--report")) {
            // PipelineBench --report OUT_DIR [DOCS_DIR]: the report again from OUT_DIR/pipeline.json
            Path out = Path.of(args[1]);
            Results results = new ObjectMapper().readValue(out.resolve("pipeline.json").toFile(), Results.class);
            write(results, out, args.length > 2 ? Path.of(args[2]) : null);
            return;
        }
        Map<String, String> opts = args.length > 0 && args[0].equals("--quick") ? quick() : defaults();
        for (int i = args.length > 0 && args[0].equals("--quick") ? 1 : 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !opts.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("usage: PipelineBench [--quick] [--name value]... options: "
                                                   + opts.keySet());
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        Results results = run(opts);
        Path out = Path.of(opts.get("out"));
        write(results, out, opts.get("docs").isEmpty() ? null : Path.of(opts.get("docs")));
        System.exit(0);
    }

    static Results run(Map<String, String> opts) throws Exception {
        Results results = new Results();
        results.options = new LinkedHashMap<>(opts);
        results.machine = Machine.describe();
        results.startedLoad = JvmStats.loadAverage();
        LoadDriver.log("machine: " + results.machine + "; load average " + results.startedLoad);
        List<String> phases = List.of(opts.get("phases").split(","));
        Files.createDirectories(Path.of(opts.get("out")));
        try (SimulatorProcess sim = SimulatorProcess.start(Integer.parseInt(opts.get("simulator-nice")),
                opts.get("simulator-heap"), true)) {
            if (phases.contains("batch")) {
                int runs = Integer.parseInt(opts.get("batch-runs"));
                int rate = Integer.parseInt(opts.get("batch-rate"));
                LoadDriver.log("== cancelBatch of " + runs + " runs, simulator limited to " + rate + " writes/s");
                for (int t = 1; t <= Integer.parseInt(opts.get("batch-tries")); t++) {
                    BatchCancelBench.Result r = BatchCancelBench.run(sim, runs, rate,
                            Integer.parseInt(opts.get("batch-warmup-runs")), opts.get("batch-options"),
                            Path.of(opts.get("out"), "batch-journal-" + t + ".csv"));
                    results.batch.add(r);
                    LoadDriver.log(r.toString());
                }
            }
            if (phases.contains("wait")) {
                int n = Integer.parseInt(opts.get("wait-exchanges"));
                long settle = Long.parseLong(opts.get("wait-settle-ms"));
                for (String mode : opts.get("wait-modes").split(",")) {
                    WaitingExchangesBench.Mode m = WaitingExchangesBench.Mode.valueOf(mode.trim());
                    LoadDriver.log("== " + n + " exchanges waiting at once: " + m.uri + ", runs settling after "
                                   + settle + " ms");
                    WaitingExchangesBench.Result r = WaitingExchangesBench.run(sim, m, n, settle,
                            Integer.parseInt(opts.get("wait-reps")));
                    results.waits.add(r);
                    LoadDriver.log(r.toString());
                }
            }
            if (phases.contains("list")) {
                int runs = Integer.parseInt(opts.get("list-runs"));
                List<Integer> sizes = new ArrayList<>();
                for (String s : opts.get("list-page-sizes").split(",")) {
                    sizes.add(Integer.parseInt(s.trim()));
                }
                LoadDriver.log("== listRuns of " + runs + " runs, split(body()).streaming(), page sizes " + sizes);
                results.lists.addAll(StreamingListBench.run(sim, runs, sizes,
                        Integer.parseInt(opts.get("list-sample-every"))));
            }
        }
        results.endedLoad = JvmStats.loadAverage();
        return results;
    }

    /** A context with the component pointed at the simulator, the routes added and started; beans bound first. */
    static CamelContext context(SimulatorProcess sim, RoutesBuilder routes, Object... beans) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("bench-pipeline");
        for (int i = 0; i + 1 < beans.length; i += 2) {
            context.getRegistry().bind((String) beans[i], beans[i + 1]);
        }
        ExtendComponent extend = new ExtendComponent();
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        context.addComponent("extend", extend);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    // ---------------------------------------------------------------- report

    static void write(Results results, Path out, Path docs) throws Exception {
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("pipeline.json").toFile(), results);
        String md = markdown(results);
        Files.writeString(out.resolve("pipeline.md"), md, StandardCharsets.UTF_8);
        LoadDriver.log("wrote " + out.resolve("pipeline.json") + " and " + out.resolve("pipeline.md"));
        if (docs != null) {
            Path perf = docs.resolve("performance.md");
            Files.writeString(perf, replaceBlock(Files.readString(perf, StandardCharsets.UTF_8), md),
                    StandardCharsets.UTF_8);
            LoadDriver.log("updated the pipeline block of " + perf);
        }
    }

    /** {@code doc} with the text between {@link #BEGIN} and {@link #END} replaced by {@code md}. */
    static String replaceBlock(String doc, String md) {
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalStateException("performance.md has no pipeline block (" + BEGIN + " ... " + END + ")");
        }
        return doc.substring(0, b + BEGIN.length()) + "\n\n" + md + "\n" + doc.substring(e);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String mib(long bytes) {
        return f("%.1f", bytes / 1048576.0);
    }

    private static String verdict(boolean ok) {
        return ok ? "✅" : "❌";
    }

    /** Peak alive at once, and how many of the threads seen were new. */
    private static String threads(ComponentThreads.Counts c) {
        return c == null ? "-" : c.peakLive() + " (" + c.created() + " new)";
    }

    private static String names(ComponentThreads.Counts c) {
        return c == null ? "-" : c.names().replace("|", "/");
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("_Machine: ").append(r.machine).append("; load average at start ").append(r.startedLoad)
                .append(", at end ").append(r.endedLoad).append(". The simulator runs in a JVM of its own on the same"
                                                                + " machine (system clock); everything is loopback._\n\n");
        batch(r, md);
        waits(r, md);
        lists(r, md);
        return md.toString();
    }

    private static void batch(Results r, StringBuilder md) {
        if (r.batch.isEmpty()) {
            return;
        }
        BatchCancelBench.Result first = r.batch.get(0);
        md.append(f("### cancelBatch of %,d runs, simulator limited to %d writes/s\n\n", first.runs, first.rate))
                .append(f("`extend:cancelBatch?%s`, every other option at its default (%s); the runs are PENDING and"
                          + " PROCESSING. Ideal %.1f s (%,d / %d); target ≤ 1.05 × ideal, no failed run, ≤ 1%% of"
                          + " writes answered 429, no more component threads than one cancel. After an untimed"
                          + " warm-up batch of %s runs with the limit off. \"Steady\" is the pace between the"
                          + " progress reports after 10 s and before the last 10 s; \"gaps\" are the pauses of more"
                          + " than 200 ms between two requests reaching the simulator (a 429's Retry-After, or a"
                          + " stall). Component threads: the most alive at once (sampled every %d ms), and how many"
                          + " were created, for one `extend:cancelRun?%s` in a context of its own and for the batch"
                          + " in another (its warm-up included); ✅ when the batch had no more alive at once.\n\n",
                        first.options, first.options.contains("batchConcurrency") ? "pageSize 100"
                                : "batchConcurrency 8, pageSize 100", first.idealSeconds, first.runs, first.rate,
                        r.options == null ? "?" : r.options.get("batch-warmup-runs"), ComponentThreads.PERIOD_MS,
                        "writeRateLimit=" + first.rate))
                .append("| try | seconds | × ideal | steady cancels/s | gaps (s in all) | cancelled | failed |"
                        + " passes | writes | answered 429 | 429 share | list requests | component threads: one"
                        + " cancel | batch |\n|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        int t = 1;
        for (BatchCancelBench.Result b : r.batch) {
            boolean threadsOk = b.batchThreads != null && b.singleCancelThreads != null
                                && b.batchThreads.peakLive() <= b.singleCancelThreads.peakLive();
            md.append(f("| %d | %.1f | %.3f %s | %.2f | %d (%.1f) | %,d | %d %s | %d | %,d | %d | %.2f%% %s | %d | %s |"
                        + " %s %s |\n", t++, b.seconds, b.ratio, verdict(b.ratio <= 1.05), b.steadyRate, b.gaps,
                    b.gapSeconds, b.cancelled, b.failed, verdict(b.failed == 0 && b.error == null), b.passes,
                    b.writeRequests, b.write429, 100 * b.write429Share, verdict(b.write429Share <= 0.01),
                    b.listRequests, threads(b.singleCancelThreads), threads(b.batchThreads), verdict(threadsOk)));
        }
        md.append('\n');
        t = 1;
        for (BatchCancelBench.Result b : r.batch) {
            md.append(f("Try %d: %,d already finished, %,d not found; the simulator's statuses of the batch's runs"
                        + " afterwards %s; 429s of every category %d; requests by kind %s. Component threads of the"
                        + " one cancel: %s; of the batch: %s.%s\n\n", t++, b.alreadyFinished, b.notFound,
                    b.simulatorStatuses, b.all429, b.requestKinds, names(b.singleCancelThreads), names(b.batchThreads),
                    b.error == null ? "" : " **Error:** " + b.error));
        }
    }

    private static void waits(Results r, StringBuilder md) {
        if (r.waits.isEmpty()) {
            return;
        }
        WaitingExchangesBench.Result first = r.waits.get(0);
        md.append(f("### %,d exchanges waiting at once for their runs to settle\n\n", first.exchanges))
                .append(f("The runs settle %.0f s after the exchanges are sent (created runs finishing, or cancels"
                          + " staying CANCELLING); the component polls at its defaults (pollInterval 1 s). Heap: used"
                          + " after a full collection (`System.gc()` twice), with nothing waiting and then half-way"
                          + " through the settle time with every exchange waiting; per exchange, the difference ÷"
                          + " %,d. Round 0 is the context's first: its connection pool grows meanwhile (to as many"
                          + " connections as requests at once, up to 200), so its heap figure includes the pool; the"
                          + " later rounds start with the pool grown. Component threads (sampled every %d ms): the"
                          + " most alive at once, and how many were created in the window, while the %,d wait"
                          + " (✅: no more alive than for one wait, or none created) and over the whole round"
                          + " including the settling (✅: no more alive than for one wait).\n\n",
                        first.settleMillis / 1000.0, first.exchanges, ComponentThreads.PERIOD_MS, first.exchanges))
                .append("| route to | round | heap before MiB | heap waiting MiB | bytes per waiting exchange |"
                        + " finished at the snapshot | settled / failed | seconds | ended as | component threads:"
                        + " while waiting | whole round |\n|---|---:|---:|---:|---:|---:|---|---:|---|---|---|\n");
        for (WaitingExchangesBench.Result w : r.waits) {
            for (WaitingExchangesBench.Rep rep : w.reps) {
                boolean waitingOk = rep.waitingThreads.peakLive() <= w.singleWaitThreads.peakLive()
                                    || rep.waitingThreads.created() == 0;
                md.append(f("| `%s` | %s | %s | %s | %,.0f | %d | %d / %d %s | %.1f | %s | %s %s | %s %s |\n", w.uri,
                        rep.rep == 0 ? "0 (first)" : Integer.toString(rep.rep), mib(rep.heapBeforeBytes),
                        mib(rep.heapWaitingBytes), rep.bytesPerExchange, rep.finishedAtSnapshot, rep.settled,
                        rep.failed, verdict(rep.failed == 0), rep.seconds, rep.outcomes,
                        threads(rep.waitingThreads), verdict(waitingOk), threads(rep.threads),
                        verdict(rep.threads.peakLive() <= w.singleWaitThreads.peakLive())));
            }
        }
        md.append('\n');
        for (WaitingExchangesBench.Result w : r.waits) {
            List<Double> per = w.reps.stream().filter(x -> x.rep > 0).map(x -> x.bytesPerExchange).toList();
            WaitingExchangesBench.Rep last = w.reps.get(w.reps.size() - 1);
            md.append(f("`%s`: median %,.0f bytes per waiting exchange over rounds 1–%d; %,d polls in all rounds"
                        + " (GET of a run). One wait in a context of its own: %.1f s, component threads %s: %s. After"
                        + " the last round: %s.%s\n\n", w.uri, Report.median(per), per.size(), w.pollRequests,
                    w.singleWaitSeconds, threads(w.singleWaitThreads), names(w.singleWaitThreads), names(last.threads),
                    w.reps.stream().filter(x -> x.firstError != null).findFirst()
                            .map(x -> " First error: " + x.firstError).orElse("")));
        }
    }

    private static void lists(Results r, StringBuilder md) {
        if (r.lists.isEmpty()) {
            return;
        }
        StreamingListBench.Result first = r.lists.get(0);
        md.append(f("### Listing %,d runs: `listRuns` + `split(body()).streaming()`\n\n", first.runs))
                .append(f("One batch of %,d PROCESSING runs, listed with `CamelExtendBatchId`. Per page size, a sampled"
                          + " walk (the split step reads the heap after a full collection every %,d runs; not timed)"
                          + " then a timed walk (counts the runs, checks none comes twice).\n\n", first.runs,
                        first.samples.isEmpty() ? 0 : first.samples.get(0).runs()))
                .append("| pageSize | runs listed (distinct) | page requests | seconds | runs/s | heap after GC before"
                        + " the walk MiB | during the walk MiB (every sample) | peak MiB | peak − before MiB | after"
                        + " MiB |\n|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (StreamingListBench.Result l : r.lists) {
            StringBuilder samples = new StringBuilder();
            for (StreamingListBench.Sample s : l.samples) {
                samples.append(samples.length() == 0 ? "" : ", ").append(mib(s.heapBytes()));
            }
            md.append(f("| %d%s | %,d (%,d) %s | %,d | %.2f | %,.0f | %s | %s | %s | %s | %s |\n", l.pageSize,
                    l.pageSizeIsDefault ? " (default)" : "", l.timedWalkRuns, l.distinctRuns,
                    verdict(l.timedWalkRuns == l.runs && l.distinctRuns == l.runs && l.error == null),
                    l.pageRequests, l.seconds, l.runsPerSecond, mib(l.heapBeforeBytes), samples,
                    mib(l.heapPeakBytes), mib(l.heapPeakBytes - l.heapBeforeBytes), mib(l.heapAfterBytes)));
        }
        md.append('\n');
        r.lists.stream().filter(l -> l.error != null)
                .forEach(l -> md.append("pageSize ").append(l.pageSize).append(": **error** ").append(l.error)
                        .append("\n\n"));
    }
}
