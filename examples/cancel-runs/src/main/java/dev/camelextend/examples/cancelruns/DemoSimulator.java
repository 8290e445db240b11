package dev.camelextend.examples.cancelruns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelextend.simulator.ExtendSimulator;

/**
 * Starts the embedded Extend simulator and seeds it with runs in mixed states, or with one batch.
 * <p>
 * The simulator keeps its default clock, a manual one that does not move, and no cancel delay: an accepted cancel
 * makes a run CANCELLED at once, and the seeded runs keep their status. A run marked with
 * {@code cancelLosesRace(runId, "PROCESSED")} answers its cancel with CANCELLING instead, and since the cancel delay
 * is zero, the next read of it (the first poll of a {@code --wait}) sees it PROCESSED: the run finished while its
 * cancel was in flight. A cancel delay above zero would need {@code SimulatorClock.system()}: on the manual clock
 * such a run would stay CANCELLING for ever.
 */
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

    /**
     * The position in {@link #STATUS_MIX} (a PROCESSING run) whose cancel loses the race: Extend accepts it, and the
     * run finishes PROCESSED anyway. Without {@code --wait} it counts as cancelled (now CANCELLING); with it, as
     * finished first.
     */
    static final int LOSES_RACE = 5;

    /** The statuses the runs of a demo batch cycle through (the application's "Seeded batch" line names them). */
    static final List<String> BATCH_STATUSES = List.of("PENDING", "PROCESSING", "PROCESSED");

    /** The runs of a demo batch whose cancel loses the race, when it has that many: the 5th and the 20th (PROCESSING). */
    static final List<Integer> BATCH_LOSES_RACE = List.of(4, 19);

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
            String id = sim.seedRun(STATUS_MIX.get(i % STATUS_MIX.size()), workflow, null, Map.of("demo", true));
            if (i % STATUS_MIX.size() == LOSES_RACE) {
                sim.cancelLosesRace(id, "PROCESSED");
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * Seeds one batch of {@code count} runs of the default workflow cycling through {@link #BATCH_STATUSES}, in an
     * otherwise empty simulator; the cancels of the runs {@link #BATCH_LOSES_RACE} names lose the race.
     */
    static Batch seedBatch(ExtendSimulator sim, int count) {
        String batchId = sim.seedBatch(count, null, BATCH_STATUSES.toArray(String[]::new));
        List<String> ids = sim.runIds(); // in creation order: the batch's, as it is the only thing seeded
        int losing = 0;
        for (int i : BATCH_LOSES_RACE) {
            if (i < count) {
                String id = ids.get(i);
                if (!batchId.equals(sim.run(id).path("batchId").asText()) || !"PROCESSING".equals(sim.status(id))) {
                    throw new IllegalStateException("run " + i + " of the demo batch is not a PROCESSING run of it");
                }
                sim.cancelLosesRace(id, "PROCESSED");
                losing++;
            }
        }
        return new Batch(batchId, count, losing);
    }

    /**
     * A seeded batch.
     *
     * @param losing how many of its runs finish while their cancel is in flight
     */
    record Batch(String batchId, int runs, int losing) {
    }
}
