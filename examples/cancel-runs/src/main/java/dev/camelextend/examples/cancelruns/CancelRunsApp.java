package dev.camelextend.examples.cancelruns;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.ToIntFunction;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConfiguration;
import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.simulator.ExtendSimulator;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.Main;

/**
 * Cancels Extend workflow runs named on the command line or in files, through {@code extend:cancelRun} on Camel Main,
 * or every cancellable run of a batch ({@code --batch}) through {@code extend:cancelBatch}.
 * <p>
 * Standard output gets the report: a banner, one line per run in input order, and the tally; for a batch, a line per
 * run that was not cancelled and the counts (see {@link BatchReport}), and on a terminal a progress line while it
 * runs ({@link ProgressLine}). Standard error gets progress on long lists, warnings and errors. The API key is read
 * from {@code EXTEND_API_KEY} and never printed; without it the embedded Extend simulator is used. Exit codes: see
 * {@link Tally}.
 */
public final class CancelRunsApp {

    public static final String API_KEY_ENV = "EXTEND_API_KEY";
    public static final String BASE_URL_ENV = "EXTEND_BASE_URL";
    /** Lists longer than this get a progress line on standard error every tenth (at least every 10 runs). */
    static final int PROGRESS_THRESHOLD = 20;

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /** An application whose {@code out} is not a terminal: no progress line. */
    public CancelRunsApp(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this(env, in, out, err, false);
    }

    /** @param terminal whether {@code out} is a terminal: a {@code --batch} then shows a progress line on it */
    public CancelRunsApp(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(new CancelRunsApp(System.getenv(), System.in, System.out, System.err, ProgressLine.isTerminal())
                .run(args));
    }

