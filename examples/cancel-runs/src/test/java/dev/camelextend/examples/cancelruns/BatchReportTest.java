package dev.camelextend.examples.cancelruns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.RunCancelOutcome;
import dev.camelextend.model.RunCancelOutcome.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report of a --batch from summaries made by hand: every outcome, the bound on the lines, the exit codes. */
class BatchReportTest {

    static CancelBatchSummary summary(boolean complete, List<RunCancelOutcome> runs, int passes) {
        long[] n = new long[Outcome.values().length];
        runs.forEach(r -> n[r.outcome().ordinal()]++);
        return new CancelBatchSummary("workflow runs of batch batch_1", runs.size(), n[0], n[1], n[2], n[3], passes,
                complete, Duration.ofMillis(8_449), runs);
    }

    static RunCancelOutcome run(String id, Outcome outcome, String status, String error) {
        return new RunCancelOutcome(id, outcome, status, error);
    }

    @Test
    void aCleanBatchIsOneLineAndExitsZero() {
        CancelBatchSummary s = summary(true, List.of(run("workflow_run_a", Outcome.CANCELLED, "CANCELLING", null)), 2);

        assertEquals(List.of("Cancelled 1, already finished 0, not found 0, failed 0 (1 listed, 2 passes, 8.4 s)"),
                BatchReport.lines(s, false, null));
        assertEquals(0, BatchReport.exitCode(s, false, null));
    }

    @Test
    void runsNotCancelledGetALineEachWorstFirstThenByIdAndFailuresExitOne() {
        CancelBatchSummary s = summary(true, List.of(
                run("workflow_run_d", Outcome.ALREADY_FINISHED, "PROCESSED", null),
                run("workflow_run_c", Outcome.CANCELLED, "CANCELLED", null),
                run("workflow_run_b", Outcome.NOT_FOUND, null, null),
                run("workflow_run_long_id_1", Outcome.FAILED, "PROCESSING", "HTTP 503\n  from Extend  "),
                run("workflow_run_a", Outcome.ALREADY_FINISHED, "NEEDS_REVIEW", null),
                run("workflow_run_e", Outcome.ALREADY_FINISHED, null, null)), 1);

        assertEquals(List.of(
                "workflow_run_long_id_1  FAILED            (HTTP 503 from Extend)",
                "workflow_run_b          NOT FOUND         (no such run)",
                "workflow_run_a          ALREADY FINISHED  (run is NEEDS_REVIEW)",
                "workflow_run_d          ALREADY FINISHED  (run is PROCESSED)",
                "workflow_run_e          ALREADY FINISHED",
                "Cancelled 1, already finished 3, not found 1, failed 1 (6 listed, 1 pass, 8.4 s)"),
                BatchReport.lines(s, false, null));
        assertEquals(1, BatchReport.exitCode(s, false, null), "a failed run is left to cancel: run it again");
    }

    @Test
    void atMostTwentyRunLinesThenHowManyMore() {
        List<RunCancelOutcome> runs = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            runs.add(run(String.format("workflow_run_%04d", i), Outcome.ALREADY_FINISHED, "PROCESSED", null));
        }
        runs.add(run("workflow_run_x", Outcome.CANCELLED, "CANCELLED", null));

        List<String> lines = BatchReport.lines(summary(true, runs, 2), false, null);

        assertEquals(BatchReport.MAX_RUN_LINES + 2, lines.size());
        assertEquals("workflow_run_0000  ALREADY FINISHED  (run is PROCESSED)", lines.get(0));
        assertEquals("workflow_run_0019  ALREADY FINISHED  (run is PROCESSED)", lines.get(19));
        assertEquals("... and 1,214 more", lines.get(20));
        assertEquals("Cancelled 1, already finished 1,234, not found 0, failed 0 (1,235 listed, 2 passes, 8.4 s)",
                lines.get(21));
        assertEquals(0, BatchReport.exitCode(summary(true, runs, 2), false, null), "finished runs are answers");
    }

    @Test
    void aJobThatIsNotCompleteSaysSoAndExitsOne() {
        CancelBatchSummary s = summary(false, List.of(run("workflow_run_a", Outcome.CANCELLED, "CANCELLING", null)), 3);

        assertEquals(List.of("Cancelled 1, already finished 0, not found 0, failed 0 (1 listed, 3 passes, 8.4 s)",
                "Not complete: runs were still cancellable after the last pass; running it again cancels what is left."),
                BatchReport.lines(s, false, null));
        assertEquals(1, BatchReport.exitCode(s, false, null));
    }

    @Test
    void withWaitACancelledRunThatDidNotSettleHasALineAndExitsOne() {
        CancelBatchSummary s = summary(true, List.of(
                run("workflow_run_a", Outcome.CANCELLED, "CANCELLED", null),
                run("workflow_run_b", Outcome.CANCELLED, "CANCELLING", null),
                run("workflow_run_c", Outcome.CANCELLED, null, null)), 2);

        assertEquals(List.of(
                "workflow_run_b  NOT SETTLED       (still CANCELLING)",
                "workflow_run_c  NOT SETTLED       (status unknown)",
                "Cancelled 3, already finished 0, not found 0, failed 0 (3 listed, 2 passes, 8.4 s)",
                "Not settled: the wait ran out before 2 cancelled runs settled."),
                BatchReport.lines(s, true, null));
        assertEquals(1, BatchReport.exitCode(s, true, null));
        assertEquals(List.of("Cancelled 3, already finished 0, not found 0, failed 0 (3 listed, 2 passes, 8.4 s)"),
                BatchReport.lines(s, false, null), "without --wait, CANCELLING is what an accepted cancel says");
        assertEquals(0, BatchReport.exitCode(s, false, null));
    }

    @Test
    void aFailureStopsTheJobWithTheCountsSoFar() {
        CancelBatchSummary s = summary(false, List.of(run("workflow_run_a", Outcome.CANCELLED, "CANCELLING", null)), 1);

        assertEquals(List.of("Cancelled 1, already finished 0, not found 0, failed 0 (1 listed, 1 pass, 8.4 s)",
                "Stopped: ExtendServerException: HTTP 503; running it again cancels what is left."),
                BatchReport.lines(s, false, "ExtendServerException: HTTP 503"));
        assertEquals(1, BatchReport.exitCode(s, false, "ExtendServerException: HTTP 503"));
        assertEquals(List.of("Stopped: ExtendInvalidRequestException: no batch; running it again cancels what is left."),
                BatchReport.lines(null, false, "ExtendInvalidRequestException: no batch"), "it never started");
        assertEquals(1, BatchReport.exitCode(null, false, "ExtendInvalidRequestException: no batch"));
    }
}
