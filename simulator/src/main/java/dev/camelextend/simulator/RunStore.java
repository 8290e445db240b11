// Owns: the simulated workflow runs by ID: creating them (seeded one by one or a batch at a time, or following the
// lifecycle), their IDs, their outcomes, finding and removing them, and the RunIndex their list reads.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import static dev.camelextend.simulator.SimSupport.ID_ALPHABET;
import static dev.camelextend.simulator.SimSupport.MAPPER;
import static dev.camelextend.simulator.SimSupport.randomString;

/** Every workflow run of one simulator. IDs come from one random source seeded with the simulator's seed. */
final class RunStore {

    private final Map<String, SimRun> runs = new ConcurrentHashMap<>();
    private final RunIndex<SimRun> index = new RunIndex<>();
    /** per workflow: its version ID and its two step IDs, drawn from a random source seeded by the workflow ID */
    private final Map<String, String[]> workflowIds = new ConcurrentHashMap<>();
    private final AtomicInteger seedCounter = new AtomicInteger();
    private final Random idRandom;
    private final SimulatorClock clock;
    private final SimulatorSettings settings;
    private final SimRun.SettleListener listener;

    RunStore(long seed, SimulatorClock clock, SimulatorSettings settings, SimRun.SettleListener listener) {
        this.idRandom = new Random(seed);
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
    }

    /** A run fixed in {@code status} (checked) until cancelled; returns its ID. */
    String seed(String status, String workflowId, String batchId, Map<String, ?> metadata) {
        String s = SimulatorSettings.checkStatus(status);
        Instant now = clock.now();
        return seed(s, workflowId, batchId, SimSupport.toObject(metadata), now, now.minusSeconds(600)).id;
    }

