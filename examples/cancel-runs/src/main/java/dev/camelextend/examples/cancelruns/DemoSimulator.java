package dev.camelextend.examples.cancelruns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelextend.simulator.ExtendSimulator;

/** Starts the embedded Extend simulator and seeds it with runs in mixed states. */
final class DemoSimulator {

    /** An ID in the format of the simulator's (workflow_run_ + 21 characters) that it does not know: shows NOT FOUND. */
    static final String UNKNOWN_RUN_ID = "workflow_run_doesNotExist000000000";

    static final String RECEIPTS_WORKFLOW_ID = "workflow_receipts_kq3Zr8Tn2Vw";

    /**
     * The statuses of the seeded runs, in order, repeated for more runs: PENDING and PROCESSING runs can be cancelled,
     * the others are refused.
     */
    static final List<String> STATUS_MIX = List.of("PROCESSING", "PROCESSED", "PENDING", "FAILED", "NEEDS_REVIEW",
            "PROCESSING", "CANCELLED", "PROCESSED", "PENDING", "REJECTED");

    private DemoSimulator() {
    }

    /** A started simulator on 127.0.0.1 (any free port); the caller closes it. */
    static ExtendSimulator start() {
        return ExtendSimulator.builder()
                .workflow(RECEIPTS_WORKFLOW_ID, "Receipt Extraction")
                .build()
                .start();
    }

    /** Seeds {@code count} runs cycling through {@link #STATUS_MIX}; returns their IDs in seeding order. */
    static List<String> seed(ExtendSimulator sim, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String workflow = i % 3 == 2 ? RECEIPTS_WORKFLOW_ID : ExtendSimulator.DEFAULT_WORKFLOW_ID;
            ids.add(sim.seedRun(STATUS_MIX.get(i % STATUS_MIX.size()), workflow, null, Map.of("demo", true)));
        }
        return ids;
    }
}