    /** Runs the application; returns the exit code. */
    public int run(String[] args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, in);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        if (cli.help()) {
            out.print(CommandLine.USAGE);
            return Tally.EXIT_OK;
        }
        if (cli.duplicates() > 0) {
            err.println("note: " + cli.duplicates() + " duplicate run ID(s) skipped");
        }
        String apiKey = env.get(API_KEY_ENV);
        String baseUrl = cli.baseUrl() != null ? cli.baseUrl() : env.get(BASE_URL_ENV);
        if (apiKey == null) {
            if (cli.baseUrl() != null) {
                return usageError("a base URL (--base-url or " + BASE_URL_ENV + ") needs " + API_KEY_ENV
                                  + "; without a key the embedded simulator is used");
            }
            if (cli.batchId() != null) {
                return usageError("--batch needs " + API_KEY_ENV + ": the embedded simulator has no batch "
                                  + cli.batchId() + "; --demo-batch N seeds a batch there and cancels it");
            }
            if (baseUrl != null) {
                // an exported EXTEND_BASE_URL left over from other work must not stop the demo
                err.println("note: " + BASE_URL_ENV + " is ignored without " + API_KEY_ENV
                            + ": using the embedded simulator");
            }
            return runAgainstSimulator(cli);
        }
        if (apiKey.isBlank()) {
            return usageError(API_KEY_ENV + " is set but empty");
        }
        if (cli.demoBatch() > 0) {
            return usageError("--demo-batch is for the embedded simulator, without " + API_KEY_ENV
                              + "; with a key, name the batch to cancel with --batch");
        }
        if (cli.runIds().isEmpty() && cli.batchId() == null) {
            return usageError("no run IDs: name them as arguments or with --file, or a batch with --batch");
        }
        baseUrl = baseUrl != null ? baseUrl : ExtendConfiguration.DEFAULT_BASE_URL;
        if (cli.batchId() != null) {
            out.println("Cancelling every PENDING or PROCESSING run of batch " + cli.batchId() + " at " + baseUrl
                        + " (API key from " + API_KEY_ENV + ")");
            return cancelBatch(cli, cli.batchId(), apiKey, baseUrl);
        }
        out.println("Cancelling " + runs(cli.runIds().size()) + " at " + baseUrl + " (API key from " + API_KEY_ENV
                    + ")");
        return cancelAll(cli, cli.runIds(), apiKey, baseUrl);
    }

    private int runAgainstSimulator(CommandLine cli) {
        try (ExtendSimulator sim = DemoSimulator.start()) {
            out.println("No " + API_KEY_ENV + " set: using the embedded Extend simulator at " + sim.baseUrl()
                        + " (no network, nothing real is cancelled)");
            if (cli.demoBatch() > 0) {
                DemoSimulator.Batch batch = DemoSimulator.seedBatch(sim, cli.demoBatch());
                out.println("Seeded batch " + batch.batchId() + ": " + BatchReport.count(batch.runs())
                            + (batch.runs() == 1 ? " run" : " runs") + ", PENDING, PROCESSING and PROCESSED in turn"
                            + losing(batch.losing()) + ".");
                out.println("Cancelling every PENDING or PROCESSING run of batch " + batch.batchId() + ".");
                return cancelBatch(cli, batch.batchId(), sim.apiKey(), sim.baseUrl());
            }
            List<String> seeded = DemoSimulator.seed(sim, cli.demoRuns());
            List<String> ids = cli.runIds();
            if (ids.isEmpty()) {
                ids = new ArrayList<>(seeded);
                ids.add(DemoSimulator.UNKNOWN_RUN_ID);
                out.println("Seeded " + runs(seeded.size()) + " in mixed states; cancelling them and one unknown ID.");
            } else {
                out.println("Seeded " + runs(seeded.size()) + " in mixed states; cancelling the "
                            + runs(ids.size()) + " given.");
            }
            return cancelAll(cli, ids, sim.apiKey(), sim.baseUrl());
        }
    }

    /** Cancels every run, prints one line for each and the tally. */
    private int cancelAll(CommandLine cli, List<String> ids, String apiKey, String baseUrl) {
        // the batch route is started too, and needs its listener bean; it is not used here
        ProgressLine noProgressLine = new ProgressLine(out, false, 80, "");
        return withCamel(cli, apiKey, baseUrl, noProgressLine, template -> {
            Tally tally = send(template, ids, cli.concurrency(), new Tally(cli.waitForOutcome()));
            out.println(tally.summary());
            return tally.exitCode();
        });
    }

    /**
     * Cancels the batch through {@code extend:cancelBatch}, showing the progress on a terminal, and prints the report.
     * A listing that fails ends the exchange: the report then has the counts the progress listener was told last.
     */
    private int cancelBatch(CommandLine cli, String batchId, String apiKey, String baseUrl) {
        ProgressLine progress = new ProgressLine(out, terminal, ProgressLine.columns(env.get("COLUMNS")), batchId);
        return withCamel(cli, apiKey, baseUrl, progress, template -> {
            CancelBatchSummary summary;
            String failure = null;
            try {
                summary = template.requestBody(CancelRunsRoutes.BATCH_ENDPOINT, batchId, CancelBatchSummary.class);
            } catch (CamelExecutionException e) {
                Throwable cause = unwrap(e);
                failure = RunResult.failed(batchId, cause).error();
                summary = progress.last();
            }
            BatchReport.lines(summary, cli.waitForOutcome(), failure).forEach(out::println);
            return BatchReport.exitCode(summary, cli.waitForOutcome(), failure);
        });
    }

    /** Starts Camel Main with the extend component and the routes, does the work, stops Camel. */
    private int withCamel(CommandLine cli, String apiKey, String baseUrl, ProgressLine progress,
                          ToIntFunction<ProducerTemplate> work) {
        ExtendComponent extend = new ExtendComponent();
        ExtendConfiguration config = extend.getConfiguration();
        // configured in code: with the embedded simulator, its URL and key are only known once it runs
        config.setApiKey(apiKey);
        config.setBaseUrl(baseUrl);
        config.setWorkspaceId(cli.workspaceId());

        Main main = new Main();
        main.bind("extend", extend);
        main.bind(CancelRunsRoutes.PROGRESS_BEAN, progress);
        main.configure().setName("cancel-runs");
        main.configure().addRoutesBuilder(new CancelRunsRoutes(cli.alreadyCancelledIsSuccess(), cli.waitForOutcome(),
                cli.waitTimeout(), cli.concurrency()));
        try {
            main.start();
        } catch (Exception e) {
            stopQuietly(main);
            return configurationError(e);
        }
        try {
            return work.applyAsInt(main.getCamelContext().createProducerTemplate());
        } finally {
            stopQuietly(main);
        }
    }

    /**
     * Keeps up to {@code concurrency} cancels in flight and prints the results in input order. Stops sending when
     * Extend rejects the API key: every further call would fail the same way.
     */
    private Tally send(ProducerTemplate template, List<String> ids, int concurrency, Tally tally) {
        ResultPrinter printer = new ResultPrinter(out, ids);
        int total = ids.size();
        int progressEvery = total > PROGRESS_THRESHOLD ? Math.max(10, total / 10) : Integer.MAX_VALUE;
        Deque<CompletableFuture<RunResult>> inFlight = new ArrayDeque<>();
        int sent = 0;
        int done = 0;
        boolean keyRejected = false;
        while (done < sent || (sent < total && !keyRejected)) {
            if (sent < total && !keyRejected && inFlight.size() < concurrency) {
                inFlight.add(cancel(template, ids.get(sent++)));
                continue;
            }
            RunResult result = inFlight.remove().join();
            done++;
            tally.add(result.outcome());
            printer.print(result);
            keyRejected |= result.authFailure();
            if (done % progressEvery == 0 && done < total) {
                err.println("[" + done + "/" + total + "] " + tally.summary());
            }
        }
        if (sent < total) {
            tally.notAttempted(total - sent);
            out.println("Stopped: Extend rejected the API key; " + runs(total - sent) + " not attempted.");
        }
        return tally;
    }

    private static CompletableFuture<RunResult> cancel(ProducerTemplate template, String runId) {
        return template.asyncRequestBody(CancelRunsRoutes.ENDPOINT, runId, RunResult.class)
                .exceptionally(t -> RunResult.failed(runId, unwrap(t)));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof CamelExecutionException || e.getClass() == RuntimeCamelException.class)
               && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private int usageError(String message) {
        err.println("error: " + message);
        err.println();
        err.print(CommandLine.USAGE);
        return Tally.EXIT_USAGE;
    }

    private int configurationError(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("error: cannot start: " + root.getMessage());
        return Tally.EXIT_USAGE;
    }

    private void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (Exception e) {
            err.println("warning: stopping Camel failed: " + e.getMessage());
        }
    }

    private static String runs(int n) {
        return n + (n == 1 ? " run" : " runs");
    }

    private static String losing(int n) {
        return switch (n) {
            case 0 -> "";
            case 1 -> " (1 of them finishes while its cancel is in flight)";
            default -> " (" + n + " of them finish while their cancel is in flight)";
        };
    }
}
