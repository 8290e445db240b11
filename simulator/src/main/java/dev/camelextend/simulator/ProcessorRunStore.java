// Owns: the simulated processor runs by ID: creating them (seeded, or following the lifecycle), their IDs and files,
// their outcomes, finding them, and one RunIndex per kind for the lists.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.ALNUM;
import static dev.camelextend.simulator.SimSupport.randomString;

/**
 * Every processor run of one simulator. The IDs come from a random source of their own (seeded from the simulator's
 * seed), so that seeding processor runs does not change the workflow run IDs a seed gives.
 */
final class ProcessorRunStore {

    private final Map<String, ProcessorRun> runs = new ConcurrentHashMap<>();
    /** one per kind: GET /extract_runs lists extract runs only; filled once, then only read */
    private final Map<ProcessorKind, RunIndex<ProcessorRun>> indexes = new EnumMap<>(ProcessorKind.class);
    private final AtomicInteger seedCounter = new AtomicInteger();
    private final Random idRandom;
    private final SimulatorClock clock;
    private final SimulatorSettings settings;

    ProcessorRunStore(long seed, SimulatorClock clock, SimulatorSettings settings) {
        this.idRandom = new Random(seed ^ 0x7072_6f63_6573_736fL);
        this.clock = clock;
        this.settings = settings;
        for (ProcessorKind k : ProcessorKind.values()) {
            indexes.put(k, new RunIndex<>());
        }
    }

    /** A run fixed in {@code status} (checked) until cancelled; returns its ID. */
    String seed(ProcessorKind kind, String status, String batchId, String sourceId) {
        String s = SimulatorSettings.checkProcessorStatus(status);
        Instant now = clock.now();
        Instant created = now.minusSeconds(600);
        ProcessorRun run = newRun(kind, batchId, sourceId, created,
                "Invoice-" + seedCounter.incrementAndGet() + ".pdf", SimSupport.toObject(null), false);
        run.seed(s, now);
        return put(run).id;
    }

    /**
     * A run of one PDF that follows the lifecycle from now: the current durations, and the outcome the metadata key
     * {@value ExtendSimulator#OUTCOME_METADATA_KEY} names (PROCESSED or FAILED), else PROCESSED.
     */
    String create(ProcessorKind kind, String batchId, String sourceId, Map<String, ?> metadata) {
        ObjectNode md = SimSupport.toObject(metadata);
        JsonNode o = md.get(ExtendSimulator.OUTCOME_METADATA_KEY);
        String outcome = o == null ? "PROCESSED" : SimulatorSettings.checkProcessorOutcome(o.asText());
        Instant now = clock.now();
        ProcessorRun run = newRun(kind, batchId, sourceId, now, "document.pdf", md, true);
        run.plan(settings.pendingDuration, settings.processingDuration, outcome);
        return put(run).id;
    }

    /** Indexes the run under its lock, then publishes it (as RunStore does). */
    private ProcessorRun put(ProcessorRun run) {
        String[] dims = Arrays.stream(new String[] { RunIndex.dim("batch", run.batchId),
                RunIndex.dim("source", run.sourceId) }).filter(Objects::nonNull).toArray(String[]::new);
        synchronized (run) {
            run.attach(indexes.get(run.kind).add(run, run.id, run.createdAt, run.updatedAt(), run.status(), dims));
        }
        runs.put(run.id, run);
        return run;
    }

    void setOutcome(String runId, String finalStatus) {
        String outcome = SimulatorSettings.checkProcessorOutcome(finalStatus);
        ProcessorRun run = current(runId);
        if (!run.setOutcome(outcome)) {
            throw new IllegalStateException("Run " + runId + " is seeded or already finished (" + run.status() + ")");
        }
    }

    /** The run caught up with the clock; NoSuchElementException when unknown. */
    ProcessorRun current(String runId) {
        ProcessorRun run = runs.get(Objects.requireNonNull(runId, "runId"));
        if (run == null) {
            throw new NoSuchElementException("No run " + runId);
        }
        run.catchUp(clock.now());
        return run;
    }

    /** The run of this kind, or null (also when the ID is a run of another kind). */
    ProcessorRun get(ProcessorKind kind, String id) {
        ProcessorRun run = runs.get(id);
        return run != null && run.kind == kind ? run : null;
    }

    boolean contains(String id) {
        return runs.containsKey(id);
    }

    RunIndex<ProcessorRun> index(ProcessorKind kind) {
        return indexes.get(kind);
    }

    /** IDs of every run of the kind, oldest first. */
    List<String> ids(ProcessorKind kind) {
        List<String> ids = new ArrayList<>();
        indexes.get(kind).inCreationOrder().forEach(r -> ids.add(r.id));
        return ids;
    }

    void clear() {
        runs.clear();
        indexes.values().forEach(RunIndex::clear);
    }

    int size() {
        return runs.size();
    }

    private ProcessorRun newRun(ProcessorKind kind, String batchId, String sourceId, Instant createdAt,
            String fileName, ObjectNode metadata, boolean lifecycle) {
        String id;
        String fileId;
        synchronized (idRandom) {
            do {
                id = kind.idPrefix + randomString(idRandom, ALNUM, 22);
            } while (runs.containsKey(id));
            fileId = "file_" + randomString(idRandom, ALNUM, 22);
        }
        return new ProcessorRun(kind, id, batchId, sourceId, createdAt, SimFile.pdf(fileId, fileName, 3, createdAt),
                metadata, lifecycle);
    }
}
