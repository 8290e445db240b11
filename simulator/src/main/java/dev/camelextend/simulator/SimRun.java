// Owns: one workflow run's state and its lifecycle on the SimulatorClock: PENDING -> PROCESSING -> final outcome for
// created runs, a fixed status for seeded ones, and cancel (CANCELLING -> CANCELLED after the cancel delay, or the
// run's own outcome when the cancel loses the race); it tells its RunIndex slot whenever its position in a list
// changes, and its settle listener the moment it settles.
package dev.camelextend.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One simulated workflow run: its state and its planned lifecycle; {@link SimRunJson} renders it. Package-private;
 * every method is synchronized, callers catch the run up with the clock before reading it. Fields that are not final
 * are only read or written while holding the run's lock.
 */
final class SimRun implements RunIndex.Member {

    static final Instant WORKFLOW_CREATED_AT = Instant.parse("2024-03-21T16:45:00Z");

    /**
     * Told once per run, when it reaches a settled status (PROCESSED, FAILED, NEEDS_REVIEW, REJECTED, CANCELLED) from
     * an open one. Called while the run's lock is held, so the run is exactly as it settled: it must only read the run
     * and hand work on, never wait.
     */
    interface SettleListener {
        void settled(SimRun run);
    }

    final String id;
    final String workflowId;
    final String workflowName;
    final String versionId;
    final String version;
    final String versionName;
    final String batchId;
    final Instant createdAt;
    final ObjectNode metadata;
    final List<SimFile> files;
    final String[] stepIds; // parse step run, extract step run, parse run, extract run, parse step, extract step
    /** false for seeded runs: they keep their status until cancelled */
    private final boolean lifecycle;
    /** started from the dashboard, not through the API: Extend delivers no webhook for it */
    final boolean dashboard;
    private final SettleListener listener;

    String status;
    Instant updatedAt;
    Instant initialRunAt;
    Instant startTime;
    Instant endTime;
    private Instant processingAt;
    private Instant finishAt;
    private Instant cancelDoneAt;
    private String outcome;
    /** the outcome an accepted cancel ends in instead of CANCELLED (it loses the race); null: the cancel wins */
    private String losesCancelTo;
    /** set by an accepted cancel that loses: what CANCELLING turns into when the cancel delay ends */
    private String settlesAs;
    String cancelledDuring;
    boolean reviewed;
    String reviewedByUser;
    Instant reviewedAt;
    String rejectionNote;
    String failureReason;
    String failureMessage;
    /** null until the run store indexes the run */
    private RunIndex<SimRun>.Slot slot;

    SimRun(String id, String workflowId, String workflowName, String versionId, String version, String versionName,
           String batchId, Instant createdAt, ObjectNode metadata, List<SimFile> files, String[] stepIds,
           boolean lifecycle, boolean dashboard, SettleListener listener) {
        this.id = id;
        this.workflowId = workflowId;
        this.workflowName = workflowName;
        this.versionId = versionId;
        this.version = version;
        this.versionName = versionName;
        this.batchId = batchId;
        this.createdAt = createdAt;
        this.metadata = metadata;
        this.files = files;
        this.stepIds = stepIds;
        this.lifecycle = lifecycle;
        this.dashboard = dashboard;
        this.listener = listener;
        this.updatedAt = createdAt;
    }

    /** Starts the lifecycle of a created run: PENDING for {@code pending}, PROCESSING for {@code processing}. */
    synchronized void plan(Duration pending, Duration processing, String finalStatus) {
        outcome = finalStatus;
        processingAt = createdAt.plus(pending);
        finishAt = processingAt.plus(processing);
        status = "PENDING";
        catchUp(createdAt);
    }

    /** Links the run to its index entries, and registers the instants at which its lifecycle will move it. */
    synchronized void attach(RunIndex<SimRun>.Slot indexSlot) {
        slot = indexSlot;
        if (processingAt != null && "PENDING".equals(status)) {
            slot.dueAt(processingAt);
        }
        if (finishAt != null) {
            slot.dueAt(finishAt);
        }
    }

    /** Takes the run out of the lists (it was deleted). */
    synchronized void detach() {
        if (slot != null) {
            slot.remove();
        }
    }

    /** Puts a seeded run straight into {@code seedStatus}, with plausible timestamps before {@code now}. */
    synchronized void seed(String seedStatus, Instant now) {
        Instant started = createdAt.plusSeconds(2);
        Instant ended = createdAt.plusSeconds(180);
        switch (seedStatus) {
            case "PENDING" -> updatedAt = createdAt;
            case "PROCESSING" -> started(started);
            case "CANCELLING" -> {
                started(started);
                cancelledDuring = "PROCESSING";
                updatedAt = ended;
            }
            default -> {
                started(started);
                endTime = ended;
                updatedAt = ended;
                if ("CANCELLED".equals(seedStatus)) {
                    cancelledDuring = "PROCESSING";
                } else if ("FAILED".equals(seedStatus)) {
                    failed();
                } else if ("REJECTED".equals(seedStatus)) {
                    reviewed = true;
                    reviewedByUser = "reviewer@example.com";
                    reviewedAt = ended.plusSeconds(120);
                    rejectionNote = "Invoice total does not match the purchase order";
                    updatedAt = reviewedAt;
                }
            }
        }
        status = seedStatus;
        if (updatedAt.isAfter(now)) {
            updatedAt = now;
        }
    }

