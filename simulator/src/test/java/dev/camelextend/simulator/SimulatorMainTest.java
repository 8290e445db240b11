package dev.camelextend.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line of {@code java -jar camel-extend-simulator.jar}, through {@link SimulatorMain#launch}: what it
 * prints and the exit status {@code main} would end with (package-private, hence this package).
 */
class SimulatorMainTest {

    private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBuf, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);

    private List<String> out() {
        return outBuf.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> err() {
        return errBuf.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void seedRunsPrintsBaseUrlKeyAndTheRuns() {
        SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--seed-runs", "3" }, out, err);
        try (ExtendSimulator sim = launch.simulator()) {
            assertNotNull(sim);
            assertEquals(0, launch.exitStatus());
            assertTrue(sim.isRunning());
            List<String> lines = out();
            assertEquals("Extend simulator (API " + ExtendSimulator.API_VERSION + ") listening", lines.get(0));
            assertEquals("base URL: " + sim.baseUrl(), lines.get(1));
            assertEquals("API key:  " + ExtendSimulator.DEFAULT_API_KEY, lines.get(2));
            List<String> runs = lines.subList(3, lines.size());
            assertEquals(3, runs.size(), lines.toString());
            assertEquals(sim.runIds(), runs.stream().map(l -> l.split(" ")[1]).toList());
            for (String run : runs) {
                String[] parts = run.split(" ");
                assertEquals("run", parts[0]);
                assertEquals(sim.status(parts[1]), parts[2]);
            }
            assertEquals(List.of(), err());
            assertFalse(sim.clock().isManual(), "the standalone simulator runs on the system clock");
        }
    }

    @Test
    void seedBatchAddsABatchLineAfterTheRunLinesItDoesNotList() throws Exception {
        SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--seed-runs", "2", "--seed-batch", "1500" },
                out, err);
        try (ExtendSimulator sim = launch.simulator()) {
            assertEquals(0, launch.exitStatus(), err().toString());
            List<String> lines = out();
            assertEquals("Extend simulator (API " + ExtendSimulator.API_VERSION + ") listening", lines.get(0));
            assertEquals("base URL: " + sim.baseUrl(), lines.get(1));
            assertEquals("API key:  " + ExtendSimulator.DEFAULT_API_KEY, lines.get(2));
            assertTrue(lines.get(3).startsWith("run workflow_run_"), lines.toString());
            assertTrue(lines.get(4).startsWith("run workflow_run_"), lines.toString());
            assertEquals(6, lines.size(), "the batch's runs are not listed one by one: " + lines.size() + " lines");
            String[] batch = lines.get(5).split(" ");
            assertEquals("batch", batch[0]);
            assertTrue(batch[1].matches("batch_[A-Za-z0-9_-]{8}"), lines.get(5));
            assertEquals("1500", batch[2]);
            assertEquals(lines.get(5), "batch " + batch[1] + " 1500 runs of " + ExtendSimulator.DEFAULT_WORKFLOW_ID
                    + ": PENDING, PROCESSING, PROCESSED");
            assertEquals(1502, sim.runIds().size());
            String runOfBatch = sim.runIds().stream().filter(id -> sim.run(id).path("batchId").asText("")
                    .equals(batch[1])).findFirst().orElseThrow();
            assertTrue(List.of("PENDING", "PROCESSING", "PROCESSED").contains(sim.status(runOfBatch)));
        }
    }

    @Test
    void seedBatchStatusesAndRateLimitsPrintALineEach() {
        SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--seed-batch=4",
                "--seed-batch-statuses=PROCESSING,CANCELLING", "--write-rate", "2", "--rate", "5" }, out, err);
        try (ExtendSimulator sim = launch.simulator()) {
            assertEquals(0, launch.exitStatus(), err().toString());
            List<String> lines = out();
            assertEquals(5, lines.size(), lines.toString());
            assertTrue(lines.get(3).startsWith("batch batch_"), lines.toString());
            assertTrue(lines.get(3).endsWith(" 4 runs of " + ExtendSimulator.DEFAULT_WORKFLOW_ID
                    + ": PROCESSING, CANCELLING"), lines.get(3));
            assertEquals("rate limits: GET 5/s, WRITE 2/s, RUN 5/s", lines.get(4), "the flag for one category wins");
            assertEquals(5, sim.faults().rateLimit("GET"));
            assertEquals(2, sim.faults().rateLimit("WRITE"));
            assertEquals(5, sim.faults().rateLimit("RUN"));
            long processing = sim.runIds().stream().filter(id -> sim.status(id).equals("PROCESSING")).count();
            assertEquals(2, processing);
        }
        outBuf.reset();
        launch = SimulatorMain.launch(new String[] { "--read-rate", "7", "--run-rate", "1" }, out, err);
        try (ExtendSimulator sim = launch.simulator()) {
            assertEquals("rate limits: GET 7/s, WRITE none, RUN 1/s", out().get(3));
            assertEquals(0, sim.faults().rateLimit("WRITE"));
        }
    }

    @Test
    void eachWebhookUrlAddsALineAfterAllTheOthers() {
        SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--seed-runs", "1", "--webhook-url",
                "http://127.0.0.1:9/a", "--rate", "5", "--webhook-url=http://localhost:9/b" }, out, err);
        try (ExtendSimulator sim = launch.simulator()) {
            assertEquals(0, launch.exitStatus(), err().toString());
            List<String> lines = out();
            assertEquals(7, lines.size(), lines.toString());
            assertEquals("base URL: " + sim.baseUrl(), lines.get(1));
            assertTrue(lines.get(3).startsWith("run workflow_run_"), lines.toString());
            assertEquals("rate limits: GET 5/s, WRITE 5/s, RUN 5/s", lines.get(4));
            assertTrue(lines.get(5).startsWith("webhook http://127.0.0.1:9/a (endpoint wh_"), lines.get(5));
            assertTrue(lines.get(6).startsWith("webhook http://localhost:9/b (endpoint wh_"), lines.get(6));
            assertTrue(lines.get(6).matches(".* signing secret: wss_[A-Za-z0-9]{32}"), lines.get(6));
            assertEquals(List.of(), err());
        }
    }

    @Test
    void portInUseIsOneLineAndExitStatus2() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--port", Integer.toString(port) }, out,
                    err);
            assertNull(launch.simulator());
            assertEquals(2, launch.exitStatus());
            assertEquals(List.of("error: port " + port + " is already in use on 127.0.0.1; choose another with --port"),
                    err());
            assertEquals(List.of(), out());
        }
    }

    @Test
    void unknownFlagPrintsTheErrorAndTheUsageWithExitStatus2() {
        SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--bogus", "1" }, out, err);
        assertNull(launch.simulator());
        assertEquals(2, launch.exitStatus());
        assertEquals(List.of("error: unknown flag --bogus", CommandLine.usage()), err());
        assertTrue(CommandLine.usage().startsWith("usage: java -jar camel-extend-simulator.jar "));
        assertEquals(List.of(), out());
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] args : List.of(new String[] { "--port" }, new String[] { "--port=x" },
                new String[] { "--cancel-refusal-status", "500" }, new String[] { "--seed-runs", "-1" },
                new String[] { "--seed-batch", "-1" }, new String[] { "--seed-batch-statuses", "PENDING,DONE" },
                new String[] { "--seed-batch-statuses", "" }, new String[] { "--rate", "-1" },
                new String[] { "--read-rate", "x" }, new String[] { "--write-rate", "-2" },
                new String[] { "--run-rate", "-3" }, new String[] { "--webhook-url", "ftp://127.0.0.1/x" },
                new String[] { "--webhook-url", "not a url" })) {
            errBuf.reset();
            SimulatorMain.Launch launch = SimulatorMain.launch(args, out, err);
            assertNull(launch.simulator(), String.join(" ", args));
            assertEquals(2, launch.exitStatus(), String.join(" ", args));
            assertTrue(err().get(0).startsWith("error: "), err().toString());
            assertEquals(CommandLine.usage(), err().get(1));
        }
    }

    @Test
    void theUsageNamesEveryFlag() {
        for (String flag : List.of("--port", "--api-key", "--seed-runs", "--seed-batch", "--seed-batch-statuses",
                "--seed", "--cancel-refusal-status", "--cancel-delay-ms", "--pending-ms", "--processing-ms", "--rate",
                "--read-rate", "--write-rate", "--run-rate", "--webhook-url", "--help")) {
            assertTrue(CommandLine.usage().contains("[" + flag), flag + " in " + CommandLine.usage());
        }
    }

    @Test
    void helpPrintsTheUsageAndExitStatus0() {
        SimulatorMain.Launch launch = SimulatorMain.launch(new String[] { "--help" }, out, err);
        assertNull(launch.simulator());
        assertEquals(0, launch.exitStatus());
        assertEquals(List.of(CommandLine.usage()), out());
        assertEquals(List.of(), err());
    }
}
