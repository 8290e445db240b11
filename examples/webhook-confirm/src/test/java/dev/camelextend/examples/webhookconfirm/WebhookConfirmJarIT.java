// Owns: the tests of the shaded target/webhook-confirm.jar run with java -jar, as the README tells users to: the
// demo's output lines the README shows, the command for the real API against a simulator, the exit codes.
package dev.camelextend.examples.webhookconfirm;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.simulator.WebhookRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookConfirmJarIT {

    static final Path JAR = Path.of("target/webhook-confirm.jar");
    static final Path README = Path.of("README.md");
    static final String JAR_IN_README = "examples/webhook-confirm/" + JAR;

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.clock(SimulatorClock.system()).cancelDelay(Duration.ofMillis(200)));

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    Run java(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(WebhookConfirmApp.API_KEY_ENV);
        pb.environment().remove(WebhookConfirmApp.BASE_URL_ENV);
        pb.environment().remove(WebhookConfirmApp.WEBHOOK_SECRET_ENV);
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

    /** The README's output block that starts with {@code firstLine}, as lines. */
    static List<String> shown(String firstLinePrefix) throws IOException {
        Matcher m = Pattern.compile("(?ms)^```\n(" + Pattern.quote(firstLinePrefix) + ".*?)^```$")
                .matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertTrue(m.find(), "README.md shows an output block starting with " + firstLinePrefix);
        return List.of(m.group(1).split("\n"));
    }

    /** The README's command line that runs the jar with {@code start} before it, as its arguments after the jar. */
    static List<String> commandArgs(String start) throws IOException {
        String line = Files.readString(README, StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith(start) && l.contains("java -jar " + JAR_IN_README)).findFirst()
                .orElseThrow(() -> new AssertionError("README.md shows no command starting " + start));
        String after = line.substring(line.indexOf(JAR_IN_README) + JAR_IN_README.length()).strip();
        return after.isEmpty() ? List.of() : Arrays.asList(after.split(" +"));
    }

    private static String ports(String text) {
        return text.replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:PORT");
    }

    @Test
    void theDemoPrintsTheLinesTheReadmeShowsAndExitsZero() throws Exception {
        assertEquals(List.of(), commandArgs("./mvnw "), "the README's run command passes no arguments");
        Run r = java(Map.of(), List.of());

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err(), "no log noise on standard error");
        List<String> printed = List.of(ports(r.out()).split(System.lineSeparator()));
        List<String> shown = shown("No EXTEND_API_KEY set: ").stream().map(WebhookConfirmJarIT::ports).toList();
        // the simulator's seed fixes the run, endpoint and event IDs, and the demo's order fixes the events'
        assertEquals(shown, printed, "README.md shows the demo's whole output");
    }

    @Test
    void theCommandForTheRealApiPrintsTheLinesTheReadmeShows() throws Exception {
        List<String> args = new ArrayList<>(commandArgs("EXTEND_API_KEY=sk_... EXTEND_WEBHOOK_SECRET=wss_... "));
        assertEquals(4, args.size(), "--port 8080 and two run IDs: " + args);
        assertEquals(List.of("--port", "8080"), args.subList(0, 2));
        int port = freePort();
        WebhookRegistration webhook = SIM.simulator().registerWebhook("http://127.0.0.1:" + port + "/extend/webhook",
                null);
        args.set(1, String.valueOf(port));
        args.set(2, SIM.simulator().seedRun("PROCESSING"));
        args.set(3, SIM.simulator().seedRun("PENDING"));

        Run r = java(Map.of(WebhookConfirmApp.API_KEY_ENV, SIM.apiKey(), WebhookConfirmApp.BASE_URL_ENV, SIM.baseUrl(),
                WebhookConfirmApp.WEBHOOK_SECRET_ENV, webhook.signingSecret()), args);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err(), "no log noise on standard error");
        List<String> shown = shown("Listening for webhook deliveries at http://127.0.0.1:8080/").stream()
                .map(l -> l.replace(":8080/", ":" + port + "/").replace("https://api.extend.ai", SIM.baseUrl()))
                .toList();
        List<String> printed = r.out().lines().toList();
        assertEquals(shown, printed.subList(0, shown.size()), r.out());
        assertTrue(printed.get(2).startsWith(args.get(2) + "  ACCEPTED     (now CANCELLING)       confirmed by event"
                                             + " evt_"), r.out());
        assertTrue(r.out().contains("Confirmed by workflow_run.cancelled: 2 of 2 "), r.out());
        assertTrue(!r.out().contains(webhook.signingSecret()), "the signing secret is never printed");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aUsageErrorExitsTwo() throws Exception {
        Run r = java(Map.of(), List.of("--port", "zero"));

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: --port needs a port from 1 to 65535, was 'zero'"), r.err());
    }

    @Test
    void helpExitsZero() throws Exception {
        Run r = java(Map.of(), List.of("--help"));

        assertEquals(0, r.exitCode(), r.err());
        assertEquals(CommandLine.USAGE, r.out());
    }
}
