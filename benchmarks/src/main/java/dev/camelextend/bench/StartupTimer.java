package dev.camelextend.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times the cancel-runs demo (examples/cancel-runs, no key: the embedded simulator, 11 cancels) as a user starts it,
 * in rounds, side by side: (a) plain {@code java -jar examples/cancel-runs/target/cancel-runs.jar}, (b)
 * {@code ./run-example}. It owns the "Startup of the main example" table of {@code docs/performance.md}, between its
 * own markers ({@link #BEGIN}, {@link #END}); Report owns the other generated block.
 * <p>
 * (b) runs the script itself, not a copy of its java command: that is what users run, the JVM flags stay in one place
 * (the script), and the archive is only valid for the jar path the script gives. A first, untimed
 * {@code RUN_EXAMPLE_VERBOSE=1 ./run-example} builds the jar and makes the archive when they are stale, and tells the
 * java command for the report; a timed run of (b) that prints run-example's progress (it built or made the archive
 * again) fails the measurement. Every run must exit 0, print {@link #TALLY} and nothing on standard error.
 * <p>
 * Run from the repository root (benchmarks/run.sh does): {@code StartupTimer [--rounds 7] [--timeout-s 60] [--out
 * benchmarks/target/results] [--docs docs] [--usage auto|time|proc]}; {@code --usage} picks where CPU time and peak RSS
 * come from: {@code /usr/bin/time} when it is there (auto), or sampling {@code /proc}.
 */
public final class StartupTimer {

    static final String BEGIN = "<!-- BEGIN GENERATED startup by benchmarks/run.sh --startup: do not edit by hand -->";
    static final String END = "<!-- END GENERATED startup -->";
    static final String TALLY = "Cancelled 4, not allowed 6, not found 1, failed 0";
    static final String JAR = "examples/cancel-runs/target/cancel-runs.jar";
    static final int MAX_ROUNDS = 50;
    static final Path USR_BIN_TIME = Path.of("/usr/bin/time");
    /** The untimed first run may build everything with Maven (the first build downloads the dependencies). */
    static final long PREPARE_TIMEOUT_S = 1200;
    static final long POLL_MS = 10;

    /** {@code label} (a) or (b); {@code command} relative to the repository root. */
    record Variant(String label, List<String> command) {
        String shown() {
            return String.join(" ", command);
        }
    }

    /** One timed run. */
    record Sample(String variant, int round, double wallSeconds, double cpuSeconds, double peakRssMiB) {
    }

    /** CPU seconds (user + system) and peak resident set, in KiB, of a child. */
    record Usage(double cpuSeconds, long peakRssKiB) {
    }

    private final Path root = Path.of("").toAbsolutePath();
    private final int rounds;
    private final long timeoutSeconds;
    private final boolean gnuTime;

    private StartupTimer(int rounds, long timeoutSeconds, boolean gnuTime) {
        this.rounds = rounds;
        this.timeoutSeconds = timeoutSeconds;
        this.gnuTime = gnuTime;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("rounds", "7");
        opts.put("timeout-s", "60");
        opts.put("out", "benchmarks/target/results");
        opts.put("docs", "");
        opts.put("usage", "auto");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !opts.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("usage: StartupTimer [--name value]... options: " + opts.keySet());
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        int rounds = Integer.parseInt(opts.get("rounds"));
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be 1 to " + MAX_ROUNDS + ", was " + rounds);
        }
        long timeout = Long.parseLong(opts.get("timeout-s"));
        if (timeout < 5 || timeout > 600) {
            throw new IllegalArgumentException("--timeout-s must be 5 to 600, was " + timeout);
        }
        boolean gnuTime = switch (opts.get("usage")) {
            case "auto" -> Files.isExecutable(USR_BIN_TIME);
            case "time" -> true;
            case "proc" -> false;
            default -> throw new IllegalArgumentException("--usage must be auto, time or proc");
        };
        new StartupTimer(rounds, timeout, gnuTime).run(Path.of(opts.get("out")),
                opts.get("docs").isEmpty() ? null : Path.of(opts.get("docs")));
    }

    private void run(Path out, Path docs) throws Exception {
        if (!Files.isExecutable(root.resolve("run-example"))) {
            throw new IllegalStateException("run from the repository root: no ./run-example in " + root);
        }
        Files.createDirectories(out);
        String machine = Machine.describe();
        String startedLoad = JvmStats.loadAverage();
        log("machine: " + machine);
        log("CPU and peak RSS " + (gnuTime ? "from " + USR_BIN_TIME + " -f" : "sampled from /proc every " + POLL_MS
                                                                             + " ms"));

        String javaCommand = prepare();
        Variant a = new Variant("a", List.of("java", "-jar", JAR));
        Variant b = new Variant("b", List.of("./run-example"));
        List<Sample> samples = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // the order alternates, so that neither variant always runs right after the other
            for (Variant v : round % 2 == 1 ? List.of(a, b) : List.of(b, a)) {
                Sample s = timeOnce(v, round, out);
                samples.add(s);
                log(String.format(Locale.ROOT, "round %d (%s) %s: %.2f s wall, %.2f CPU s, %.0f MiB", round,
                        v.label(), v.shown(), s.wallSeconds(), s.cpuSeconds(), s.peakRssMiB()));
            }
        }
        String endedLoad = JvmStats.loadAverage();

        StringBuilder csv = new StringBuilder("variant,round,wall_s,cpu_s,peak_rss_mib\n");
        samples.forEach(s -> csv.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.2f,%.1f%n", s.variant(), s.round(),
                s.wallSeconds(), s.cpuSeconds(), s.peakRssMiB())));
        Files.writeString(out.resolve("startup.csv"), csv, StandardCharsets.UTF_8);
        String md = markdown(samples, a, b, javaCommand, machine, startedLoad, endedLoad, gnuTime);
        Files.writeString(out.resolve("startup.md"), md, StandardCharsets.UTF_8);
        log("wrote " + out.resolve("startup.csv") + " and " + out.resolve("startup.md"));
        log(md);
        if (docs != null) {
            Path perf = docs.resolve("performance.md");
            Files.writeString(perf, replaceBlock(Files.readString(perf, StandardCharsets.UTF_8), md),
                    StandardCharsets.UTF_8);
            log("updated " + perf);
        }
    }

    /**
     * The untimed run: builds the jar and makes the archive when they are stale, and checks the demo works. Returns the
     * java command ./run-example runs, from its RUN_EXAMPLE_VERBOSE line.
     */
    private String prepare() throws Exception {
        log("== ./run-example once, untimed: builds the jar and makes the archive if they are stale");
        Path dir = Files.createTempDirectory("startup-prepare");
        try {
            Result r = start(List.of("./run-example"), Map.of("RUN_EXAMPLE_VERBOSE", "1"), dir, PREPARE_TIMEOUT_S);
            r.stderr().lines().forEach(l -> log("  " + l));
            check(r, "./run-example (untimed)", false);
            String prefix = "run-example: exec ";
            return r.stderr().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .reduce((x, y) -> y)
                    .orElseThrow(() -> new IllegalStateException("./run-example did not print its java command"
                                                                 + " (RUN_EXAMPLE_VERBOSE=1)"));
        } finally {
            deleteTree(dir);
        }
    }

    private Sample timeOnce(Variant v, int round, Path out) throws Exception {
        Path dir = Files.createTempDirectory(out.toAbsolutePath(), "startup-run");
        try {
            Result r = start(v.command(), Map.of(), dir, timeoutSeconds);
            check(r, "(" + v.label() + ") " + v.shown() + " in round " + round, true);
            return new Sample(v.label(), round, r.wallSeconds(), r.usage().cpuSeconds(),
                    r.usage().peakRssKiB() / 1024.0);
        } finally {
            deleteTree(dir);
        }
    }

    /** What a timed run must show: exit 0, the tally, and a quiet standard error (no build, no new archive). */
    static void check(Result r, String what, boolean quiet) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " exited " + r.exitCode() + "\nstdout:\n" + r.stdout()
                                            + "\nstderr:\n" + r.stderr());
        }
        if (r.stdout().lines().noneMatch(TALLY::equals)) {
            throw new IllegalStateException(what + " did not print \"" + TALLY + "\"\nstdout:\n" + r.stdout());
        }
        // a JAVA_TOOL_OPTIONS the user exported is announced by every JVM: not the demo's noise
        String noise = r.stderr().lines().filter(l -> !l.startsWith("Picked up ")).reduce("", (x, y) -> x + y + "\n");
        if (quiet && !noise.isEmpty()) {
            throw new IllegalStateException(what + " printed on standard error (a timed run must neither build nor"
                                            + " make the archive, and the demo logs nothing):\n" + noise);
        }
    }

    record Result(int exitCode, String stdout, String stderr, double wallSeconds, Usage usage) {
    }

    /**
     * Runs {@code command} from the repository root, without EXTEND_API_KEY and EXTEND_BASE_URL (the demo, never the
     * real API), standard output and error to files in {@code dir}; kills it and its children after the timeout.
     */
    private Result start(List<String> command, Map<String, String> env, Path dir, long timeout) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Path timeFile = dir.resolve("time.txt");
        List<String> cmd = new ArrayList<>();
        if (gnuTime) {
            cmd.addAll(List.of(USR_BIN_TIME.toString(), "-f", "%e %U %S %M", "-o", timeFile.toString()));
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("EXTEND_API_KEY");
        pb.environment().remove("EXTEND_BASE_URL");
        pb.environment().remove("RUN_EXAMPLE_VERBOSE");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Usage polled = gnuTime ? null : poll(p, t0, timeout);
        if (!p.waitFor(Math.max(0, TimeUnit.SECONDS.toNanos(timeout) - (System.nanoTime() - t0)),
                TimeUnit.NANOSECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout
                                            + " s: killed\nstdout:\n" + Files.readString(stdout));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Usage usage = gnuTime ? parseGnuTime(Files.readString(timeFile, StandardCharsets.UTF_8)) : polled;
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), wall, usage);
    }

    /**
     * Without /usr/bin/time: samples /proc/PID/stat (utime, stime and the waited-for children's cutime, cstime) and
     * /proc/PID/status (VmHWM) until the process ends. The last sample can miss up to {@link #POLL_MS} of CPU time.
     */
    private static Usage poll(Process p, long t0, long timeout) throws InterruptedException {
        long ticks = 0;
        long hwm = 0;
        Path proc = Path.of("/proc", Long.toString(p.pid()));
        while (p.isAlive() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(timeout)) {
            try {
                ticks = Math.max(ticks, procStatTicks(Files.readString(proc.resolve("stat"))));
                hwm = Math.max(hwm, vmHwmKiB(Files.readString(proc.resolve("status"))));
            } catch (IOException | RuntimeException ended) {
                // the process ended between isAlive() and the read
            }
            Thread.sleep(POLL_MS);
        }
        // USER_HZ, the unit of /proc's CPU times, is 100 on Linux
        return new Usage(ticks / 100.0, hwm);
    }

    // ---------------------------------------------------------------- parsing (pure, tested)

    /** The last line of {@code /usr/bin/time -f "%e %U %S %M"}: it follows "Command exited with non-zero status". */
    static Usage parseGnuTime(String output) {
        List<String> lines = output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no /usr/bin/time output");
        }
        String[] f = lines.get(lines.size() - 1).split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("not \"%e %U %S %M\": " + lines.get(lines.size() - 1));
        }
        return new Usage(Double.parseDouble(f[1]) + Double.parseDouble(f[2]), Long.parseLong(f[3]));
    }

    /** utime + stime + cutime + cstime, in clock ticks, from /proc/PID/stat (fields 14 to 17). */
    static long procStatTicks(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long sum = 0;
        for (int field = 14; field <= 17; field++) {
            sum += Long.parseLong(f[field - 3]);
        }
        return sum;
    }

    /** The VmHWM line of /proc/PID/status, in KiB; 0 when absent (a process whose memory is gone). */
    static long vmHwmKiB(String status) {
        return status.lines().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .map(l -> Long.parseLong(l.substring(6).trim().split("\\s+")[0])).orElse(0L);
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** {@code doc} with the text between {@link #BEGIN} and {@link #END} replaced by {@code md}. */
    static String replaceBlock(String doc, String md) {
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalStateException("performance.md has no startup block (" + BEGIN + " ... " + END + ")");
        }
        return doc.substring(0, b + BEGIN.length()) + "\n\n" + md + "\n" + doc.substring(e);
    }

    // ---------------------------------------------------------------- markdown

    static String markdown(List<Sample> samples, Variant a, Variant b, String javaCommand, String machine,
                           String startedLoad, String endedLoad, boolean gnuTime) {
        int rounds = (int) samples.stream().mapToInt(Sample::round).distinct().count();
        StringBuilder md = new StringBuilder();
        md.append("_Machine: ").append(machine).append("; load average at start ").append(startedLoad)
                .append(", at end ").append(endedLoad).append(". ").append(rounds)
                .append(" rounds, (a) and (b) one after the other in each round, the order alternating. CPU is user +"
                        + " system time of the child; CPU and peak RSS ")
                .append(gnuTime ? "from `/usr/bin/time -f \"%e %U %S %M\"`"
                        : "sampled from `/proc/PID/stat` and `/proc/PID/status` (VmHWM) every " + POLL_MS + " ms")
                .append("; wall time from start to exit, measured by the timer._\n\n")
                .append("| | command | wall s, median | wall s, max | CPU s, median | peak RSS MiB, median |\n")
                .append("|---|---|---:|---:|---:|---:|\n");
        for (Variant v : List.of(a, b)) {
            List<Sample> s = samples.stream().filter(x -> x.variant().equals(v.label())).toList();
            md.append("| (").append(v.label()).append(") | `").append(v.shown()).append('`');
            if (v == b) {
                md.append(", which runs `").append(javaCommand).append('`');
            }
            md.append(" | ").append(f2(median(s.stream().map(Sample::wallSeconds).toList())))
                    .append(" | ").append(f2(s.stream().map(Sample::wallSeconds).max(Comparator.naturalOrder())
                            .orElse(Double.NaN)))
                    .append(" | ").append(f2(median(s.stream().map(Sample::cpuSeconds).toList())))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f",
                            median(s.stream().map(Sample::peakRssMiB).toList())))
                    .append(" |\n");
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            double wa = samples.stream().filter(x -> x.round() == r && x.variant().equals(a.label()))
                    .mapToDouble(Sample::wallSeconds).findFirst().orElse(Double.NaN);
            double wb = samples.stream().filter(x -> x.round() == r && x.variant().equals(b.label()))
                    .mapToDouble(Sample::wallSeconds).findFirst().orElse(Double.NaN);
            if (wa > 0 && !Double.isNaN(wb)) {
                ratios.add(wb / wa);
            }
        }
        double medianB = median(samples.stream().filter(x -> x.variant().equals(b.label()))
                .map(Sample::wallSeconds).toList());
        md.append("\n(b)/(a) wall time, median of the per-round ratios: ").append(f2(median(ratios))).append(" (")
                .append(f2(ratios.stream().min(Comparator.naturalOrder()).orElse(Double.NaN))).append("–")
                .append(f2(ratios.stream().max(Comparator.naturalOrder()).orElse(Double.NaN)))
                .append("). Target: (b) median ≤ 1.5 s wall: ").append(medianB <= 1.5 ? "✅ met" : "❌ missed")
                .append(". Every run exited 0 and printed `").append(TALLY).append("`.\n");
        return md.toString();
    }

    private static String f2(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
