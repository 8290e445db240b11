package dev.camelextend.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's moving parts work: each client completes calls against the stub, and many cancels in flight complete
 * with a bounded number of threads. Behaviour only: no timing is asserted (the machine may be busy).
 */
class BenchmarkSanityTest {

    private static StubServer stub;

    @BeforeAll
    static void startStub() throws Exception {
        stub = StubServer.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "b", "c" })
    void eachClientCancelsAgainstTheStub(String label) throws Exception {
        try (CancelClient client = CancelClient.create(label, stub.baseUrl(), 4)) {
            for (int i = 0; i < 5; i++) {
                WorkflowRun run = client.cancel("workflow_run_sanity_" + label + i).get(30, TimeUnit.SECONDS);
                assertNotNull(run.getId());
                assertEquals(WorkflowRunStatus.CANCELLED, run.getStatus());
            }
        }
    }

    @Test
    void aThousandCancelsInFlightCompleteWithFewThreads() throws Exception {
        long threadsBefore = JvmStats.startedThreads();
        try (CancelClient client = ComponentClient.create(stub.baseUrl() + "/delay/200", "")) {
            assertEquals(1000, run(client, "inflight", 1000));
        }
        long started = JvmStats.startedThreads() - threadsBefore;
        assertTrue(started <= 32, "the component started " + started + " threads");
    }

    @Test
    void retryWaitsOfMoreThanAThousandCallsHoldNoThreadAndNeverOverflowTheScheduler() throws Exception {
        long threadsBefore = JvmStats.startedThreads();
        // every first attempt is answered 503: 1,200 exchanges wait for their retry at once, each also holding an
        // attempt deadline, above the 1,000 tasks a Camel default-profile scheduler would accept
        try (CancelClient client = ComponentClient.create(stub.baseUrl() + "/fail-first",
                "retryInitialDelay=200&maxConnections=200")) {
            assertEquals(1200, run(client, "retry" + System.nanoTime(), 1200));
        }
        long started = JvmStats.startedThreads() - threadsBefore;
        assertTrue(started <= 32, "the component started " + started + " threads");
    }

    private static int run(CancelClient client, String prefix, int n) throws Exception {
        List<CompletableFuture<WorkflowRun>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(client.cancel(prefix + "_" + i));
        }
        int ok = 0;
        for (CompletableFuture<WorkflowRun> call : calls) {
            ok += call.get(120, TimeUnit.SECONDS) != null ? 1 : 0;
        }
        return ok;
    }
}
