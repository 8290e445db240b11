package dev.camelextend.examples.yamlroute;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the shaded target/yaml-route.jar with {@code java -jar} and only environment variables, as the README tells
 * users to: its classpath is the application's real one (the unit tests' classpath has more on it).
 */
class YamlRouteJarIT {

    static final String KEY = "sk_test_yamlRouteJar_51c0";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().configure(b -> b.apiKey(KEY));

    @TempDir
    Path dir;

    @Test
    void theJarCancelsTheRunsOfADroppedFile() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String processing = sim.seedRun("PROCESSING");
        String processed = sim.seedRun("PROCESSED");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("runs.txt"), "# two runs\n" + processing + "\n" + processed + "\n");
        File log = dir.resolve("out.txt").toFile();

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "target/yaml-route.jar").redirectErrorStream(true).redirectOutput(log);
        pb.environment().put("EXTEND_API_KEY", KEY);
        pb.environment().put("EXTEND_BASE_URL", SIM.baseUrl());
        pb.environment().put("CANCEL_INBOX", inbox.toString());
        Process p = pb.start();
        try {
            Path done = inbox.resolve(".done/runs.txt");
            for (long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); !Files.exists(done)
                    && System.nanoTime() < end && p.isAlive(); Thread.sleep(100)) {
                // waiting for the route to move the file
            }
            assertTrue(Files.exists(done), "file moved to .done:\n" + Files.readString(log.toPath()));
        } finally {
            p.destroy(); // SIGTERM: Camel Main shuts down gracefully
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertEquals("CANCELLED", sim.status(processing));
        assertTrue(out.contains(processing + " CANCELLED Invoice Processing"), out);
        assertTrue(out.contains(processed + " NOT ALLOWED (run is PROCESSED)"), out);
        assertFalse(out.contains(KEY), "the API key is not logged");
        assertFalse(out.contains(" ERROR "), out);
    }
}
