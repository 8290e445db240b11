package dev.camelextend.client;

import java.util.List;
import java.util.Locale;

import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.ProcessorRun;
import dev.camelextend.model.WorkflowRun;

/**
 * The kinds of run Extend can cancel, and the rules that differ between them: the path they live under, the object
 * type their body must have, the ID prefix Extend documents for them, and which statuses are settled or cancellable.
 * A workflow run can be cancelled while PENDING or PROCESSING and passes through CANCELLING; a processor run (extract,
 * classify, split, parse) only while PROCESSING, and has no CANCELLING.
 * <p>
 * Unknown status text counts as settled, as Extend's own SDKs treat any status that is not one of the known
 * in-progress ones: a status added later must end a wait, not prolong it until the timeout.
 */
public enum RunKind {

    WORKFLOW("workflow", "workflow_runs", WorkflowRun.OBJECT_TYPE, "workflow_run_", WorkflowRun.class),
    EXTRACT("extract", "extract_runs", "extract_run", "exr_", ProcessorRun.class),
    CLASSIFY("classify", "classify_runs", "classify_run", "clr_", ProcessorRun.class),
    SPLIT("split", "split_runs", "split_run", "splr_", ProcessorRun.class),
    PARSE("parse", "parse_runs", "parse_run", "pr_", ProcessorRun.class);

    private final String label;
    private final String collection;
    private final String objectType;
    private final String idPrefix;
    private final Class<? extends ExtendRun> modelType;

    RunKind(String label, String collection, String objectType, String idPrefix,
            Class<? extends ExtendRun> modelType) {
        this.label = label;
        this.collection = collection;
        this.objectType = objectType;
        this.idPrefix = idPrefix;
        this.modelType = modelType;
    }

    /**
     * The kind whose documented ID prefix starts {@code runId}, or null when none does (Extend's IDs are opaque; the
     * prefixes are the ones its API reference shows).
     */
    public static RunKind ofId(String runId) {
        if (runId != null) {
            for (RunKind kind : values()) {
                if (runId.startsWith(kind.idPrefix)) {
                    return kind;
                }
            }
        }
        return null;
    }

    /**
     * The kind named {@code label} ({@code workflow}, {@code extract}, {@code classify}, {@code split}, {@code parse};
     * case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static RunKind ofLabel(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (RunKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a run kind: use workflow, extract, classify, split"
                                           + " or parse");
    }

    /** The name users give it, as in {@code runKind=extract}. */
    public String label() {
        return label;
    }

    /** The path segment of this kind's runs, e.g. {@code workflow_runs}. */
    public String collection() {
        return collection;
    }

    /** The {@code object} value of this kind's runs, e.g. {@code workflow_run}. */
    public String objectType() {
        return objectType;
    }

    /** The model class a body of this kind maps to. */
    public Class<? extends ExtendRun> modelType() {
        return modelType;
    }

    /** Whether the run is no longer in progress: not PENDING or PROCESSING, nor CANCELLING for a workflow run. */
    public boolean isSettled(String status) {
        return !("PENDING".equals(status) || "PROCESSING".equals(status) || "CANCELLING".equals(status));
    }

    /** Whether Extend accepts a cancel of a run of this kind in {@code status}. */
    public boolean isCancellable(String status) {
        return "PROCESSING".equals(status) || this == WORKFLOW && "PENDING".equals(status);
    }

    /** Whether the run is cancelled, or being cancelled. */
    public boolean isCancelledOrCancelling(String status) {
        return "CANCELLED".equals(status) || "CANCELLING".equals(status);
    }

    /** The statuses a run of this kind can still be cancelled in, for listing what a batch cancel must act on. */
    public List<String> cancellableStatuses() {
        return this == WORKFLOW ? List.of("PENDING", "PROCESSING") : List.of("PROCESSING");
    }

    @Override
    public String toString() {
        return label;
    }
}
