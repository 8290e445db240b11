package dev.camelextend.examples.cancelruns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed command line: which runs to cancel and how.
 *
 * @param runIds                    the run IDs in the order given, duplicates removed
 * @param duplicates                how many duplicate IDs were dropped
 * @param baseUrl                   {@code --base-url}, or null for the default (or {@code EXTEND_BASE_URL})
 * @param workspaceId               {@code --workspace-id}, or null
 * @param concurrency               {@code --concurrency}: how many cancels are in flight at once
 * @param alreadyCancelledIsSuccess {@code --already-cancelled-is-success}
 * @param demoRuns                  {@code --demo-runs}: how many runs the embedded simulator is seeded with
 * @param batchId                   {@code --batch}: cancel every cancellable run of this batch instead of single runs;
 *                                  or null
 * @param demoBatch                 {@code --demo-batch}: without a key, seed a batch of this many runs in the embedded
 *                                  simulator and cancel it; 0 when not given
 * @param waitForOutcome            {@code --wait}: wait for each cancelled run to settle
 * @param waitTimeout               {@code --wait-timeout}: how long each wait may take, or null for the component's
 *                                  default (10 minutes)
 * @param help                      {@code --help}
 */
public record CommandLine(List<String> runIds, int duplicates, String baseUrl, String workspaceId, int concurrency,
        boolean alreadyCancelledIsSuccess, int demoRuns, String batchId, int demoBatch, boolean waitForOutcome,
        Duration waitTimeout, boolean help) {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 200; // the component's default HTTP connection pool size
    public static final int DEFAULT_DEMO_RUNS = 10;
    public static final int MAX_DEMO_BATCH = 100_000;
    public static final Duration MIN_WAIT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT_TIMEOUT = Duration.ofHours(24);

    /** 1h30m, 5m, 30s, 1500ms, 2m30s: hours, minutes, seconds, milliseconds, in that order, at least one. */
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m(?!s))?(?:(\\d{1,6})s)?"
                                                            + "(?:(\\d{1,9})ms)?");
    /** The prefixes of run IDs (workflow, extract, classify, split, parse): not batch IDs. */
    private static final List<String> RUN_ID_PREFIXES = List.of("workflow_run_", "exr_", "clr_", "splr_", "pr_");

    public static final String USAGE = """
            usage: cancel-runs [options] [RUN_ID ...] [--file PATH ...]
                   cancel-runs [options] --batch BATCH_ID

            Cancels Extend workflow runs through Camel's extend:cancelRun and prints one line per run and a tally,
            or every run of a batch that can still be cancelled through extend:cancelBatch and prints a summary.

              RUN_ID                         a workflow run ID, such as workflow_run_xKm9pNv3qWsY_jL2tR5Dh
              --file PATH                    read run IDs from PATH, one per line ('#' comments and blank lines
                                             are ignored); '-' reads standard input
              --batch BATCH_ID               cancel every PENDING or PROCESSING run of this batch instead
              --wait                         wait for each cancelled run to settle: say whether the cancel won or
                                             the run finished first
              --wait-timeout DURATION        how long to wait for each run, such as 30s, 5m or 1h30m (default 10m)
              --concurrency N                cancels in flight at once (default 8, at most 200)
              --already-cancelled-is-success count a run that is already CANCELLED/CANCELLING as cancelled
              --base-url URL                 the Extend API (default https://api.extend.ai, or EXTEND_BASE_URL)
              --workspace-id ID              sent as x-extend-workspace-id (organization-scoped keys)
              --demo-runs N                  without a key: how many runs the simulator is seeded with (default 10)
              --demo-batch N                 without a key: seed a batch of N runs in the simulator (PENDING,
                                             PROCESSING and PROCESSED in turn) and cancel it as --batch does
              --help                         show this help

            The API key is read from the EXTEND_API_KEY environment variable only. Without it, the embedded
            Extend simulator is started (nothing real is cancelled) and, when no run IDs are given, its seeded
            runs plus one unknown ID are cancelled.

            Exit code: 0 when Extend answered every run (cancelled, not allowed or not found), 1 when any run
            failed (error, timeout, rejected key) or, with --wait, did not settle in time, or when a --batch
            could not be finished (run it again: it cancels what is left), 2 for a usage or configuration error
            (nothing was sent).
            """;

    /** Parses {@code args}; {@code stdin} is read for {@code --file -}. */
    public static CommandLine parse(String[] args, InputStream stdin) throws UsageException {
        List<String> ids = new ArrayList<>();
        String baseUrl = null;
        String workspaceId = null;
        int concurrency = DEFAULT_CONCURRENCY;
        int demoRuns = DEFAULT_DEMO_RUNS;
        String batchId = null;
        int demoBatch = 0;
        boolean waitForOutcome = false;
        Duration waitTimeout = null;
        boolean alreadyCancelledIsSuccess = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--already-cancelled-is-success" -> {
                    if (value != null) {
                        throw new UsageException("--already-cancelled-is-success takes no value");
                    }
                    alreadyCancelledIsSuccess = true;
                }
                case "--wait" -> {
                    if (value != null) {
                        throw new UsageException("--wait takes no value");
                    }
                    waitForOutcome = true;
                }
                case "--batch" -> {
                    if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    }
                    if (batchId != null) {
                        throw new UsageException("--batch given twice: cancel one batch at a time");
                    }
                    batchId = batchId(value);
                }
                case "--file", "--base-url", "--workspace-id", "--concurrency", "--demo-runs", "--demo-batch",
                        "--wait-timeout" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--file" -> ids.addAll(readFile(value, stdin));
                        case "--base-url" -> baseUrl = value;
                        case "--workspace-id" -> workspaceId = value;
                        case "--concurrency" -> concurrency = intValue(arg, value, 1, MAX_CONCURRENCY);
                        case "--demo-batch" -> demoBatch = intValue(arg, value, 1, MAX_DEMO_BATCH);
                        case "--wait-timeout" -> waitTimeout = duration(arg, value, MIN_WAIT_TIMEOUT, MAX_WAIT_TIMEOUT);
                        default -> demoRuns = intValue(arg, value, 0, 100_000);
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    ids.add(arg.strip());
                }
            }
        }
        if (batchId != null && !ids.isEmpty()) {
            throw new UsageException("--batch cancels every run of the batch: give --batch or run IDs, not both");
        }
        if (demoBatch > 0 && batchId != null) {
            throw new UsageException("--demo-batch seeds a batch of its own: give --demo-batch or --batch, not both");
        }
        if (demoBatch > 0 && !ids.isEmpty()) {
            throw new UsageException("--demo-batch cancels the batch it seeds: give --demo-batch or run IDs, not both");
        }
        if (waitTimeout != null && !waitForOutcome) {
            throw new UsageException("--wait-timeout is for --wait: add --wait");
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        return new CommandLine(List.copyOf(unique), ids.size() - unique.size(), baseUrl, workspaceId, concurrency,
                alreadyCancelledIsSuccess, demoRuns, batchId, demoBatch, waitForOutcome, waitTimeout, help);
    }

    /** Whether this run cancels a batch ({@code --batch} or {@code --demo-batch}) rather than single runs. */
    public boolean cancelsBatch() {
        return batchId != null || demoBatch > 0;
    }

    private static String batchId(String value) throws UsageException {
        String id = value == null ? "" : value.strip();
        if (id.isEmpty() || id.startsWith("--")) {
            throw new UsageException("--batch needs a batch ID, such as batch_7Ws31-F5");
        }
        for (String prefix : RUN_ID_PREFIXES) {
            if (id.startsWith(prefix)) {
                throw new UsageException("--batch takes the ID of a batch, not of a run: " + id
                                         + " (name runs as arguments)");
            }
        }
        return id;
    }

    /** {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1500ms}; within {@code [min, max]}. */
    static Duration duration(String option, String value, Duration min, Duration max) throws UsageException {
        String text = value.strip();
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new UsageException(option + " needs a duration such as 30s, 5m, 1h30m or 1500ms, was '" + value + "'");
        }
        Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3))
                .plusMillis(part(m, 4));
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new UsageException(option + " must be between " + text(min) + " and " + text(max) + ", was " + text);
        }
        return d;
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** A duration as this command line writes them: 1s, 24h, 2m30s, 1500ms. */
    static String text(Duration d) {
        if (d.toMillisPart() != 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder s = new StringBuilder();
        if (d.toHours() > 0) {
            s.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            s.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || s.isEmpty()) {
            s.append(d.toSecondsPart()).append('s');
        }
        return s.toString();
    }

    /** One run ID per line; blank lines and everything after a '#' are ignored. */
    static List<String> readIds(Reader reader) throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int hash = line.indexOf('#');
                String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<String> readFile(String path, InputStream stdin) throws UsageException {
        try {
            if ("-".equals(path)) {
                return readIds(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            return readIds(Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read --file " + path + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read --file " + path + ": " + e.getMessage());
        }
    }

    private static int intValue(String option, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + value + "'");
        }
    }
}
