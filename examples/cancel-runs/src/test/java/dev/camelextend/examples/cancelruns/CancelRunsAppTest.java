package dev.camelextend.examples.cancelruns;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole application, in-process: embedded mode, key mode against a test simulator, exit codes, output. */
class CancelRunsAppTest {

    /** Looks like a real key, so a leak would be obvious; the tests check it is never printed or logged. */
    static final String SECRET_KEY = "sk_live_DoNotPrint_7f3a9c2e5b";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.apiKey(SECRET_KEY))
            .resetRunsBetweenTests(true);

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CancelRunsApp(env, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Key mode against the test's simulator. */
    static Result runWithKey(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--base-url";
        all[args.length + 1] = SIM.baseUrl();
        return run(Map.of(CancelRunsApp.API_KEY_ENV, SECRET_KEY), all);
    }

    // ---- embedded simulator (no EXTEND_API_KEY) ----

    @Test
    void withoutKeyTheEmbeddedSimulatorIsUsedAndSaidSo() {
        Result r = run(Map.of());

        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertTrue(Pattern.matches("No EXTEND_API_KEY set: using the embedded Extend simulator at"
                + " http://127\\.0\\.0\\.1:\\d+ \\(no network, nothing real is cancelled\\)", lines.get(0)), lines.get(0));
        assertEquals("Seeded 10 runs in mixed states; cancelling them and one unknown ID.", lines.get(1));
        List<String> results = lines.subList(2, lines.size() - 1);
        assertEquals(11, results.size(), r.out());
        // one line per seeded run, in seeding order: STATUS_MIX decides each outcome
        for (int i = 0; i < 10; i++) {
            String status = DemoSimulator.STATUS_MIX.get(i);
            String line = results.get(i);
            String workflow = i % 3 == 2 ? "Receipt Extraction" : "Invoice Processing";
            if (status.equals("PENDING") || status.equals("PROCESSING")) {
                assertTrue(Pattern.matches("workflow_run_\\S{21}  CANCELLED    " + workflow, line), line);
            } else {
                assertTrue(Pattern.matches("workflow_run_\\S{21}  NOT ALLOWED  \\(run is " + status + "\\) +" + workflow,
                        line), line);
            }
        }
        assertEquals("workflow_run_doesNotExist000000000  NOT FOUND    (no such run)", results.get(10));
        assertEquals("Cancelled 4, not allowed 6, not found 1, failed 0", lines.get(lines.size() - 1));
        assertEquals("", r.err(), "nothing on standard error for a short list");
    }

    @Test
    void embeddedRunIdsAreStableSoTheyCanBeGivenAgain() {
        Result first = run(Map.of());
        String cancelledId = first.outLines().get(2).split(" ")[0];
        String refusedId = first.outLines().get(3).split(" ")[0];

        Result again = run(Map.of(), cancelledId, refusedId);

        assertEquals(0, again.exitCode());
        List<String> lines = again.outLines();
        assertEquals("Seeded 10 runs in mixed states; cancelling the 2 runs given.", lines.get(1));
        assertTrue(lines.get(2).startsWith(cancelledId + "  CANCELLED"), lines.get(2));
        assertTrue(lines.get(3).startsWith(refusedId + "  NOT ALLOWED  (run is PROCESSED)"), lines.get(3));
        assertEquals("Cancelled 1, not allowed 1, not found 0, failed 0", lines.get(4));
    }

    @Test
    void longListsShowProgressOnStandardErrorAndResultsInInputOrder() {
        Result r = run(Map.of(), "--demo-runs", "99", "--concurrency", "16");

        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertEquals(2 + 100 + 1, lines.size());
        assertTrue(lines.get(101).startsWith(DemoSimulator.UNKNOWN_RUN_ID + "  NOT FOUND"), "input order kept");
        assertEquals("Cancelled 40, not allowed 59, not found 1, failed 0", lines.get(102));
        List<String> progress = r.err().lines().toList();
        assertEquals(9, progress.size(), r.err());
        assertEquals("[10/100] Cancelled 4, not allowed 6, not found 0, failed 0", progress.get(0));
        assertEquals("[90/100] Cancelled 36, not allowed 54, not found 0, failed 0", progress.get(8));
    }

    @Test
    void alreadyCancelledIsSuccessCountsTheCancelledRunAsCancelled() {
        Result r = run(Map.of(), "--already-cancelled-is-success");

        assertEquals(0, r.exitCode());
        assertEquals("Cancelled 5, not allowed 5, not found 1, failed 0", r.outLines().get(r.outLines().size() - 1));
    }

    // ---- with EXTEND_API_KEY (here: against the test's simulator, through --base-url) ----

    @Test
    void withKeyCancelsTheRunsOfAFileAgainstTheGivenBaseUrl() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String processing = sim.seedRun("PROCESSING");
        String processed = sim.seedRun("PROCESSED");
        Path file = dir.resolve("runs.txt");
        Files.writeString(file, "# to cancel\n" + processing + "\n\n" + processed + "  # done already\n"
                                + "workflow_run_unknown\n");

        Result r = runWithKey("--file", file.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(
                "Cancelling 3 runs at " + SIM.baseUrl() + " (API key from EXTEND_API_KEY)",
                processing + "  CANCELLED    Invoice Processing",
                processed + "  NOT ALLOWED  (run is PROCESSED)     Invoice Processing",
                "workflow_run_unknown                NOT FOUND    (no such run)",
                "Cancelled 1, not allowed 1, not found 1, failed 0"), r.outLines());
        assertEquals("CANCELLED", sim.status(processing));
        assertEquals("Bearer " + SECRET_KEY, SIM.journal().get(0).header("Authorization"));
    }

    @Test
    void theApiKeyIsNeverPrintedNorLogged() throws Exception {
        String processing = SIM.simulator().seedRun("PROCESSING");
        Result ok = runWithKey(processing, "workflow_run_unknown", "not a run id");
        Result failing = run(Map.of(CancelRunsApp.API_KEY_ENV, SECRET_KEY), "--base-url", "http://127.0.0.1:1",
                processing);

        assertEquals(1, ok.exitCode());
        assertEquals(1, failing.exitCode());
        for (Result r : List.of(ok, failing)) {
            assertFalse(r.out().contains(SECRET_KEY), r.out());
            assertFalse(r.err().contains(SECRET_KEY), r.err());
        }
        String log = Files.readString(Path.of("target/test.log"));
        assertTrue(log.contains(processing), "the test log does hold this test's DEBUG lines");
        assertFalse(log.contains(SECRET_KEY), "the API key is in target/test.log");
    }

    @Test
    void aServerErrorAfterTheRetriesIsAFailureAndExitsOne() {
        String processing = SIM.simulator().seedRun("PROCESSING");
        String error = "{\"code\":\"INTERNAL_ERROR\",\"message\":\"An unexpected error occurred\",\"retryable\":true}";
        for (int i = 0; i < 3; i++) { // the first attempt and the component's 2 retries
            SIM.simulator().respondNext(503, error, Map.of("Retry-After", "0"));
        }

        Result r = runWithKey(processing);

        assertEquals(1, r.exitCode());
        String line = r.outLines().get(1);
        assertTrue(line.startsWith(processing + "  FAILED       (ExtendServerException: "), line);
        assertEquals("Cancelled 0, not allowed 0, not found 0, failed 1", r.outLines().get(2));
        assertEquals(3, SIM.journal().size());
    }

    @Test
    void anInvalidRunIdFailsWithoutARequest() {
        Result r = runWithKey("../workflows");

        assertEquals(1, r.exitCode());
        assertTrue(r.outLines().get(1).startsWith("../workflows  FAILED       (invalid run ID: "), r.out());
        assertEquals(0, SIM.journal().size());
    }

    @Test
    void aRejectedKeyStopsSendingAndExitsOne() {
        List<String> runs = List.of("workflow_run_a", "workflow_run_b", "workflow_run_c", "workflow_run_d");

        Result r = run(Map.of(CancelRunsApp.API_KEY_ENV, "sk_wrong_key_1234"), "--base-url", SIM.baseUrl(),
                "--concurrency", "1", runs.get(0), runs.get(1), runs.get(2), runs.get(3));

        assertEquals(1, r.exitCode());
        List<String> lines = r.outLines();
        assertTrue(lines.get(1).startsWith("workflow_run_a  FAILED       (ExtendAuthenticationException: "), lines.get(1));
        assertEquals("Stopped: Extend rejected the API key; 3 runs not attempted.", lines.get(2));
        assertEquals("Cancelled 0, not allowed 0, not found 0, failed 1, not attempted 3", lines.get(3));
        assertEquals(1, SIM.journal().size());
        assertFalse(r.out().contains("sk_wrong_key_1234"));
    }

    @Test
    void concurrencyBoundsTheCancelsInFlight() {
        ExtendSimulator sim = SIM.simulator();
        String[] sequentialRuns = { sim.seedRun("PROCESSING"), sim.seedRun("PROCESSING"), sim.seedRun("PROCESSING") };
        SIM.faults().latency(Duration.ofMillis(300));

        assertEquals(0, runWithKey(concat(sequentialRuns, "--concurrency", "1")).exitCode());
        List<RecordedRequest> one = SIM.journal();
        for (int i = 1; i < one.size(); i++) {
            Duration gap = Duration.between(one.get(i - 1).receivedAt(), one.get(i).receivedAt());
            assertTrue(gap.compareTo(Duration.ofMillis(290)) >= 0, "with --concurrency 1 each waits: " + gap);
        }

        sim.clearJournal();
        String[] parallelRuns = { sim.seedRun("PROCESSING"), sim.seedRun("PROCESSING"), sim.seedRun("PROCESSING"),
                sim.seedRun("PROCESSING") };
        SIM.faults().latency(Duration.ofSeconds(2));
        assertEquals(0, runWithKey(concat(parallelRuns, "--concurrency", "4")).exitCode());
        List<RecordedRequest> four = SIM.journal();
        assertEquals(4, four.size());
        Duration spread = Duration.between(four.get(0).receivedAt(), four.get(3).receivedAt());
        assertTrue(spread.compareTo(Duration.ofSeconds(2)) < 0, "all 4 sent before the first answer: " + spread);
    }

    // ---- usage and configuration errors: exit 2, nothing sent ----

    @Test
    void anInvalidRunIdSaysWhatIsWrongWithItNotWhereTheRouteFoundIt() {
        Result r = run(Map.of(), "bad id!");
        String line = r.outLines().stream().filter(l -> l.startsWith("bad id!")).findFirst().orElseThrow();
        assertTrue(line.contains("FAILED") && line.contains("(invalid run ID: the workflow-run ID contains a character"
                                                            + " other than letters, digits, '_' and '-' (at index 3))"),
                line);
        assertFalse(line.contains("body"), line);
    }

    @Test
    void anExportedBaseUrlWithoutAKeyIsIgnoredWithANoteAndTheDemoRuns() {
        Result r = run(Map.of(CancelRunsApp.BASE_URL_ENV, "https://api.extend.ai"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("note: EXTEND_BASE_URL is ignored without EXTEND_API_KEY: using the embedded"
                                    + " simulator"), r.err());
        assertTrue(r.out().contains("using the embedded Extend simulator"), r.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertUsageError(run(Map.of(), "--frobnicate"), "error: unknown option --frobnicate");
        assertUsageError(run(Map.of(), "--base-url", "https://api.extend.ai"),
                "error: a base URL (--base-url or EXTEND_BASE_URL) needs EXTEND_API_KEY; without a key the embedded"
                + " simulator is used");
        assertUsageError(run(Map.of(CancelRunsApp.API_KEY_ENV, SECRET_KEY)),
                "error: no run IDs: name them as arguments or with --file");
        assertUsageError(run(Map.of(CancelRunsApp.API_KEY_ENV, " "), "workflow_run_a"),
                "error: EXTEND_API_KEY is set but empty");
    }

    @Test
    void aBadBaseUrlFailsAtStartAndExitsTwo() {
        Result r = run(Map.of(CancelRunsApp.API_KEY_ENV, SECRET_KEY), "--base-url", "ftp://files.example.com",
                "workflow_run_a");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: cannot start: The baseUrl option must be an http(s) URL"), r.err());
        assertFalse(r.out().contains("workflow_run_a "), "no run line: nothing was sent");
    }

    @Test
    void helpExitsZero() {
        Result r = run(Map.of(), "--help");

        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("usage: cancel-runs [options] [RUN_ID ...] [--file PATH ...]"), r.out());
        assertEquals(0, SIM.journal().size());
    }

    private static void assertUsageError(Result r, String firstErrLine) {
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(firstErrLine), r.err());
        assertTrue(r.err().contains("usage: cancel-runs"), r.err());
        assertEquals("", r.out());
    }

    private static String[] concat(String[] runs, String... options) {
        String[] all = Arrays.copyOf(options, options.length + runs.length);
        System.arraycopy(runs, 0, all, options.length, runs.length);
        return all;
    }
}
