package dev.camelextend.examples.cancelruns;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
            if (i == DemoSimulator.LOSES_RACE) {
                // Extend accepted the cancel, but the run goes on to finish: without --wait that is not seen
                assertTrue(Pattern.matches("workflow_run_\\S{21}  CANCELLED    " + workflow + " \\(now CANCELLING\\)", line),
                        line);
            } else if (status.equals("PENDING") || status.equals("PROCESSING")) {
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

    // ---- --wait: whether the cancel won ----

    @Test
    void withWaitTheDemoSaysWhichRunFinishedBeforeItsCancel() {
        Result r = run(Map.of(), "--wait");

        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        String lost = lines.get(2 + DemoSimulator.LOSES_RACE);
        assertTrue(Pattern.matches("workflow_run_\\S{21}  FINISHED     \\(run is PROCESSED\\)     Receipt Extraction", lost),
                lost);
        assertTrue(Pattern.matches("workflow_run_\\S{21}  CANCELLED    Invoice Processing", lines.get(2)), lines.get(2));
        assertEquals("Cancelled 3, finished first 1, not allowed 6, not found 1, failed 0", lines.get(lines.size() - 1));
        assertEquals("", r.err());
    }

    @Test
    void withWaitEachRunSaysWhetherTheCancelWonOrTheRunFinishedFirst() {
        ExtendSimulator sim = SIM.simulator();
        String won = sim.seedRun("PENDING");
        String lostToProcessed = sim.seedRun("PROCESSING");
        String lostToFailed = sim.seedRun("PROCESSING");
        String refused = sim.seedRun("PROCESSED");
        sim.cancelLosesRace(lostToProcessed, "PROCESSED").cancelLosesRace(lostToFailed, "FAILED");

        Result r = runWithKey("--wait", "--wait-timeout", "1m", won, lostToProcessed, lostToFailed, refused,
                "workflow_run_unknown");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(List.of(
                "Cancelling 5 runs at " + SIM.baseUrl() + " (API key from EXTEND_API_KEY)",
                won + "  CANCELLED    Invoice Processing",
                lostToProcessed + "  FINISHED     (run is PROCESSED)     Invoice Processing",
                lostToFailed + "  FINISHED     (run is FAILED)        Invoice Processing",
                refused + "  NOT ALLOWED  (run is PROCESSED)     Invoice Processing",
                "workflow_run_unknown                NOT FOUND    (no such run)",
                "Cancelled 1, finished first 2, not allowed 1, not found 1, failed 0"), r.outLines());
        assertEquals("PROCESSED", sim.status(lostToProcessed));
        assertEquals("FAILED", sim.status(lostToFailed));
        assertTrue(SIM.journal().stream().anyMatch(q -> q.method().equals("GET")
                                                        && q.path().endsWith("/" + lostToProcessed)),
                "the lost race was seen by polling the run");
    }

    @Test
    void withWaitARunStillCancellingWhenTheWaitRunsOutIsNotSettledAndExitsOne() {
        ExtendSimulator sim = SIM.simulator();
        String slow = sim.seedRun("PROCESSING");
        sim.cancelDelay(Duration.ofHours(1)); // on the test's manual clock it stays CANCELLING
        try {
            Result r = runWithKey("--wait", "--wait-timeout=1s", slow);

            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(List.of(
                    "Cancelling 1 run at " + SIM.baseUrl() + " (API key from EXTEND_API_KEY)",
                    slow + "  NOT SETTLED  (still CANCELLING)     Invoice Processing",
                    "Cancelled 0, finished first 0, not allowed 0, not found 0, failed 0, not settled 1"), r.outLines());
        } finally {
            sim.cancelDelay(Duration.ZERO);
        }
    }

    @Test
    void processorRunsAreCancelledByTheirIdsPrefix() {
        ExtendSimulator sim = SIM.simulator();
        String extract = sim.seedProcessorRun("extract", "PROCESSING");
        String pendingParse = sim.seedProcessorRun("parse", "PENDING");

        Result r = runWithKey("--wait", extract, pendingParse);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(1).matches(Pattern.quote(extract) + " +CANCELLED"), lines.get(1));
        assertTrue(lines.get(2).matches(Pattern.quote(pendingParse) + " +NOT ALLOWED  \\(run is PENDING\\)"), lines.get(2));
        assertEquals("CANCELLED", sim.status(extract));
        assertEquals("PENDING", sim.status(pendingParse), "only a PROCESSING processor run can be cancelled");
    }

    // ---- --batch: extend:cancelBatch ----

    static final Pattern COUNTS = Pattern.compile("Cancelled \\d+, already finished \\d+, not found \\d+, failed \\d+"
                                                  + " \\([\\d,]+ listed, \\d (pass|passes), \\d+\\.\\d s\\)");

    /** The counts line, its elapsed time (which varies) as 0.0 s. */
    static String counts(String line) {
        assertTrue(COUNTS.matcher(line).matches(), line);
        return line.replaceAll("\\d+\\.\\d s\\)$", "0.0 s)");
    }

    @Test
    void batchCancelsEveryPendingAndProcessingRunOfTheBatchAndNoOther() {
        ExtendSimulator sim = SIM.simulator();
        String batch = sim.seedBatch(9, null, "PENDING", "PROCESSING", "PROCESSED");
        String otherBatch = sim.seedBatch(2, null, "PROCESSING");
        String single = sim.seedRun("PROCESSING");

        Result r = runWithKey("--batch", batch);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.outLines();
        assertEquals(List.of("Cancelling every PENDING or PROCESSING run of batch " + batch + " at " + SIM.baseUrl()
                             + " (API key from EXTEND_API_KEY)"), lines.subList(0, 1));
        assertEquals("Cancelled 6, already finished 0, not found 0, failed 0 (6 listed, 2 passes, 0.0 s)",
                counts(lines.get(1)));
        assertEquals(2, lines.size(), r.out());
        Map<String, Long> statuses = statusesOf(sim, batch);
        assertEquals(Map.of("CANCELLED", 6L, "PROCESSED", 3L), statuses, "the finished runs are not listed");
        assertEquals(Map.of("PROCESSING", 2L), statusesOf(sim, otherBatch));
        assertEquals("PROCESSING", sim.status(single));
        assertFalse(r.out().contains("\r"), "no progress line when the output is not a terminal");
        assertEquals("", r.err());
        assertFalse(r.out().contains(SECRET_KEY));
    }

    @Test
    void batchWithWaitCountsTheRunsThatFinishedFirstAsAlreadyFinishedWithALineEach() {
        ExtendSimulator sim = SIM.simulator();
        String batch = sim.seedBatch(6, null, "PROCESSING", "PENDING", "PROCESSED");
        List<String> ids = idsOf(sim, batch);
        String toProcessed = ids.get(0);
        String toFailed = ids.get(3);
        sim.cancelLosesRace(toProcessed, "PROCESSED").cancelLosesRace(toFailed, "FAILED");

        Result r = runWithKey("--batch", batch, "--wait");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.outLines();
        List<String> expected = new ArrayList<>(List.of(
                toProcessed + "  ALREADY FINISHED  (run is PROCESSED)",
                toFailed + "  ALREADY FINISHED  (run is FAILED)"));
        expected.sort(null); // ordered by run ID within an outcome
        assertEquals(expected, lines.subList(1, 3));
        assertEquals("Cancelled 2, already finished 2, not found 0, failed 0 (4 listed, 2 passes, 0.0 s)",
                counts(lines.get(3)));
        assertEquals(4, lines.size(), r.out());
    }

    @Test
    void batchWithoutWaitCountsAnAcceptedCancelAsCancelledEvenIfTheRunGoesOnToFinish() {
        ExtendSimulator sim = SIM.simulator();
        String batch = sim.seedBatch(3, null, "PROCESSING");
        sim.cancelLosesRace(idsOf(sim, batch).get(1), "PROCESSED");

        Result r = runWithKey("--batch", batch);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("Cancelled 3, already finished 0, not found 0, failed 0 (3 listed, 2 passes, 0.0 s)",
                counts(r.outLines().get(1)));
    }

    @Test
    void batchWithWaitRunsStillCancellingWhenTheWaitRunsOutAreNotSettledAndExitOne() {
        ExtendSimulator sim = SIM.simulator();
        String batch = sim.seedBatch(2, null, "PROCESSING");
        sim.cancelDelay(Duration.ofHours(1));
        try {
            Result r = runWithKey("--batch", batch, "--wait", "--wait-timeout", "1s");

            assertEquals(1, r.exitCode(), r.out() + r.err());
            List<String> lines = r.outLines();
            List<String> ids = idsOf(sim, batch).stream().sorted().toList();
            assertEquals(List.of(ids.get(0) + "  NOT SETTLED       (still CANCELLING)",
                    ids.get(1) + "  NOT SETTLED       (still CANCELLING)"), lines.subList(1, 3));
            assertEquals("Cancelled 2, already finished 0, not found 0, failed 0 (2 listed, 2 passes, 0.0 s)",
                    counts(lines.get(3)));
            assertEquals("Not settled: the wait ran out before 2 cancelled runs settled.", lines.get(4));
        } finally {
            sim.cancelDelay(Duration.ZERO);
        }
    }

    @Test
    void aBatchWhoseListingFailsStopsWithWhatWasDoneAndExitsOne() {
        String batch = SIM.simulator().seedBatch(3, null, "PROCESSING");
        String error = "{\"code\":\"INTERNAL_ERROR\",\"message\":\"An unexpected error occurred\",\"retryable\":true}";
        for (int i = 0; i < 3; i++) { // the first page's attempt and the component's 2 retries
            SIM.simulator().respondNext(503, error, Map.of("Retry-After", "0"));
        }

        Result r = runWithKey("--batch", batch);

        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> lines = r.outLines();
        assertEquals("Cancelled 0, already finished 0, not found 0, failed 0 (0 listed, 1 pass, 0.0 s)",
                counts(lines.get(1)));
        assertTrue(lines.get(2).startsWith("Stopped: ExtendServerException: "), lines.get(2));
        assertTrue(lines.get(2).endsWith("; running it again cancels what is left."), lines.get(2));
        assertEquals(3, lines.size(), r.out());
        assertEquals(Map.of("PROCESSING", 3L), statusesOf(SIM.simulator(), batch), "nothing cancelled");
    }

    @Test
    void aBatchWithARejectedKeyStopsAndExitsOne() {
        String batch = SIM.simulator().seedBatch(2, null, "PROCESSING");

        Result r = run(Map.of(CancelRunsApp.API_KEY_ENV, "sk_wrong_key_1234"), "--base-url", SIM.baseUrl(),
                "--batch", batch);

        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(lines.size() - 1).startsWith("Stopped: ExtendAuthenticationException: "), r.out());
        assertEquals(1, SIM.journal().size(), "one listing request, no cancel");
        assertFalse(r.out().contains("sk_wrong_key_1234"));
    }

    @Test
    void onATerminalABatchShowsOneProgressLineRedrawnInPlaceAndWipedBeforeTheReport() {
        ExtendSimulator sim = SIM.simulator();
        String batch = sim.seedBatch(12, null, "PROCESSING");
        SIM.faults().latency(Duration.ofMillis(250)); // 6 rounds of 2 cancels: progress is told about once a second

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CancelRunsApp(Map.of(CancelRunsApp.API_KEY_ENV, SECRET_KEY, "COLUMNS", "132"),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), true)
                .run(new String[] { "--batch", batch, "--concurrency", "2", "--base-url", SIM.baseUrl() });

        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        Matcher progress = Pattern.compile("\r(cancelling " + batch + ": (\\d+) cancelled, 0 already"
                                                           + " finished, 0 failed \\(\\d+ listed, \\d+\\.\\d s\\)) *")
                .matcher(text);
        assertTrue(progress.find(), "a progress line: " + text.replace("\r", "\\r"));
        // the line is wiped (spaces, then back to its start) and the report goes on from a clean line
        String wiped = text.replaceAll("\r[^\n]*\r", "");
        List<String> lines = wiped.lines().toList();
        assertEquals(2, lines.size(), wiped);
        assertEquals("Cancelled 12, already finished 0, not found 0, failed 0 (12 listed, 2 passes, 0.0 s)",
                counts(lines.get(1)));
        assertTrue(Pattern.compile("\r {" + progress.group(1).length() + ",}\rCancelled 12, ").matcher(text).find(),
                "wiped with spaces, the report from the line's start: " + text.replace("\r", "\\r"));
    }

    @Test
    void withoutKeyDemoBatchSeedsABatchInTheSimulatorAndCancelsIt() {
        Result r = run(Map.of(), "--demo-batch", "30");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("No EXTEND_API_KEY set: using the embedded Extend simulator at"), lines.get(0));
        String batch = lines.get(1).split(" ")[2].replace(":", "");
        assertTrue(batch.startsWith("batch_"), lines.get(1));
        assertEquals("Seeded batch " + batch + ": 30 runs, PENDING, PROCESSING and PROCESSED in turn (2 of them finish"
                     + " while their cancel is in flight).", lines.get(1));
        assertEquals("Cancelling every PENDING or PROCESSING run of batch " + batch + ".", lines.get(2));
        assertEquals("Cancelled 20, already finished 0, not found 0, failed 0 (20 listed, 2 passes, 0.0 s)",
                counts(lines.get(3)));
        assertEquals(4, lines.size(), r.out());
        assertEquals("", r.err());

        Result waited = run(Map.of(), "--demo-batch", "30", "--wait");

        assertEquals(0, waited.exitCode(), waited.out() + waited.err());
        List<String> w = waited.outLines();
        assertEquals(lines.subList(1, 3), w.subList(1, 3), "the same batch, the same IDs");
        assertTrue(w.get(3).matches("workflow_run_\\S{21}  ALREADY FINISHED  \\(run is PROCESSED\\)"), w.get(3));
        assertTrue(w.get(4).matches("workflow_run_\\S{21}  ALREADY FINISHED  \\(run is PROCESSED\\)"), w.get(4));
        assertEquals("Cancelled 18, already finished 2, not found 0, failed 0 (20 listed, 2 passes, 0.0 s)",
                counts(w.get(5)));
        assertEquals(6, w.size(), waited.out());
    }

    @Test
    void aSmallDemoBatchSaysHowManyOfItsRunsFinishFirst() {
        Result r = run(Map.of(), "--demo-batch", "5");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.outLines().get(1).endsWith(": 5 runs, PENDING, PROCESSING and PROCESSED in turn (1 of them finishes"
                                                + " while its cancel is in flight)."), r.outLines().get(1));
        assertTrue(run(Map.of(), "--demo-batch", "3").outLines().get(1).endsWith(" in turn."));
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
        assertUsageError(run(Map.of(), "--batch", "batch_7Ws31-F5"),
                "error: --batch needs EXTEND_API_KEY: the embedded simulator has no batch batch_7Ws31-F5; --demo-batch N"
                + " seeds a batch there and cancels it");
        assertUsageError(run(Map.of(CancelRunsApp.API_KEY_ENV, SECRET_KEY), "--demo-batch", "10"),
                "error: --demo-batch is for the embedded simulator, without EXTEND_API_KEY; with a key, name the batch"
                + " to cancel with --batch");
        assertUsageError(run(Map.of(), "--batch", "batch_a", "workflow_run_a"),
                "error: --batch cancels every run of the batch: give --batch or run IDs, not both");
        assertUsageError(run(Map.of(), "--wait", "--wait-timeout", "soon"),
                "error: --wait-timeout needs a duration such as 30s, 5m, 1h30m or 1500ms, was 'soon'");
        assertEquals(0, SIM.journal().size());
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
        assertTrue(r.out().contains("       cancel-runs [options] --batch BATCH_ID\n"), r.out());
        for (String option : List.of("--batch BATCH_ID", "--wait ", "--wait-timeout DURATION", "--demo-batch N")) {
            assertTrue(r.out().contains("  " + option), option);
        }
        assertEquals(0, SIM.journal().size());
    }

    /** The IDs of the batch's runs, in creation order. */
    private static List<String> idsOf(ExtendSimulator sim, String batch) {
        return sim.runIds().stream().filter(id -> batch.equals(sim.run(id).path("batchId").asText())).toList();
    }

    private static Map<String, Long> statusesOf(ExtendSimulator sim, String batch) {
        return idsOf(sim, batch).stream().collect(Collectors.groupingBy(sim::status,
                Collectors.counting()));
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
