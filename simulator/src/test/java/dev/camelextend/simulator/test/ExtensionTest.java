package dev.camelextend.simulator.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** ExtendSimulatorExtension, run through the JUnit engine test kit so start and stop can be observed. */
class ExtensionTest {

    static final List<ExtendSimulator> seen = new CopyOnWriteArrayList<>();

    private static void run(Class<?> testClass, int tests) {
        seen.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .execute();
        List<Throwable> failures = results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow())
                .toList();
        assertEquals(List.of(), failures);
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
    }

    @Test
    void staticFieldStartsOnceResetsBetweenTestsAndStopsAfterAll() {
        run(StaticUsage.class, 3);
        assertEquals(3, seen.size());
        assertSame(seen.get(0), seen.get(1));
        assertSame(seen.get(0), seen.get(2));
        assertFalse(seen.get(0).isRunning(), "stopped after all tests");
    }

    @Test
    void instanceFieldStartsAndStopsAroundEachTest() {
        run(InstanceUsage.class, 2);
        assertEquals(2, seen.size());
        assertNotSame(seen.get(0), seen.get(1));
        assertFalse(seen.get(0).isRunning());
        assertFalse(seen.get(1).isRunning());
    }

    @Test
    void resetRunsBetweenTestsRemovesRuns() {
        run(ResetRunsUsage.class, 2);
    }

    @Test
    void simulatorIsNotAvailableOutsideTheLifecycle() {
        ExtendSimulatorExtension ext = ExtendSimulatorExtension.create();
        assertThrows(IllegalStateException.class, ext::simulator);
    }

    // ---- test classes run by the kit (static nested: surefire does not pick them up itself) ----

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticUsage {
        @RegisterExtension
        static ExtendSimulatorExtension sim = ExtendSimulatorExtension.create()
                .configure(b -> b.apiKey("sk_test_extension").cancelRefusalStatus(409));
        static String runId;

        @Test
        @Order(1)
        void first() {
            seen.add(sim.simulator());
            assertTrue(sim.simulator().isRunning());
            assertEquals("sk_test_extension", sim.apiKey());
            assertTrue(sim.baseUrl().startsWith("http://127.0.0.1:"));
            runId = sim.simulator().seedRun("PROCESSED");
            assertEquals(409, new SimHttp(sim.simulator()).cancel(runId).statusCode());
            sim.faults().serverErrorRate(1.0);
            sim.simulator().respondNext(200, "{}");
            assertEquals(1, sim.journal().size());
        }

        @Test
        @Order(2)
        void second() {
            seen.add(sim.simulator());
            assertEquals(List.of(), sim.journal(), "journal reset between tests");
            assertEquals(0.0, sim.faults().serverErrorRate(), "faults reset between tests");
            SimHttp http = new SimHttp(sim.simulator());
            assertEquals(200, http.get("/workflow_runs/" + runId).statusCode(), "the run stays; no scripted answer");
            assertEquals("PROCESSED", SimHttp.json(http.get("/workflow_runs/" + runId)).get("status").asText());
        }

        @Test
        @Order(3)
        void third(ExtendSimulator injected) {
            seen.add(injected);
            assertSame(sim.simulator(), injected);
        }
    }

    static class InstanceUsage {
        @RegisterExtension
        ExtendSimulatorExtension sim = ExtendSimulatorExtension.create();

        @Test
        void one() {
            seen.add(sim.simulator());
            assertEquals(200, new SimHttp(sim.simulator()).get("/workflow_runs").statusCode());
        }

        @Test
        void two() {
            seen.add(sim.simulator());
            assertEquals(200, new SimHttp(sim.simulator()).get("/workflow_runs").statusCode());
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetRunsUsage {
        @RegisterExtension
        static ExtendSimulatorExtension sim = ExtendSimulatorExtension.create().resetRunsBetweenTests(true);

        @Test
        @Order(1)
        void seeds() {
            sim.simulator().seedRun("PENDING");
            assertEquals(1, sim.simulator().runIds().size());
        }

        @Test
        @Order(2)
        void empty() {
            assertEquals(List.of(), sim.simulator().runIds());
        }
    }
}
