// Owns: the simulated runs by ID: creating them (seeded, or following the lifecycle), their IDs and file objects,
// their outcomes, finding, listing and removing them.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.ALNUM;
import static dev.camelextend.simulator.SimSupport.ID_ALPHABET;
import static dev.camelextend.simulator.SimSupport.MAPPER;
import static dev.camelextend.simulator.SimSupport.randomString;
import static dev.camelextend.simulator.SimSupport.textOrNull;

/** Every run of one simulator. IDs come from one random source seeded with the simulator's seed. */
final class RunStore {

    private final Map<String, SimRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger seedCounter = new AtomicInteger();
    private final Random idRandom;
    private final SimulatorClock clock;
    private final SimulatorSettings settings;

    RunStore(long seed, SimulatorClock clock, SimulatorSettings settings) {
        this.idRandom = new Random(seed);
        this.clock = clock;
        this.settings = settings;
    }

    /** A run fixed in {@code status} (checked) until cancelled; returns its ID. */
    String seed(String status, String workflowId, String batchId, Map<String, ?> metadata) {
        String s = SimulatorSettings.checkStatus(status);
        Instant now = clock.now();
        int n = seedCounter.incrementAndGet();
        SimRun run = newRun(workflowId, null, batchId, now.minusSeconds(600), SimSupport.toObject(metadata),
                pdfFiles("Invoice-" + n + ".pdf", now.minusSeconds(600)), false);
        run.seed(s, now);
        runs.put(run.id, run);
        return run.id;
    }

    /** A run of one PDF that follows the lifecycle, as {@code ExtendSimulator.createRun} makes it. */
    String create(String workflowId, Map<String, ?> metadata) {
        Instant now = clock.now();
        ObjectNode md = SimSupport.toObject(metadata);
        return createPlanned(workflowId, null, null, now, md, pdfFiles("document.pdf", now)).id;
    }

    /** A run that follows the lifecycle from {@code now}: the current durations and its outcome are planned. */
    SimRun createPlanned(String workflowId, String version, String batchId, Instant now, ObjectNode metadata,
            ArrayNode files) {
        SimRun run = newRun(workflowId, version, batchId, now, metadata, files, true);
        run.plan(settings.pendingDuration, settings.processingDuration, outcomeOf(metadata));
        runs.put(run.id, run);
        return run;
    }

    void setOutcome(String runId, String finalStatus) {
        String outcome = SimulatorSettings.checkOutcome(finalStatus);
        SimRun run = find(runId);
        run.catchUp(clock.now());
        if (!run.setOutcome(outcome)) {
            throw new IllegalStateException("Run " + runId + " is seeded or already finished (" + run.status() + ")");
        }
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
        return runs.remove(id) != null;
    }

    Collection<SimRun> all() {
        return runs.values();
    }

    /** IDs of every run, oldest first. */
    List<String> ids() {
        List<SimRun> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparing((SimRun r) -> r.createdAt).thenComparing(r -> r.id));
        return all.stream().map(r -> r.id).toList();
    }

    void clear() {
        runs.clear();
    }

    int size() {
        return runs.size();
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

    private SimRun newRun(String workflowId, String requestedVersion, String batchId, Instant createdAt,
            ObjectNode metadata, ArrayNode files, boolean lifecycle) {
        String wf = workflowId == null || workflowId.isBlank() ? ExtendSimulator.DEFAULT_WORKFLOW_ID : workflowId;
        String name = settings.workflowNames.getOrDefault(wf, "Simulated workflow");
        Random wfRandom = new Random(wf.hashCode());
        String versionId = "workflow_version_" + randomString(wfRandom, ID_ALPHABET, 21);
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
                    "workflow_step_" + randomString(wfRandom, ALNUM, 8), "workflow_step_" + randomString(wfRandom, ALNUM, 8) };
        }
        return new SimRun(id, wf, name, versionId, version, versionName, batchId, createdAt, metadata, files, stepIds,
                lifecycle);
    }

    // ---- file objects ----

    private ArrayNode pdfFiles(String name, Instant createdAt) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("object", "file");
        f.put("id", newFileId());
        f.put("name", name);
        f.put("type", "PDF");
        f.putNull("parentFileId");
        f.putObject("metadata").put("pageCount", 3);
        f.put("createdAt", createdAt.toString());
        f.put("updatedAt", createdAt.toString());
        return MAPPER.createArrayNode().add(f);
    }

    /** The {@code File} object of a run created from a request's file input ({@code url}, {@code id} or {@code text}). */
    ObjectNode fileSummary(JsonNode in, Instant now) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("object", "file");
        String name;
        String type;
        if (in.hasNonNull("id")) {
            f.put("id", in.get("id").asText());
            name = textOrNull(in.get("name")) != null ? in.get("name").asText() : in.get("id").asText() + ".pdf";
        } else {
            f.put("id", newFileId());
            if (in.hasNonNull("text")) {
                name = textOrNull(in.get("name")) != null ? in.get("name").asText() : "document.txt";
            } else {
                String url = in.get("url").asText();
                String path = url.replaceAll("[?#].*$", "");
                String last = path.substring(path.lastIndexOf('/') + 1);
                name = textOrNull(in.get("name")) != null ? in.get("name").asText()
                        : last.isEmpty() ? "document.pdf" : last;
            }
        }
        type = in.hasNonNull("text") ? "TXT" : typeOf(name);
        f.put("name", name);
        f.put("type", type);
        f.putNull("parentFileId");
        ObjectNode md = f.putObject("metadata");
        if ("PDF".equals(type)) {
            md.put("pageCount", 1);
        }
        f.put("createdAt", now.toString());
        f.put("updatedAt", now.toString());
        return f;
    }

    private static String typeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return "CSV";
        } else if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".tif")
                || n.endsWith(".tiff") || n.endsWith(".gif") || n.endsWith(".webp")) {
            return "IMG";
        } else if (n.endsWith(".txt")) {
            return "TXT";
        } else if (n.endsWith(".docx") || n.endsWith(".doc")) {
            return "DOCX";
        } else if (n.endsWith(".xlsx") || n.endsWith(".xls")) {
            return "EXCEL";
        } else if (n.endsWith(".xml")) {
            return "XML";
        } else if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "HTML";
        }
        return "PDF";
    }

    private String newFileId() {
        synchronized (idRandom) {
            return "file_" + randomString(idRandom, ALNUM, 22);
        }
    }
}
