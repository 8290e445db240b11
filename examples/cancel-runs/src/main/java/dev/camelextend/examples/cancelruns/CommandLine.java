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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * @param help                      {@code --help}
 */
public record CommandLine(List<String> runIds, int duplicates, String baseUrl, String workspaceId, int concurrency,
        boolean alreadyCancelledIsSuccess, int demoRuns, boolean help) {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 200; // the component's default HTTP connection pool size
    public static final int DEFAULT_DEMO_RUNS = 10;

    public static final String USAGE = """
            usage: cancel-runs [options] [RUN_ID ...] [--file PATH ...]

            Cancels Extend workflow runs through Camel's extend:cancelRun and prints one line per run and a tally.

              RUN_ID                         a workflow run ID, such as workflow_run_xKm9pNv3qWsY_jL2tR5Dh
              --file PATH                    read run IDs from PATH, one per line ('#' comments and blank lines
                                             are ignored); '-' reads standard input
              --concurrency N                cancels in flight at once (default 8, at most 200)
              --already-cancelled-is-success count a run that is already CANCELLED/CANCELLING as cancelled
              --base-url URL                 the Extend API (default https://api.extend.ai, or EXTEND_BASE_URL)
              --workspace-id ID              sent as x-extend-workspace-id (organization-scoped keys)
              --demo-runs N                  without a key: how many runs the simulator is seeded with (default 10)
              --help                         show this help

            The API key is read from the EXTEND_API_KEY environment variable only. Without it, the embedded
            Extend simulator is started (nothing real is cancelled) and, when no run IDs are given, its seeded
            runs plus one unknown ID are cancelled.

            Exit code: 0 when Extend answered every run (cancelled, not allowed or not found), 1 when any run
            failed (error, timeout, rejected key), 2 for a usage or configuration error (nothing was sent).
            """;

    /** Parses {@code args}; {@code stdin} is read for {@code --file -}. */
    public static CommandLine parse(String[] args, InputStream stdin) throws UsageException {
        List<String> ids = new ArrayList<>();
        String baseUrl = null;
        String workspaceId = null;
        int concurrency = DEFAULT_CONCURRENCY;
        int demoRuns = DEFAULT_DEMO_RUNS;
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
                case "--file", "--base-url", "--workspace-id", "--concurrency", "--demo-runs" -> {
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
        Set<String> unique = new LinkedHashSet<>(ids);
        return new CommandLine(List.copyOf(unique), ids.size() - unique.size(), baseUrl, workspaceId, concurrency,
                alreadyCancelledIsSuccess, demoRuns, help);
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
