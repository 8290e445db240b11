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
                new String[] { "--cancel-refusal-status", "500" }, new String[] { "--seed-runs", "-1" })) {
            errBuf.reset();
            SimulatorMain.Launch launch = SimulatorMain.launch(args, out, err);
            assertNull(launch.simulator(), String.join(" ", args));
            assertEquals(2, launch.exitStatus(), String.join(" ", args));
            assertTrue(err().get(0).startsWith("error: "), err().toString());
            assertEquals(CommandLine.usage(), err().get(1));
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
