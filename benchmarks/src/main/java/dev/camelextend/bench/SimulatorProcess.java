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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;

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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        if (niceness != 0 && Files.isExecutable(Path.of("/usr/bin/nice"))) {
            cmd.addAll(List.of("/usr/bin/nice", "-n", Integer.toString(niceness)));
        }
        cmd.addAll(List.of(java, "-Xms512m", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SimulatorProcess.class.getName()));
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

    /** Writes the journal (sequence, arrival in µs, status) as CSV. */
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
        try (ExtendSimulator sim = ExtendSimulator.builder().journalCapacity(50_000).build().start()) {
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
                        case "cancelled" -> Long.toString(Arrays.stream(c[1].split(","))
                                .filter(id -> "CANCELLED".equals(sim.status(id))).count());
                        case "journal" -> {
                            StringBuilder csv = new StringBuilder("sequence,receivedAtMicros,status\n");
                            for (RecordedRequest q : sim.journal()) {
                                csv.append(q.sequence()).append(',')
                                        .append(q.receivedAt().getEpochSecond() * 1_000_000L
                                                + q.receivedAt().getNano() / 1000)
                                        .append(',').append(q.responseStatus()).append('\n');
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
}
