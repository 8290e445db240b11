package dev.camelextend.examples.cancelruns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.RunCancelOutcome;

/**
 * The report of a {@code --batch}: one line per run that was not cleanly cancelled (at most {@value #MAX_RUN_LINES},
 * worst first), the counts, and what is left to do. Decides the exit code.
 *
 * <pre>
 * workflow_run_Hd0s2LQf6XbTzKcJmVr1P  ALREADY FINISHED  (run is PROCESSED)
 * Cancelled 19, already finished 1, not found 0, failed 0 (20 listed, 2 passes, 1.2 s)
 * </pre>
 */
final class BatchReport {

    /** At most this many per-run lines; the rest are counted in one {@code ... and N more} line. */
    static final int MAX_RUN_LINES = 20;
    private static final int MAX_ID_WIDTH = 60;
    private static final int MAX_ERROR_LENGTH = 300;

    /** The per-run labels, in the order the lines are printed: what needs attention first. */
    enum Label {
        FAILED("FAILED"),
        NOT_SETTLED("NOT SETTLED"),
        NOT_FOUND("NOT FOUND"),
        ALREADY_FINISHED("ALREADY FINISHED");

        final String text;

        Label(String text) {
            this.text = text;
        }
    }

    private BatchReport() {
    }

    /**
     * @param summary the job's summary: the exchange's body, or the last one the progress listener was told when a
     *                listing failed; null when the job never started
     * @param waited  whether each cancel waited for its run to settle ({@code --wait})
     * @param failure why the job stopped (a listing failed), or null
     */
    static List<String> lines(CancelBatchSummary summary, boolean waited, String failure) {
        List<String> lines = new ArrayList<>();
        if (summary != null) {
            List<RunCancelOutcome> shown = notCancelled(summary, waited);
            int width = Math.min(MAX_ID_WIDTH, shown.stream().mapToInt(r -> r.runId().length()).max().orElse(1));
            String format = "%-" + Math.max(1, width) + "s  %-16s  %s";
            for (RunCancelOutcome r : shown.subList(0, Math.min(MAX_RUN_LINES, shown.size()))) {
                lines.add(String.format(Locale.ROOT, format, r.runId(), label(r, waited).text, detail(r, waited))
                        .stripTrailing());
            }
            if (shown.size() > MAX_RUN_LINES) {
                lines.add("... and " + count(shown.size() - MAX_RUN_LINES) + " more");
            }
            lines.add("Cancelled " + count(summary.cancelled()) + ", already finished " + count(summary.alreadyFinished())
                      + ", not found " + count(summary.notFound()) + ", failed " + count(summary.failed()) + " ("
                      + count(summary.listed()) + " listed, " + summary.passes()
                      + (summary.passes() == 1 ? " pass, " : " passes, ") + seconds(summary.elapsed()) + ")");
            long unsettled = unsettled(summary, waited);
            if (unsettled > 0) {
                lines.add("Not settled: the wait ran out before " + count(unsettled)
                          + (unsettled == 1 ? " cancelled run settled." : " cancelled runs settled."));
            }
        }
        if (failure != null) {
            lines.add("Stopped: " + failure + "; running it again cancels what is left.");
        } else if (summary != null && !summary.complete()) {
            lines.add("Not complete: runs were still cancellable after the last pass; running it again cancels what is"
                      + " left.");
        }
        return lines;
    }

    /** 0 when the job is complete and no run failed (nor, with --wait, was left unsettled); else 1. */
    static int exitCode(CancelBatchSummary summary, boolean waited, String failure) {
        boolean ok = failure == null && summary != null && summary.complete() && summary.failed() == 0
                     && unsettled(summary, waited) == 0;
        return ok ? Tally.EXIT_OK : Tally.EXIT_FAILED;
    }

    /** {@code 1,203}: the grouping of the progress line, whatever the JVM's locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 8.4 s}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** The runs to print a line for, worst first, then by ID (the summary's order is the order they settled in). */
    private static List<RunCancelOutcome> notCancelled(CancelBatchSummary summary, boolean waited) {
        return summary.runs().stream()
                .filter(r -> label(r, waited) != null)
                .sorted(Comparator.comparing((RunCancelOutcome r) -> label(r, waited)).thenComparing(RunCancelOutcome::runId))
                .toList();
    }

    /** The line's label, or null for a run that was cleanly cancelled (no line). */
    private static Label label(RunCancelOutcome r, boolean waited) {
        return switch (r.outcome()) {
            // with a wait, cancelled means settled CANCELLED; anything else is a cancel whose end was not seen
            case CANCELLED -> waited && !"CANCELLED".equals(r.status()) ? Label.NOT_SETTLED : null;
            case ALREADY_FINISHED -> Label.ALREADY_FINISHED;
            case NOT_FOUND -> Label.NOT_FOUND;
            case FAILED -> Label.FAILED;
        };
    }

    private static long unsettled(CancelBatchSummary summary, boolean waited) {
        return summary.runs().stream().filter(r -> label(r, waited) == Label.NOT_SETTLED).count();
    }

    private static String detail(RunCancelOutcome r, boolean waited) {
        return switch (label(r, waited)) {
            case FAILED -> "(" + shortened(r.error() == null ? "no reason given" : r.error()) + ")";
            case NOT_SETTLED -> r.status() == null ? "(status unknown)" : "(still " + r.status() + ")";
            case NOT_FOUND -> "(no such run)";
            case ALREADY_FINISHED -> r.status() == null ? "" : "(run is " + r.status() + ")";
        };
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_ERROR_LENGTH ? oneLine.substring(0, MAX_ERROR_LENGTH) + "..." : oneLine;
    }
}
