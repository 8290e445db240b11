package dev.camelextend.examples.cancelruns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the shaded target/cancel-runs.jar with {@code java -jar}, as the README tells users to. */
class CancelRunsJarIT {

    static final Path JAR = Path.of("target/cancel-runs.jar");

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(CancelRunsApp.API_KEY_ENV);
        pb.environment().remove(CancelRunsApp.BASE_URL_ENV);
        pb.environment().putAll(env);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = pb.redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar " + JAR + " did not end within 3 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutKeyTheJarRunsTheSimulatorDemoAndExitsZero() throws Exception {
        Run r = java(Map.of());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("No EXTEND_API_KEY set: using the embedded Extend simulator at http://127.0.0.1:"),
                r.out());
        assertTrue(r.out().contains("workflow_run_doesNotExist000000000  NOT FOUND    (no such run)"), r.out());
        assertTrue(r.out().endsWith("Cancelled 4, not allowed 6, not found 1, failed 0" + System.lineSeparator()), r.out());
        assertEquals("", r.err(), "no log noise on standard error");
        String printed = r.out().replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:PORT");
        for (Path readme : List.of(Path.of("../../README.md"), Path.of("README.md"))) {
            Matcher shown = Pattern.compile("(?ms)^```\n(No EXTEND_API_KEY set: .*?)^```$")
                    .matcher(Files.readString(readme, StandardCharsets.UTF_8));
            assertTrue(shown.find(), readme + " shows the demo's output");
            for (String line : shown.group(1).replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:PORT").split("\n")) {
                if (!line.equals("...")) {
                    assertTrue(printed.contains(line + System.lineSeparator()), readme + " shows a line the jar does not print: "
                                                                              + line + "\n" + printed);
                }
            }
        }
    }

    @Test
    void theBatchDemoPrintsTheLinesTheReadmeShowsAndExitsZero() throws Exception {
        Run r = java(Map.of(), "--demo-batch", "30", "--wait");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err(), "no log noise on standard error");
        assertFalse(r.out().contains("\r"), "no progress line: the output is a file");
        String printed = normalized(r.out());
        Matcher shown = Pattern.compile("(?ms)^```\n(No EXTEND_API_KEY set: [^\n]*\nSeeded batch .*?)^```$")
                .matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertTrue(shown.find(), "README.md shows the batch demo's output");
        List<String> lines = List.of(normalized(shown.group(1)).split("\n"));
        assertEquals(6, lines.size(), "the whole output, no '...'");
        for (String line : lines) {
            assertTrue(printed.contains(line + System.lineSeparator()), "README.md shows a line the jar does not print: "
                                                                        + line + "\n" + printed);
        }
    }

    /** The port and the elapsed time, which vary from run to run, as PORT and 0.0 s. */
    private static String normalized(String text) {
        return text.replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:PORT")
                .replaceAll("(pass|passes), \\d+\\.\\d s\\)", "$1, 0.0 s)");
    }

    @Test
    void aRejectedKeyExitsOne() throws Exception {
        Run r = java(Map.of(CancelRunsApp.API_KEY_ENV, "sk_not_the_simulators_key"), "--base-url", SIM.baseUrl(),
                "workflow_run_a");

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("workflow_run_a  FAILED       (ExtendAuthenticationException: "), r.out());
    }

    @Test
    void aConfigurationErrorIsOneLineAndExitsTwo() throws Exception {
        Run r = java(Map.of(CancelRunsApp.API_KEY_ENV, "sk_some_key"), "--base-url", "ftp://nowhere", "workflow_run_a");

        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace:\n" + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("The baseUrl option must be an http(s) URL"), r.err());
    }

    @Test
    void aUsageErrorExitsTwo() throws Exception {
        Run r = java(Map.of(), "--concurrency", "zero");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: --concurrency needs a whole number, was 'zero'"), r.err());
    }
}