    /** Applies every lifecycle transition that is due at {@code now}. */
    @Override
    public synchronized void catchUp(Instant now) {
        boolean wasOpen = !isSettled();
        if ("PENDING".equals(status) && processingAt != null && !now.isBefore(processingAt)) {
            started(processingAt);
        }
        if ("PROCESSING".equals(status) && finishAt != null && !now.isBefore(finishAt)) {
            status = outcome;
            endTime = finishAt;
            updatedAt = finishAt;
            if ("FAILED".equals(outcome)) {
                failed();
            }
        }
        if ("CANCELLING".equals(status) && cancelDoneAt != null && !now.isBefore(cancelDoneAt)) {
            status = settlesAs != null ? settlesAs : "CANCELLED";
            endTime = cancelDoneAt;
            updatedAt = cancelDoneAt;
            if ("FAILED".equals(status)) {
                failed();
            }
        }
        indexed();
        if (wasOpen && isSettled()) {
            listener.settled(this);
        }
    }

    /**
     * Cancels a PENDING or PROCESSING run: CANCELLED at once when {@code delay} is zero, else CANCELLING until
     * {@code now + delay}. The planned outcome is dropped (the cancel wins).
     * <p>
     * When the cancel loses the race ({@code losesTo} non-null, or the run marked by {@link #losesCancelTo}), the run
     * is CANCELLING even with a zero delay, as Extend answers a cancel it has accepted but not yet carried out, and
     * when the delay ends it is {@code losesTo} instead of CANCELLED.
     *
     * @param losesTo the outcome a lost race ends in, or null (then the run's mark decides)
     * @return false when the run is in any other status (the cancel is refused)
     */
    synchronized boolean cancel(Instant now, Duration delay, String losesTo) {
        if (!isCancellable()) {
            return false;
        }
        String loser = losesCancelTo != null ? losesCancelTo : losesTo;
        cancelledDuring = status;
        processingAt = null;
        finishAt = null;
        updatedAt = now;
        boolean cancelled = delay.isZero() && loser == null;
        if (cancelled) {
            status = "CANCELLED";
            endTime = now;
        } else {
            status = "CANCELLING";
            settlesAs = loser;
            cancelDoneAt = now.plus(delay);
            if (slot != null) {
                slot.dueAt(cancelDoneAt);
            }
        }
        indexed();
        if (cancelled) {
            listener.settled(this);
        }
        return true;
    }

    /** Marks the run: an accepted cancel loses the race and the run ends in {@code finalStatus}; null unmarks. */
    synchronized void losesCancelTo(String finalStatus) {
        losesCancelTo = finalStatus;
    }

    /** What the run would end in if nothing stopped it: its planned outcome, PROCESSED for a seeded run. */
    synchronized String plannedOutcome() {
        return outcome != null ? outcome : "PROCESSED";
    }

    /** True in a status no lifecycle leaves (the run waits for nothing Extend does). Never true before seeding. */
    private boolean isSettled() {
        return status != null && WebhookEventTypes.ofSettledRun(status) != null;
    }

    synchronized boolean isCancellable() {
        return "PENDING".equals(status) || "PROCESSING".equals(status);
    }

    /** Changes the final status of a lifecycle run that has not finished yet. */
    synchronized boolean setOutcome(String finalStatus) {
        if (!lifecycle || !isCancellable()) {
            return false;
        }
        outcome = finalStatus;
        return true;
    }

    @Override
    public synchronized String status() {
        return status;
    }

    @Override
    public synchronized Instant updatedAt() {
        return updatedAt;
    }

    synchronized void mergeMetadata(ObjectNode patch, Instant now) {
        metadata.setAll(patch);
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        indexed();
    }

    @Override
    public synchronized boolean fileNameContains(String part) {
        String needle = part.toLowerCase(Locale.ROOT);
        for (SimFile f : files) {
            if (f.nameContains(needle)) {
                return true;
            }
        }
        return false;
    }

    // ---- JSON (rendered by SimRunJson under this run's lock) ----

    /** The full {@code WorkflowRun}: every field present, nulls explicit. */
    synchronized ObjectNode toJson() {
        return SimRunJson.full(this);
    }

    /** Writes the {@code WorkflowRunSummary} of list responses. */
    @Override
    public synchronized void writeSummary(JsonGenerator g) throws IOException {
        SimRunJson.writeSummary(this, g);
    }

    /** Tells the index the run's current position; a no-op when neither updatedAt nor status changed. */
    private void indexed() {
        if (slot != null) {
            slot.update(updatedAt, status);
        }
    }

    private void started(Instant at) {
        status = "PROCESSING";
        initialRunAt = createdAt;
        startTime = at;
        updatedAt = at;
    }

    private void failed() {
        failureReason = "DOCUMENT_PROCESSOR_ERROR";
        failureMessage = "The extractor could not process the document (simulated failure)";
    }
}