    /**
     * {@code count} seeded runs of one new batch, their statuses (checked first, so a refused call seeds nothing)
     * cycling through {@code statuses}; returns the batch ID.
     */
    String seedBatch(int count, String workflowId, List<String> statuses) {
        if (count < 1) {
            throw new IllegalArgumentException("A batch needs at least one run, got " + count);
        }
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one status");
        }
        statuses.forEach(SimulatorSettings::checkStatus);
        String batchId = newBatchId();
        Instant now = clock.now();
        Instant first = now.minusSeconds(600);
        for (int i = 0; i < count; i++) {
            // one microsecond apart, as if submitted in one request: the runs keep a stable creation order, and each
            // one lands next to the previous in the index, which makes seeding 100,000 of them several times faster
            // than inserting them at random places
            seed(statuses.get(i % statuses.size()), workflowId, batchId, MAPPER.createObjectNode(), now,
                    first.plusNanos(i * 1000L));
        }
        return batchId;
    }

    private SimRun seed(String status, String workflowId, String batchId, ObjectNode metadata, Instant now,
            Instant created) {
        int n = seedCounter.incrementAndGet();
        SimRun run = newRun(workflowId, null, batchId, created, metadata,
                List.of(SimFile.pdf(newFileId(), "Invoice-" + n + ".pdf", 3, created)), false);
        run.seed(status, now);
        return put(run);
    }

    /** A run of one PDF that follows the lifecycle, as {@code ExtendSimulator.createRun} makes it. */
    String create(String workflowId, Map<String, ?> metadata) {
        Instant now = clock.now();
        ObjectNode md = SimSupport.toObject(metadata);
        return createPlanned(workflowId, null, null, now, md,
                List.of(SimFile.pdf(newFileId(), "document.pdf", 3, now))).id;
    }

    /** A run that follows the lifecycle from {@code now}: the current durations and its outcome are planned. */
    SimRun createPlanned(String workflowId, String version, String batchId, Instant now, ObjectNode metadata,
            List<SimFile> files) {
        SimRun run = newRun(workflowId, version, batchId, now, metadata, files, true);
        run.plan(settings.pendingDuration, settings.processingDuration, outcomeOf(metadata));
        return put(run);
    }

    /** Indexes the run (under its lock, so that no change slips in before the index has it), then publishes it. */
    private SimRun put(SimRun run) {
        synchronized (run) {
            run.attach(index.add(run, run.id, run.createdAt, run.updatedAt(), run.status(),
                    dims(RunIndex.dim("workflow", run.workflowId), RunIndex.dim("batch", run.batchId))));
        }
        runs.put(run.id, run);
        return run;
    }

    private static String[] dims(String... dims) {
        return Arrays.stream(dims).filter(Objects::nonNull).toArray(String[]::new);
    }

    void setOutcome(String runId, String finalStatus) {
        String outcome = SimulatorSettings.checkOutcome(finalStatus);
        SimRun run = find(runId);
        run.catchUp(clock.now());
        if (!run.setOutcome(outcome)) {
            throw new IllegalStateException("Run " + runId + " is seeded or already finished (" + run.status() + ")");
        }
    }

    /** See {@code ExtendSimulator.cancelLosesRace}: the outcome is checked, null removes the mark. */
    void cancelLosesRace(String runId, String finalStatus) {
        String outcome = finalStatus == null ? null : SimulatorSettings.checkOutcome(finalStatus);
        find(runId).losesCancelTo(outcome);
    }

    /** The run caught up with the clock; NoSuchElementException when unknown. */
    SimRun current(String runId) {
        SimRun run = find(runId);
        run.catchUp(clock.now());
        return run;
    }

    /** The run, or null. */
    SimRun get(String id) {
        return runs.get(id);
    }

    /** @return false when there was no such run */
    boolean remove(String id) {
        SimRun run = runs.remove(id);
        if (run == null) {
            return false;
        }
        run.detach();
        return true;
    }

    RunIndex<SimRun> index() {
        return index;
    }

    /** IDs of every run, oldest first (createdAt, then ID). */
    List<String> ids() {
        List<SimRun> all = index.inCreationOrder();
        List<String> ids = new ArrayList<>(all.size());
        all.forEach(r -> ids.add(r.id));
        return ids;
    }

    void clear() {
        runs.clear();
        index.clear();
    }

    int size() {
        return runs.size();
    }

    /** True when the ID is a workflow run of this store. */
    boolean contains(String id) {
        return runs.containsKey(id);
    }

    String newBatchId() {
        return "batch_" + randomString(idRandom, ID_ALPHABET, 8);
    }

    private SimRun find(String runId) {
        SimRun run = runs.get(Objects.requireNonNull(runId, "runId"));
        if (run == null) {
            throw new NoSuchElementException("No workflow run " + runId);
        }
        return run;
    }

    private String outcomeOf(ObjectNode metadata) {
        JsonNode o = metadata == null ? null : metadata.get(ExtendSimulator.OUTCOME_METADATA_KEY);
        return o != null && o.isTextual() && SimulatorSettings.OUTCOMES.contains(o.asText()) ? o.asText()
                : settings.defaultOutcome;
    }

    /** The workflow's version ID and step IDs: the same for every run of the workflow, in every simulator. */
    private static String[] workflowIds(String workflowId) {
        Random wfRandom = new Random(workflowId.hashCode());
        String versionId = "workflow_version_" + randomString(wfRandom, ID_ALPHABET, 21);
        return new String[] { versionId, "workflow_step_" + randomString(wfRandom, ALNUM, 8),
                "workflow_step_" + randomString(wfRandom, ALNUM, 8) };
    }

    private SimRun newRun(String workflowId, String requestedVersion, String batchId, Instant createdAt,
            ObjectNode metadata, List<SimFile> files, boolean lifecycle) {
        String wf = workflowId == null || workflowId.isBlank() ? ExtendSimulator.DEFAULT_WORKFLOW_ID : workflowId;
        String name = settings.workflowNames.getOrDefault(wf, "Simulated workflow");
        String[] wfIds = workflowIds.computeIfAbsent(wf, RunStore::workflowIds);
        String versionId = wfIds[0];
        String version;
        String versionName;
        if (requestedVersion == null || requestedVersion.isBlank()) {
            version = "1";
            versionName = "Production v1";
        } else if ("draft".equals(requestedVersion)) {
            version = "draft";
            versionName = null;
        } else {
            version = requestedVersion;
            versionName = "Version " + requestedVersion;
        }
        String id;
        String[] stepIds;
        synchronized (idRandom) {
            do {
                id = "workflow_run_" + randomString(idRandom, ID_ALPHABET, 21);
            } while (runs.containsKey(id));
            stepIds = new String[] { "workflow_step_run_" + randomString(idRandom, ALNUM, 8),
                    "workflow_step_run_" + randomString(idRandom, ALNUM, 8),
                    "parse_run_" + randomString(idRandom, ALNUM, 12), "extract_run_" + randomString(idRandom, ALNUM, 12),
                    wfIds[1], wfIds[2] };
        }
        return new SimRun(id, wf, name, versionId, version, versionName, batchId, createdAt, metadata, files, stepIds,
                lifecycle, isDashboardRun(metadata), listener);
    }

    /** Metadata {@code simulator:dashboard: true} marks a run as started from the dashboard, not through the API. */
    private static boolean isDashboardRun(ObjectNode metadata) {
        JsonNode flag = metadata == null ? null : metadata.get(ExtendSimulator.DASHBOARD_METADATA_KEY);
        return flag != null && flag.isBoolean() && flag.asBoolean();
    }

    /** The file of a run created from a request's file input. */
    SimFile file(JsonNode in, Instant now) {
        return SimFile.fromInput(in, now, this::newFileId);
    }

    private String newFileId() {
        synchronized (idRandom) {
            return "file_" + randomString(idRandom, ALNUM, 22);
        }
    }
}
