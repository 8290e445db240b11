// Owns: one processor run's state and its lifecycle on the SimulatorClock: PENDING -> PROCESSING -> PROCESSED or FAILED
// for created runs, a fixed status for seeded ones, and cancel (a PROCESSING run only, CANCELLED at once); it tells
// its RunIndex slot whenever its position in a list changes.
package dev.camelextend.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One simulated extract, classify, split or parse run; {@link ProcessorRunJson} renders it. Unlike a workflow run it
 * has no CANCELLING status: Extend's processor runs go straight to CANCELLED. Every method is synchronized; fields that
 * are not final are only read or written while holding the run's lock.
 */
final class ProcessorRun implements RunIndex.Member {

    final ProcessorKind kind;
    final String id;
    final String batchId;
    /** the entity that started the run, e.g. a {@code workflow_run_...}; null for API runs */
    final String sourceId;
    final Instant createdAt;
    final SimFile file;
    final ObjectNode metadata;
    /** false for seeded runs: they keep their status until cancelled */
    private final boolean lifecycle;

    String status;
    Instant updatedAt;
    /** when processing started and ended, for the parse run's metrics; null until then */
    Instant startedAt;
    Instant endedAt;
    String failureReason;
    String failureMessage;
    private Instant processingAt;
    private Instant finishAt;
    private String outcome;
    private RunIndex<ProcessorRun>.Slot slot;

    ProcessorRun(ProcessorKind kind, String id, String batchId, String sourceId, Instant createdAt, SimFile file,
            ObjectNode metadata, boolean lifecycle) {
        this.kind = kind;
        this.id = id;
        this.batchId = batchId;
        this.sourceId = sourceId;
        this.createdAt = createdAt;
        this.file = file;
        this.metadata = metadata;
        this.lifecycle = lifecycle;
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

    /** Puts a seeded run straight into {@code seedStatus}, with plausible timestamps before {@code now}. */
    synchronized void seed(String seedStatus, Instant now) {
        status = seedStatus;
        if (!"PENDING".equals(seedStatus)) {
            startedAt = createdAt.plusSeconds(2);
            updatedAt = startedAt;
        }
        if (!"PENDING".equals(seedStatus) && !"PROCESSING".equals(seedStatus)) {
            endedAt = createdAt.plusSeconds(60);
            updatedAt = endedAt;
            if ("FAILED".equals(seedStatus)) {
                failed();
            }
        }
        if (updatedAt.isAfter(now)) {
            updatedAt = now;
        }
    }

    /** Links the run to its index entries, and registers the instants at which its lifecycle will move it. */
    synchronized void attach(RunIndex<ProcessorRun>.Slot indexSlot) {
        slot = indexSlot;
        if (processingAt != null && "PENDING".equals(status)) {
            slot.dueAt(processingAt);
        }
        if (finishAt != null) {
            slot.dueAt(finishAt);
        }
    }

    synchronized void detach() {
        if (slot != null) {
            slot.remove();
        }
    }

    @Override
    public synchronized void catchUp(Instant now) {
        if ("PENDING".equals(status) && processingAt != null && !now.isBefore(processingAt)) {
            status = "PROCESSING";
            startedAt = processingAt;
            updatedAt = processingAt;
        }
        if ("PROCESSING".equals(status) && finishAt != null && !now.isBefore(finishAt)) {
            status = outcome;
            endedAt = finishAt;
            updatedAt = finishAt;
            if ("FAILED".equals(outcome)) {
                failed();
            }
        }
        indexed();
    }

    /**
     * Cancels a PROCESSING run: CANCELLED at once, its planned outcome dropped.
     *
     * @return false in any other status (the cancel is refused): a PENDING processor run cannot be cancelled either
     */
    synchronized boolean cancel(Instant now) {
        if (!"PROCESSING".equals(status)) {
            return false;
        }
        processingAt = null;
        finishAt = null;
        status = "CANCELLED";
        endedAt = now;
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        indexed();
        return true;
    }

    /** Changes the final status of a lifecycle run that has not finished yet. */
    synchronized boolean setOutcome(String finalStatus) {
        if (!lifecycle || !("PENDING".equals(status) || "PROCESSING".equals(status))) {
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

    @Override
    public synchronized boolean fileNameContains(String part) {
        return file.nameContains(part.toLowerCase(Locale.ROOT));
    }

    /** The full run object, as a tree. */
    synchronized ObjectNode toJson() {
        return ProcessorRunJson.full(this);
    }

    @Override
    public synchronized void writeSummary(JsonGenerator g) throws IOException {
        ProcessorRunJson.writeSummary(this, g);
    }

    private void indexed() {
        if (slot != null) {
            slot.update(updatedAt, status);
        }
    }

    private void failed() {
        failureReason = "FAILED_TO_PROCESS_FILE";
        failureMessage = "The file could not be processed (simulated failure)";
    }
}
