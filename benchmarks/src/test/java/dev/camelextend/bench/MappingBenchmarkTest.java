package dev.camelextend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MappingBenchmark's methods map what they are said to map (no timing). */
class MappingBenchmarkTest {

    private static MappingBenchmark benchmark(String fixture) throws Exception {
        MappingBenchmark benchmark = new MappingBenchmark();
        benchmark.fixture = fixture;
        benchmark.setUp();
        return benchmark;
    }

    @Test
    void theCancelledFixtureMapsToTheCancelledRunAndToItsTree() throws Exception {
        MappingBenchmark benchmark = benchmark("cancelled");
        WorkflowRun run = benchmark.readValue();
        assertEquals("workflow_run_xKm9pNv3qWsY_jL2tR5Dh", run.getId());
        assertEquals(WorkflowRunStatus.CANCELLED, run.getStatus());
        assertEquals(2, run.getStepRuns().size());
        JsonNode tree = benchmark.readTree();
        assertEquals(run.getId(), tree.path("id").asText());
        assertEquals(tree, benchmark.readTreePlain());
        assertEquals(run.getEndTime(), benchmark.readValueJavaTimeModule().getEndTime());
        benchmark.readValueAndGetAll(blackhole());
    }

    @Test
    void theProcessingFixtureMapsToTheProcessingRun() throws Exception {
        MappingBenchmark benchmark = benchmark("processing");
        WorkflowRun run = benchmark.readValue();
        assertEquals(WorkflowRunStatus.PROCESSING, run.getStatus());
        assertEquals("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc", benchmark.readTree().path("id").asText());
        benchmark.readValueAndGetAll(blackhole());
    }

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
