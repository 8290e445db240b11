package dev.camelextend.examples.yamlroute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.camelextend.ExtendAuthenticationException;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the YAML route as the application does: Camel Main with src/main/resources/application.properties and
 * routes/cancel.camel.yaml, only the key, base URL and inbox overridden to point at the simulator.
 */
class CancelYamlRouteTest {

    static final String KEY = "sk_test_yamlRoute_9d2e4f";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().configure(b -> b.apiKey(KEY));

    @TempDir
    Path inbox;

    private Main main;

    // tag::camel-main-test[]
    private ProducerTemplate start(String apiKey) throws Exception {
        main = new Main();
        main.addOverrideProperty("camel.component.extend.api-key", apiKey);
        main.addOverrideProperty("camel.component.extend.base-url", SIM.baseUrl());
        main.addOverrideProperty("cancel.inbox", inbox.toString());
        main.start();
        return main.getCamelContext().createProducerTemplate();
    }
    // end::camel-main-test[]

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void cancelsAPendingOrProcessingRun() throws Exception {
        ProducerTemplate template = start(KEY);
        String run = SIM.simulator().seedRun("PROCESSING");

        assertEquals(run + " CANCELLED Invoice Processing", template.requestBody("direct:cancel", run, String.class));
        assertEquals("CANCELLED", SIM.simulator().status(run));
        assertEquals("POST /workflow_runs/" + run + "/cancel", SIM.journal().get(0).requestLine());
    }

    @Test
    void aFinishedRunIsNotAllowedAndAnUnknownOneNotFound() throws Exception {
        ProducerTemplate template = start(KEY);
        String processed = SIM.simulator().seedRun("PROCESSED");

        assertEquals(processed + " NOT ALLOWED (run is PROCESSED)",
                template.requestBody("direct:cancel", processed, String.class));
        assertEquals("workflow_run_unknown NOT FOUND",
                template.requestBody("direct:cancel", "workflow_run_unknown", String.class));
        assertEquals("PROCESSED", SIM.simulator().status(processed));
    }

    @Test
    void otherFailuresAreNotCaughtByTheRoute() throws Exception {
        ProducerTemplate template = start("sk_test_wrong_key");

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:cancel", "workflow_run_a", String.class));
        assertInstanceOf(ExtendAuthenticationException.class, e.getCause());
    }

    @Test
    void aFileOfRunIdsIsCancelledAndMovedToDone() throws Exception {
        ProducerTemplate template = start(KEY);
        ExtendSimulator sim = SIM.simulator();
        String pending = sim.seedRun("PENDING");
        String processing = sim.seedRun("PROCESSING");
        String failed = sim.seedRun("FAILED");

        Files.writeString(inbox.resolve("batch-1.txt"), "# runs of batch 1\r\n" + pending + "\r\n\r\n  " + processing
                                                        + "\r\n" + failed + "\r\n");

        assertTrue(appears(inbox.resolve(".done/batch-1.txt")), "moved to .done when every ID in it was handled");
        assertEquals("CANCELLED", sim.status(pending));
        assertEquals("CANCELLED", sim.status(processing));
        assertEquals("FAILED", sim.status(failed));
        assertFalse(Files.exists(inbox.resolve("batch-1.txt")));
        String log = Files.readString(Path.of("target/test.log"));
        assertTrue(log.contains(pending + " CANCELLED Invoice Processing"), "the route logs each result");
        assertTrue(log.contains(failed + " NOT ALLOWED (run is FAILED)"));
        assertFalse(log.contains(KEY), "the API key is never logged, not even in Camel Main's startup summary");
    }

    @Test
    void aFileWithAFailedCancelMovesToFailed() throws Exception {
        start("sk_test_wrong_key");

        Files.writeString(inbox.resolve("batch-2.txt"), SIM.simulator().seedRun("PROCESSING") + "\n");

        assertTrue(appears(inbox.resolve(".failed/batch-2.txt")), "moved to .failed");
    }

    private static boolean appears(Path file) throws InterruptedException {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; Thread.sleep(50)) {
            if (Files.exists(file)) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "EXTEND_API_KEY", matches = ".*")
    void withoutEXTEND_API_KEYCamelMainStopsAtStartAndNamesIt() {
        main = new Main();
        main.addOverrideProperty("cancel.inbox", inbox.toString());

        Exception e = assertThrows(Exception.class, main::start);
        assertTrue(e.getMessage().contains("Property with key [env:EXTEND_API_KEY] using function [env] returned null"),
                e.getMessage());
        assertEquals(0, SIM.journal().size());
    }
}
