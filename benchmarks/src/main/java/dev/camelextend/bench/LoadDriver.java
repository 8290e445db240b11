package dev.camelextend.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelextend.model.WorkflowRun;
import org.HdrHistogram.Histogram;

/**
 * The load driver: runs (a) the component, (b) a camel-http route and (c) plain HttpClient 5 + Jackson against one
 * loopback stub in a separate JVM, interleaved in rounds, and writes the results (JSON, Markdown, PNG chart).
 * <p>
 * Phases (all by default, or a comma list with {@code --phases}): {@code stub} (is the stub (c)'s ceiling?),
 * {@code compare} (throughput, p50/p99, threads, allocation at each concurrency), {@code inflight} (1,000 cancels in
 * flight against a stub answering in 200 ms), {@code retry} (the same with every first attempt answered 503: waits
 * must hold no thread), {@code ratelimit} (2,000 cancels through a 50 req/s limit, with and without {@code rateLimit}).
 * <p>
 * {@code --latency-ms N} (default 0: the stub answers at once) makes the {@code compare} phase's requests go to the
 * stub's {@code /delay/N} path, so every answer comes N ms late, as Extend's do (tens of ms); no thread waits for it.
 */
public final class LoadDriver {

    static final String[] CLIENTS = { "a", "b", "c" };
    /** Untimed cancels before the rate-limit job (the simulator's limit is off meanwhile): JIT, connections. */
    static final int WARMUP_RUNS = 100;

    private final Map<String, String> opts;
    private final Results results = new Results();

