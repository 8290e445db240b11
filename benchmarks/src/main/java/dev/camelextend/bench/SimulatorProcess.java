package dev.camelextend.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import dev.camelextend.simulator.SimulatorBuilder;
import dev.camelextend.simulator.SimulatorClock;

/**
 * The Extend simulator in a JVM of its own, so that the client's garbage collections and threads do not stall the
 * server that counts requests (the rate-limit job measures how requests are spaced when they reach it). The parent
 * drives it with one-line commands on its standard input; each answer is one line on its standard output.
 */
public final class SimulatorProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String baseUrl;
    private final String apiKey;

    private SimulatorProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        String[] hello = expect("READY").split(" ");
        this.baseUrl = hello[1];
        this.apiKey = hello[2];
    }

    /**
     * @param niceness the child's scheduling niceness ({@code nice -n}): a negative value (root only) stands in for a
     *                 server on a machine of its own, not starved by whatever else this machine runs; 0 for none
     */
    public static SimulatorProcess start(int niceness) throws IOException {
        return start(niceness, "512m", false);
    }

    /**
     * @param heap        the child's heap ({@code -Xms} and {@code -Xmx}), e.g. {@code 1g} for 100,000 runs
     * @param systemClock the run lifecycle on the wall clock ({@code SimulatorClock.system()}, as the runnable jar
     *                    has it), so that a cancelled run leaves CANCELLING after the cancel delay and created runs
     *                    finish by themselves; otherwise the builder's default, a manual clock that stands still
     */
    public static SimulatorProcess start(int niceness, String heap, boolean systemClock) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        if (niceness != 0 && Files.isExecutable(Path.of("/usr/bin/nice"))) {
            cmd.addAll(List.of("/usr/bin/nice", "-n", Integer.toString(niceness)));
        }
        cmd.addAll(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                SimulatorProcess.class.getName()));
        if (systemClock) {
            cmd.add("--system-clock");
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new SimulatorProcess(p);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    /** Seeds {@code n} PROCESSING runs; returns their IDs. */
    public List<String> seedProcessing(int n) throws IOException {
        return List.of(command("seed " + n).split(","));
    }

    public void rateLimit(int perSecond) throws IOException {
        command("ratelimit " + perSecond);
    }

    public void clearJournal() throws IOException {
        command("clear");
    }

    /** {requests, 429 answers} since the last {@link #clearJournal()}. */
    public long[] counts() throws IOException {
        String[] parts = command("counts").split(" ");
        return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
    }

    /** How many of {@code ids} the simulator holds as CANCELLED. */
    public long cancelled(List<String> ids) throws IOException {
        return Long.parseLong(command("cancelled " + String.join(",", ids)));
    }

    /** Seeds one batch of {@code n} runs whose statuses cycle through {@code statuses}; returns its {@code batch_} ID. */
    public String seedBatch(int n, String... statuses) throws IOException {
        return command("seedbatch " + n + " " + String.join(",", statuses));
    }

    /**
     * Creates {@code n} runs that follow the lifecycle on the clock: PROCESSING for {@code processingMillis} (with a
     * system clock, real time), then PROCESSED. Returns their IDs.
     */
    public List<String> createRuns(int n, long processingMillis) throws IOException {
        return List.of(command("create " + n + " " + processingMillis).split(","));
    }

    /** How long a cancelled run stays CANCELLING (it settles only on a system clock: see {@link #start}). */
    public void cancelDelay(long millis) throws IOException {
        command("canceldelay " + millis);
    }

    /** Removes every run. */
    public void clearRuns() throws IOException {
        command("clearruns");
    }

    /** A limit of its own for one category ({@code GET}, {@code WRITE} or {@code RUN}); 0 turns it off. */
    public void rateLimit(String category, int perSecond) throws IOException {
        command("ratelimitcat " + category + " " + perSecond);
    }

    /**
     * The simulator's own counters for one category since the last {@link #clearJournal()}: {requests that reached
     * the rate limit (let through or refused), refused with 429}.
     */
    public long[] categoryCounts(String category) throws IOException {
        String[] parts = command("catcounts " + category).split(" ");
        return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
    }

    /**
     * The journal since the last {@link #clearJournal()}, counted by kind of request and answer, e.g.
     * {@code "GET list 200" -> 102}, {@code "POST cancel 200" -> 10000}, {@code "GET run 200" -> 3000}.
     */
    public Map<String, Long> requestKinds() throws IOException {
        return parseCounts(command("kinds"));
    }

    /** How many runs of the batch are in each status, e.g. {@code CANCELLED -> 10000}. */
    public Map<String, Long> batchStatuses(String batchId) throws IOException {
        return parseCounts(command("batchstatuses " + batchId));
    }

    /** {@code "a=1,b 2=3"} as a map. */
    static Map<String, Long> parseCounts(String answer) {
        Map<String, Long> counts = new TreeMap<>();
        if (!answer.isEmpty()) {
            for (String part : answer.split(",")) {
                int eq = part.lastIndexOf('=');
                counts.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        return counts;
    }

    /** Writes the journal (sequence, arrival in µs, status, method and kind: {@code POST cancel}) as CSV. */
    public void writeJournal(Path csv) throws IOException {
        command("journal " + csv.toAbsolutePath());
    }

    private String command(String line) throws IOException {
        in.println(line);
        return expect("OK").substring(2).trim();
    }

    private String expect(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("ERR")) {
                throw new IOException("simulator process: " + line);
            }
        }
        throw new IOException("the simulator process ended");
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The child: starts a simulator and serves the parent's commands until its standard input closes. */
    public static void main(String[] args) throws Exception {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SimulatorBuilder builder = ExtendSimulator.builder().journalCapacity(50_000);
        if (Arrays.asList(args).contains("--system-clock")) {
            builder.clock(SimulatorClock.system());
        }
        try (ExtendSimulator sim = builder.build().start()) {
            stdout.println("READY " + sim.baseUrl() + " " + sim.apiKey());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null) {
                try {
                    String[] c = line.split(" ", 2);
                    String answer = switch (c[0]) {
                        case "seed" -> {
                            List<String> ids = new ArrayList<>();
                            for (int i = Integer.parseInt(c[1]); i > 0; i--) {
                                ids.add(sim.seedRun("PROCESSING"));
                            }
                            yield String.join(",", ids);
                        }
                        case "ratelimit" -> {
                            sim.faults().rateLimit(Integer.parseInt(c[1]));
                            yield "";
                        }
                        case "clear" -> {
                            sim.clearJournal();
                            yield "";
                        }
                        case "counts" -> {
                            List<RecordedRequest> journal = sim.journal();
                            yield journal.size() + " " + journal.stream().filter(q -> q.responseStatus() == 429).count();
                        }
                        case "seedbatch" -> {
                            String[] a = c[1].split(" ");
                            yield sim.seedBatch(Integer.parseInt(a[0]), null, a[1].split(","));
                        }
                        case "create" -> {
                            String[] a = c[1].split(" ");
                            sim.lifecycle(Duration.ZERO, Duration.ofMillis(Long.parseLong(a[1])));
                            List<String> ids = new ArrayList<>();
                            for (int i = Integer.parseInt(a[0]); i > 0; i--) {
                                ids.add(sim.createRun(ExtendSimulator.DEFAULT_WORKFLOW_ID, Map.of()));
                            }
                            yield String.join(",", ids);
                        }
                        case "canceldelay" -> {
                            sim.cancelDelay(Duration.ofMillis(Long.parseLong(c[1])));
                            yield "";
                        }
                        case "clearruns" -> {
                            sim.clearRuns();
                            yield "";
                        }
                        case "ratelimitcat" -> {
                            String[] a = c[1].split(" ");
                            sim.faults().rateLimit(a[0], Integer.parseInt(a[1]));
                            yield "";
                        }
                        case "catcounts" -> sim.faults().requestCount(c[1]) + " " + sim.faults().rateLimitedCount(c[1]);
                        case "kinds" -> {
                            Map<String, Long> kinds = new TreeMap<>();
                            for (RecordedRequest q : sim.journal()) {
                                kinds.merge(q.method() + " " + kind(q.path()) + " " + q.responseStatus(), 1L,
                                        Long::sum);
                            }
                            yield counted(kinds);
                        }
                        case "batchstatuses" -> {
                            Map<String, Long> statuses = new TreeMap<>();
                            for (String id : sim.runIds()) {
                                ObjectNode run = sim.run(id);
                                if (c[1].equals(run.path("batchId").asText(null))) {
                                    statuses.merge(run.path("status").asText(), 1L, Long::sum);
                                }
                            }
                            yield counted(statuses);
                        }
                        case "cancelled" -> Long.toString(Arrays.stream(c[1].split(","))
                                .filter(id -> "CANCELLED".equals(sim.status(id))).count());
                        case "journal" -> {
                            StringBuilder csv = new StringBuilder("sequence,receivedAtMicros,status,request\n");
                            for (RecordedRequest q : sim.journal()) {
                                csv.append(q.sequence()).append(',')
                                        .append(q.receivedAt().getEpochSecond() * 1_000_000L
                                                + q.receivedAt().getNano() / 1000)
                                        .append(',').append(q.responseStatus()).append(',').append(q.method())
                                        .append(' ').append(kind(q.path())).append('\n');
                            }
                            Files.writeString(Path.of(c[1]), csv);
                            yield "";
                        }
                        default -> throw new IllegalArgumentException("unknown command " + c[0]);
                    };
                    stdout.println("OK " + answer);
                } catch (RuntimeException e) {
                    stdout.println("ERR " + e);
                }
            }
        }
        System.exit(0);
    }

    /** {@code /workflow_runs} is a list, {@code /workflow_runs/{id}} a run, {@code /workflow_runs/{id}/cancel} a cancel. */
    private static String kind(String path) {
        String[] seg = path.replaceAll("^/+|/+$", "").split("/");
        return seg.length == 1 ? "list" : seg.length == 2 ? "run" : seg[seg.length - 1];
    }

    private static String counted(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
