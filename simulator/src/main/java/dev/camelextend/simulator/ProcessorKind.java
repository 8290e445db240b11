// Owns: the four kinds of processor run the simulator serves (extract, classify, split, parse): the name tests use,
// the path, object name and ID prefix, the processor and version objects a run names, and what a run costs.
package dev.camelextend.simulator;

import java.util.List;
import java.util.Locale;

/** The IDs and names of the processors are the examples of extend-ai 1.17.0's type documentation. */
enum ProcessorKind {
    EXTRACT("extract", "exr_", "extractor", "ex_Xj8mK2pL9nR4vT7qY5wZ", "exv_xK9mLPqRtN3vS8wF5hB2cQ",
            "Invoice Extractor", 2.0),
    CLASSIFY("classify", "clr_", "classifier", "cl_Xj8mK2pL9nR4vT7qY5wZ", "clv_xK9mLPqRtN3vS8wF5hB2cQ",
            "Document Type Classifier", 1.0),
    SPLIT("split", "splr_", "splitter", "spl_Xj8mK2pL9nR4vT7qY5wZ", "splv_xK9mLPqRtN3vS8wF5hB2cQ",
            "Invoice Packet Splitter", 1.0),
    /** a parse run names no processor */
    PARSE("parse", "pr_", null, null, null, null, 1.5);

    /** the name of {@code ExtendSimulator.seedProcessorRun}, e.g. {@code extract} */
    final String kindName;
    /** the path's first segment, e.g. {@code extract_runs} */
    final String path;
    /** the {@code object} of a run, e.g. {@code extract_run} */
    final String object;
    final String idPrefix;
    /** the field naming the processor, e.g. {@code extractor} (its version {@code extractorVersion}); null for parse */
    final String processor;
    final String processorId;
    final String versionId;
    final String processorName;
    /** credits of a processed run */
    final double credits;

    ProcessorKind(String kindName, String idPrefix, String processor, String processorId, String versionId,
            String processorName, double credits) {
        this.kindName = kindName;
        this.path = kindName + "_runs";
        this.object = kindName + "_run";
        this.idPrefix = idPrefix;
        this.processor = processor;
        this.processorId = processorId;
        this.versionId = versionId;
        this.processorName = processorName;
        this.credits = credits;
    }

    /** "Extract run", for messages. */
    String label() {
        return kindName.substring(0, 1).toUpperCase(Locale.ROOT) + kindName.substring(1) + " run";
    }

    /** The kind of {@code name} ({@code extract}, {@code classify}, {@code split} or {@code parse}). */
    static ProcessorKind of(String name) {
        for (ProcessorKind k : values()) {
            if (k.kindName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown processor run kind '" + name + "', expected one of " + names());
    }

    /** The kind whose runs live under {@code /segment}, or null. */
    static ProcessorKind ofPath(String segment) {
        for (ProcessorKind k : values()) {
            if (k.path.equals(segment)) {
                return k;
            }
        }
        return null;
    }

    static List<String> names() {
        return List.of(EXTRACT.kindName, CLASSIFY.kindName, SPLIT.kindName, PARSE.kindName);
    }
}
