package dev.camelextend.model;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a {@code cancelBatch} did: how many runs it cancelled, found finished, did not find or failed on, and the
 * outcome of each run, in the order they were settled. A run is counted once, by its last outcome (a run that failed
 * in one pass and was cancelled in the next counts as cancelled).
 *
 * @param target          what was cancelled, e.g. {@code batch batch_123} (never a secret)
 * @param listed          how many runs the listings returned, over every pass (a run listed twice counts twice)
 * @param cancelled       runs cancelled: the cancel was accepted (and, when waited for, the run settled CANCELLED)
 * @param alreadyFinished runs that were no longer cancellable: Extend refused the cancel, or the run settled otherwise
 *                        while the cancel was in flight
 * @param notFound        runs Extend no longer knew (deleted after the listing)
 * @param failed          runs whose cancel failed for another reason; re-running {@code cancelBatch} retries them
 * @param passes          how many listings it took until one found nothing left to cancel
 * @param complete        whether the last pass found nothing left to cancel (false: stopped after the last pass
 *                        allowed, or on a listing failure; re-run it)
 * @param elapsed         how long it took
 * @param runs            the outcome per run
 */
@JsonPropertyOrder({ "target", "listed", "cancelled", "alreadyFinished", "notFound", "failed", "passes", "complete",
        "elapsed", "runs" })
public record CancelBatchSummary(String target, long listed, long cancelled, long alreadyFinished, long notFound,
                                 long failed, int passes, boolean complete, Duration elapsed,
                                 List<RunCancelOutcome> runs) implements Serializable {

    /** One line for a log or a terminal. */
    public String describe() {
        return target + ": " + cancelled + " cancelled, " + alreadyFinished + " already finished, " + notFound
               + " not found, " + failed + " failed (" + listed + " listed, " + passes
               + (passes == 1 ? " pass" : " passes") + ", " + elapsed.toMillis() + " ms"
               + (complete ? ")" : "; not complete: run it again)");
    }

    @Override
    public String toString() {
        return "CancelBatchSummary[" + describe() + "]";
    }
}