    private LoadDriver(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("phases", "stub,compare,inflight,retry,ratelimit");
        opts.put("rounds", "8");
        opts.put("warmup-ms", "1000");
        opts.put("measure-ms", "2000");
        opts.put("concurrency", "1,16,256");
        opts.put("out", "benchmarks/target/results");
        opts.put("docs", "");
        opts.put("jmh", "");
        opts.put("ratelimit-runs", "2000");
        opts.put("ratelimit-rate", "50");
        opts.put("simulator-nice", "0");
        opts.put("clients", "a,b,c");
        opts.put("latency-ms", "0");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: LoadDriver [--name value]... options: " + opts.keySet());
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        new LoadDriver(opts).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path out = Path.of(opts.get("out"));
        Files.createDirectories(out);
        results.machine = Machine.describe();
        results.startedLoad = JvmStats.loadAverage();
        log("machine: " + results.machine);
        List<String> phases = List.of(opts.get("phases").split(","));
        // compare runs first, in a fresh JVM: the stub check loads client (c) alone, and would otherwise shape the
        // JIT's profile of the HttpClient code that (a) and (c) share before (a) ever ran
        try (StubProcess stub = StubProcess.start(StubServer.Engine.HTTPCORE, 0)) {
            if (phases.contains("compare")) {
                comparePhase(stub);
            }
        }
        if (phases.contains("stub")) {
            stubPhase();
        }
        try (StubProcess stub = StubProcess.start(StubServer.Engine.HTTPCORE, 0)) {
            if (phases.contains("inflight")) {
                inflightPhase(stub);
            }
            if (phases.contains("retry")) {
                retryPhase(stub);
            }
        }
        if (phases.contains("ratelimit")) {
            rateLimitPhase();
        }
        results.endedLoad = JvmStats.loadAverage();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("results.json").toFile(), results);
        log("wrote " + out.resolve("results.json"));
        Report.write(results, out, opts.get("jmh").isEmpty() ? null : Path.of(opts.get("jmh")),
                opts.get("docs").isEmpty() ? null : Path.of(opts.get("docs")));
    }

    private int[] concurrencies() {
        String[] parts = opts.get("concurrency").split(",");
        int[] c = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            c[i] = Integer.parseInt(parts[i].trim());
        }
        return c;
    }

    private long warmup() {
        return Long.parseLong(opts.get("warmup-ms"));
    }

    private long measure() {
        return Long.parseLong(opts.get("measure-ms"));
    }

    // ---------------------------------------------------------------- stub: is it the ceiling?

    private void stubPhase() throws Exception {
        log("== stub capacity: raw NIO client vs (c), against the HttpCore 5 stub and the JDK HttpServer stub");
        for (StubServer.Engine engine : StubServer.Engine.values()) {
            try (StubProcess stub = StubProcess.start(engine, 0)) {
                measureRun("c", stub, 16, -1); // warm-up pass, numbers dropped
                for (int conc : concurrencies()) {
                    long stubCpu0 = stub.cpuNanos();
                    long cpu0 = JvmStats.processCpuNanos();
                    stub.reset();
                    double raw = RawLoad.run(stub.port(), conc, warmup(), measure());
                    long served = stub.stats().ok();
                    StubRow rawRow = new StubRow(engine.name(), "raw", conc, raw,
                            (stub.cpuNanos() - stubCpu0) / 1e3 / served, (JvmStats.processCpuNanos() - cpu0) / 1e3 / served);
                    results.stub.add(rawRow);
                    log(rawRow.toString());
                    stubCpu0 = stub.cpuNanos();
                    cpu0 = JvmStats.processCpuNanos();
                    stub.reset();
                    RunRow c = measureRun("c", stub, conc, 0);
                    served = stub.stats().ok();
                    StubRow cRow = new StubRow(engine.name(), "c", conc, c.throughput,
                            (stub.cpuNanos() - stubCpu0) / 1e3 / served, (JvmStats.processCpuNanos() - cpu0) / 1e3 / served);
                    results.stub.add(cRow);
                    log(cRow.toString());
                }
            }
        }
    }

    // ---------------------------------------------------------------- compare a, b, c

    /**
     * For each concurrency, {@code rounds} times: the three clients are created, warmed up, then measured in short
     * slices, one client after the other (the order rotates each round). Slices of the same round ran seconds apart
     * on the same machine, so their ratio is what this noisy machine can tell; the report takes the median over rounds.
     */
    private void comparePhase(StubProcess stub) throws Exception {
        int rounds = Integer.parseInt(opts.get("rounds"));
        String[] clients = opts.get("clients").split(",");
        long latencyMs = Long.parseLong(opts.get("latency-ms"));
        String base = stub.baseUrl() + (latencyMs > 0 ? "/delay/" + latencyMs : "");
        log("== compare " + String.join("/", clients) + ": " + rounds + " rounds of interleaved " + measure()
            + " ms slices per concurrency, after " + warmup() + " ms of warm-up per client, stub latency "
            + latencyMs + " ms");
        int[] conc = concurrencies();
        for (int ci = 0; ci < conc.length; ci++) {
            for (int round = 1; round <= rounds; round++) {
                // fresh clients every round: which I/O thread a pooled connection lands on is luck, and at low
                // concurrency it decides whether each request needs a cross-thread hand-off; new clients per round
                // draw that luck again instead of fixing it for all rounds
                Map<String, CancelClient> live = new LinkedHashMap<>();
                Map<String, Long> started = new LinkedHashMap<>();
                Map<String, String> names = new LinkedHashMap<>();
                try {
                    for (String label : clients) {
                        Set<Long> before = JvmStats.liveThreadIds();
                        long s0 = JvmStats.startedThreads();
                        CancelClient client = CancelClient.create(label, base, conc[ci]);
                        live.put(label, client);
                        slice(client, stub, conc[ci], warmup(), null); // warm-up: numbers dropped
                        started.put(label, JvmStats.startedThreads() - s0);
                        names.put(label, JvmStats.newThreadNames(before));
                    }
                    for (int k = 0; k < clients.length; k++) {
                        String label = clients[(k + round + ci) % clients.length]; // rotate who goes first
                        long s0 = JvmStats.startedThreads();
                        RunRow row = new RunRow();
                        row.client = label;
                        row.concurrency = conc[ci];
                        row.round = round;
                        slice(live.get(label), stub, conc[ci], measure(), row);
                        row.threadsStarted = started.get(label) + JvmStats.startedThreads() - s0;
                        row.threadNames = names.get(label);
                        results.runs.add(row);
                        log(row.toString());
                    }
                } finally {
                    live.values().forEach(CancelClient::close);
                }
            }
        }
    }

    /** One closed-loop slice: ramp up, measure for {@code millis} (into {@code row} unless null), drain. */
    private void slice(CancelClient client, StubProcess stub, int concurrency, long millis, RunRow row)
            throws Exception {
        ClosedLoop loop = new ClosedLoop(client, concurrency);
        loop.start();
        Thread.sleep(row == null ? 0 : 250);
        long cpu0 = JvmStats.processCpuNanos();
        long stubCpu0 = stub.cpuNanos();
        long alloc0 = JvmStats.allocatedBytes();
        int peak = JvmStats.liveThreads();
        loop.beginMeasure();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            Thread.sleep(20);
            peak = Math.max(peak, JvmStats.liveThreads());
        }
        ClosedLoop.Window w = loop.endMeasure();
        long alloc1 = JvmStats.allocatedBytes();
        long cpu1 = JvmStats.processCpuNanos();
        long stubCpu1 = stub.cpuNanos();
        if (!loop.stop(60_000)) {
            log("WARN: a slice did not drain within 60 s");
        }
        if (row == null) {
            return;
        }
        record(row, w, peak, alloc1 - alloc0, cpu1 - cpu0, stubCpu1 - stubCpu0);
    }

    /** Puts a measured window and what the client and the stub spent during it into {@code row}. */
    private static void record(RunRow row, ClosedLoop.Window w, int liveThreadsPeak, long allocatedBytes,
                               long clientCpuNanos, long stubCpuNanos) {
        long calls = w.completed();
        row.liveThreadsPeak = liveThreadsPeak;
        row.throughput = w.throughput();
        row.completed = calls;
        row.failed = w.failed();
        row.p50Micros = w.latency().getValueAtPercentile(50) / 1e3;
        row.p99Micros = w.latency().getValueAtPercentile(99) / 1e3;
        row.allocBytesPerCall = calls == 0 ? 0 : allocatedBytes / (double) calls;
        row.clientCpuMicrosPerCall = calls == 0 ? 0 : clientCpuNanos / 1e3 / calls;
        row.stubCpuMicrosPerCall = calls == 0 ? 0 : stubCpuNanos / 1e3 / calls;
        if (w.firstError() != null) {
            row.firstError = describe(w.firstError());
        }
    }

    /** One closed-loop run of a fresh client; round -1 is a warm-up pass whose numbers are dropped. */
    private RunRow measureRun(String label, StubProcess stub, int concurrency, int round) throws Exception {
        Set<Long> threadsBefore = JvmStats.liveThreadIds();
        long startedBefore = JvmStats.startedThreads();
        CancelClient client = CancelClient.create(label, stub.baseUrl(), concurrency);
        ClosedLoop loop = new ClosedLoop(client, concurrency);
        RunRow row = new RunRow();
        row.client = label;
        row.concurrency = concurrency;
        row.round = round;
        try {
            loop.start();
            Thread.sleep(round < 0 ? 1000 : warmup());
            long cpu0 = JvmStats.processCpuNanos();
            long stubCpu0 = stub.cpuNanos();
            long alloc0 = JvmStats.allocatedBytes();
            int peak = JvmStats.liveThreads();
            loop.beginMeasure();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(round < 0 ? 1000 : measure());
            while (System.nanoTime() < until) {
                Thread.sleep(50);
                peak = Math.max(peak, JvmStats.liveThreads());
            }
            ClosedLoop.Window w = loop.endMeasure();
            long alloc1 = JvmStats.allocatedBytes();
            long cpu1 = JvmStats.processCpuNanos();
            long stubCpu1 = stub.cpuNanos();
            row.threadNames = JvmStats.newThreadNames(threadsBefore);
            record(row, w, peak, alloc1 - alloc0, cpu1 - cpu0, stubCpu1 - stubCpu0);
            if (!loop.stop(30_000)) {
                log("WARN: " + label + " did not drain within 30 s");
            }
        } finally {
            client.close();
        }
        row.threadsStarted = JvmStats.startedThreads() - startedBefore;
        return row;
    }

    // ---------------------------------------------------------------- 1,000 in flight, 200 ms answers

    private void inflightPhase(StubProcess stub) throws Exception {
        log("== 1,000 cancels in flight, stub answers in 200 ms, pool of 200 connections");
        int tries = 3;
        for (int t = 1; t <= tries; t++) {
            for (String label : CLIENTS) {
                String base = stub.baseUrl() + "/delay/200";
                Supplier<CancelClient> factory = switch (label) {
                    // the component as a user gets it: default options (maxConnections=200)
                    case "a" -> () -> ComponentClient.create(base, "");
                    // camel-http needs a thread per request in flight: give it as many as there are connections
                    case "b" -> () -> CamelHttpClient.create(base, 200, 200);
                    default -> () -> PlainClient.create(base, 200);
                };
                JobRow row = burst("inflight", label, t, factory, 1000, "inflight" + t + label, stub);
                results.jobs.add(row);
                log(row.toString());
            }
        }
    }

    private void retryPhase(StubProcess stub) throws Exception {
        log("== 1,000 cancels in flight, every first attempt answered 503: the backoff waits must hold no thread");
        for (int t = 1; t <= 2; t++) {
            String base = stub.baseUrl() + "/fail-first";
            int attempt = t;
            JobRow row = burst("retry", "a", t, () -> ComponentClient.create(base, ""), 1000,
                    "retry" + attempt + "x" + System.nanoTime(), stub);
            results.jobs.add(row);
            log(row.toString());
        }
    }

    /**
     * The Extend simulator (in a JVM of its own, on the JDK HTTP server) capped at {@code rate} requests in any
     * sliding second, answering 429 with Retry-After beyond; {@code runs} PROCESSING runs are cancelled, all sent at
     * once, with the component's {@code rateLimit} and without it.
     */
    private void rateLimitPhase() throws Exception {
        int runs = Integer.parseInt(opts.get("ratelimit-runs"));
        int rate = Integer.parseInt(opts.get("ratelimit-rate"));
        log("== " + runs + " cancels through the Extend simulator capped at " + rate + " req/s (sliding second, 429 +"
            + " Retry-After)");
        int nice = Integer.parseInt(opts.get("simulator-nice"));
        try (SimulatorProcess sim = SimulatorProcess.start(nice)) {
            for (boolean limited : new boolean[] { true, false }) {
                List<String> ids = sim.seedProcessing(runs + WARMUP_RUNS); // the first ones are the warm-up calls
                String options = "apiKey=" + sim.apiKey() + (limited ? "&rateLimit=" + rate : "");
                String label = limited ? "a rateLimit=" + rate : "a no limiter";
                sim.rateLimit(0);
                JobRow row = burst("ratelimit", label, 1, () -> ComponentClient.create(sim.baseUrl(), options), ids,
                        WARMUP_RUNS, () -> {
                            try {
                                sim.clearJournal();
                                sim.rateLimit(rate); // also empties the simulator's window
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                            sleep(1100); // and the client's window of send times
                        }, () -> {
                            try {
                                long[] c = sim.counts();
                                return new long[] { c[0], c[1], 0 };
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                // the server's view, for a look at what preceded each 429: sequence, arrival (µs), status
                sim.writeJournal(Path.of(opts.get("out"), "ratelimit-journal-" + (limited ? "limited" : "unlimited")
                                                          + ".csv"));
                row.note = sim.cancelled(ids.subList(WARMUP_RUNS, ids.size())) + " of " + runs
                           + " runs CANCELLED in the simulator";
                results.jobs.add(row);
                log(row.toString());
            }
        }
    }

    /** Fires {@code n} cancels at once, waits for all of them, and reports time, failures and threads. */
    private JobRow burst(String job, String label, int attempt, Supplier<CancelClient> factory, int n, String idPrefix,
                         StubProcess stub) throws Exception {
        List<String> ids = new ArrayList<>(n + 1);
        ids.add(idPrefix + "_warm");
        for (int i = 0; i < n; i++) {
            ids.add(idPrefix + "_" + i);
        }
        return burst(job, label, attempt, factory, ids, 1, stub::reset, () -> {
            StubServer.Stats s = stub.stats();
            return new long[] { s.requests(), s.status429(), s.status503() };
        });
    }

    /**
     * Fires a cancel for each of {@code ids} at once, waits for all of them, and reports time, failures and threads.
     * The first {@code warmups} IDs are untimed warm-up calls; {@code beforeBurst} runs after them, {@code counts}
     * returns the server's {requests, 429s, 503s} for the burst.
     */
    private JobRow burst(String job, String label, int attempt, Supplier<CancelClient> factory, List<String> ids,
                         int warmups, Runnable beforeBurst, Supplier<long[]> counts) throws Exception {
        int n = ids.size() - warmups;
        Set<Long> threadsBefore = JvmStats.liveThreadIds();
        long startedBefore = JvmStats.startedThreads();
        JobRow row = new JobRow();
        row.job = job;
        row.client = label;
        row.attempt = attempt;
        row.calls = n;
        try (CancelClient client = factory.get()) {
            // warm-up calls first, so connection setup and class loading are not in the time
            List<CompletableFuture<WorkflowRun>> warm = new ArrayList<>();
            for (int i = 0; i < warmups; i++) {
                warm.add(client.cancel(ids.get(i)).exceptionally(e -> null));
            }
            CompletableFuture.allOf(warm.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
            beforeBurst.run();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<CompletableFuture<WorkflowRun>> calls = new ArrayList<>(n);
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(300), 3);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                CompletableFuture<WorkflowRun> call = client.cancel(ids.get(i + warmups));
                calls.add(call.whenComplete((r, e) -> {
                    synchronized (latency) {
                        latency.recordValue(System.nanoTime() - t0);
                    }
                    (e == null ? ok : failed).incrementAndGet();
                }));
            }
            int peak = JvmStats.liveThreads();
            CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(new CompletableFuture[0]));
            while (!all.isDone() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(600)) {
                try {
                    all.get(20, TimeUnit.MILLISECONDS);
                } catch (Exception ignored) {
                    // timeout, or a failed call: counted above
                }
                peak = Math.max(peak, JvmStats.liveThreads());
            }
            row.seconds = (System.nanoTime() - t0) / 1e9;
            row.ok = ok.get();
            row.failed = failed.get();
            row.p50Seconds = latency.getValueAtPercentile(50) / 1e9;
            row.liveThreadsPeak = peak;
            row.threadNames = JvmStats.newThreadNames(threadsBefore);
            for (CompletableFuture<WorkflowRun> c : calls) {
                if (c.isCompletedExceptionally()) {
                    try {
                        c.join();
                    } catch (Exception e) {
                        row.firstError = describe(e);
                    }
                    break;
                }
            }
            row.threadsStarted = JvmStats.startedThreads() - startedBefore;
            long[] c = counts.get();
            row.requests = c[0];
            row.status429 = c[1];
            row.status503 = c[2];
        }
        return row;
    }

    /** The exception and its causes, one line. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.CompletionException
                || t instanceof org.apache.camel.CamelExecutionException) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " <- ").append(t);
        }
        return sb.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }

    // ---------------------------------------------------------------- result records (public fields for Jackson)

    /** Everything one run of the driver measured. */
    public static final class Results {
        public String machine;
        public String startedLoad;
        public String endedLoad;
        public List<StubRow> stub = new ArrayList<>();
        public List<RunRow> runs = new ArrayList<>();
        public List<JobRow> jobs = new ArrayList<>();
    }

    public record StubRow(String engine, String client, int concurrency, double throughput,
            double stubCpuMicrosPerCall, double clientCpuMicrosPerCall) {
        @Override
        public String toString() {
            return String.format("stub %-8s client %-3s conc %3d: %8.0f req/s, stub CPU %.1f us/call, client CPU %.1f"
                                 + " us/call", engine, client, concurrency, throughput, stubCpuMicrosPerCall,
                    clientCpuMicrosPerCall);
        }
    }

    public static final class RunRow {
        public String client;
        public int concurrency;
        public int round;
        public double throughput;
        public long completed;
        public long failed;
        public double p50Micros;
        public double p99Micros;
        public double allocBytesPerCall;
        public double clientCpuMicrosPerCall;
        public double stubCpuMicrosPerCall;
        public int liveThreadsPeak;
        public long threadsStarted;
        public String threadNames;
        public String firstError;

        @Override
        public String toString() {
            return String.format("round %d %s conc %3d: %8.0f req/s p50 %8.0f us p99 %8.0f us alloc %7.0f B/call"
                                 + " cpu %6.1f us/call (stub %5.1f) threads started %3d peak live %3d failed %d%s",
                    round, client, concurrency, throughput, p50Micros, p99Micros, allocBytesPerCall,
                    clientCpuMicrosPerCall, stubCpuMicrosPerCall, threadsStarted, liveThreadsPeak, failed,
                    firstError == null ? "" : " first error: " + firstError);
        }
    }

    public static final class JobRow {
        public String job;
        public String client;
        public int attempt;
        public int calls;
        public double seconds;
        public double p50Seconds;
        public int ok;
        public int failed;
        public long requests;
        public long status429;
        public long status503;
        public int liveThreadsPeak;
        public long threadsStarted;
        public String threadNames;
        public String firstError;
        public String note;

        @Override
        public String toString() {
            return String.format("%s #%d %s: %d calls in %.3f s (p50 done %.3f s), ok %d failed %d, requests %d"
                                 + " (429: %d, 503: %d), threads started %d, peak live %d [%s]%s", job, attempt,
                    client, calls, seconds, p50Seconds, ok, failed, requests, status429, status503, threadsStarted,
                    liveThreadsPeak, threadNames, firstError == null ? "" : " first error: " + firstError)
                   + (note == null ? "" : " - " + note);
        }
    }
}
