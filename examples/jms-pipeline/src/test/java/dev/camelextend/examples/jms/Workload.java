package dev.camelextend.examples.jms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.camelextend.simulator.ExtendSimulator;

/**
 * A deterministic mix of cancel requests, seeded in the simulator, each with the outcome queue it must end in. Per 100
 * requests: 90 runs that can be cancelled and 2 already cancelled (results), 4 finished runs, 2 unknown runs and 1
 * invalid ID (rejected), 1 run the gateway always answers 503 for (dead letter).
 */
final class Workload {

    private static final List<String> FINISHED = List.of("PROCESSED", "FAILED", "NEEDS_REVIEW", "REJECTED");

    private Workload() {
    }

    static List<Requests.Request> create(int size, ExtendSimulator sim, FaultGateway gateway, String prefix) {
        List<Requests.Request> requests = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String requestId = prefix + i;
            int slot = i % 100;
            Requests.Request r;
            if (slot == 0) {
                String runId = sim.seedRun("PROCESSING");
                gateway.poison(runId);
                r = new Requests.Request(requestId, runId, TestPipeline.DLQ);
            } else if (slot <= 4) {
                r = new Requests.Request(requestId, sim.seedRun(FINISHED.get(slot - 1)), TestPipeline.REJECTED);
            } else if (slot <= 6) {
                r = new Requests.Request(requestId, String.format("workflow_run_unknown%015d", i), TestPipeline.REJECTED);
            } else if (slot == 7) {
                r = new Requests.Request(requestId, "../workflow_runs/" + i, TestPipeline.REJECTED);
            } else if (slot <= 9) {
                r = new Requests.Request(requestId, sim.seedRun("CANCELLED"), TestPipeline.RESULTS);
            } else {
                r = new Requests.Request(requestId, sim.seedRun("PROCESSING"), TestPipeline.RESULTS);
            }
            requests.add(r);
        }
        Collections.shuffle(requests, new Random(7));
        return requests;
    }
}
