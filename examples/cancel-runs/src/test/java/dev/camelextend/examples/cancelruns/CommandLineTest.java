package dev.camelextend.examples.cancelruns;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir
    Path dir;

    @Test
    void defaults() throws Exception {
        CommandLine cli = CommandLine.parse(new String[0], NO_STDIN);
        assertEquals(List.of(), cli.runIds());
        assertEquals(0, cli.duplicates());
        assertNull(cli.baseUrl());
        assertNull(cli.workspaceId());
        assertEquals(CommandLine.DEFAULT_CONCURRENCY, cli.concurrency());
        assertEquals(CommandLine.DEFAULT_DEMO_RUNS, cli.demoRuns());
        assertFalse(cli.alreadyCancelledIsSuccess());
        assertFalse(cli.help());
        assertNull(cli.batchId());
        assertEquals(0, cli.demoBatch());
        assertFalse(cli.waitForOutcome());
        assertNull(cli.waitTimeout(), "null: the component's waitTimeout (10 minutes)");
    }

    @Test
    void argumentsAndFilesKeepTheirOrderAndDuplicatesAreDropped() throws Exception {
        Path file = dir.resolve("runs.txt");
        Files.writeString(file, """
                # runs of the March batch
                workflow_run_b

                  workflow_run_c   # trailing comment
                workflow_run_a
                """);
        CommandLine cli = CommandLine.parse(new String[] { "workflow_run_a", "--file", file.toString(), "workflow_run_d" },
                NO_STDIN);
        assertEquals(List.of("workflow_run_a", "workflow_run_b", "workflow_run_c", "workflow_run_d"), cli.runIds());
        assertEquals(1, cli.duplicates());
    }

    @Test
    void fileDashReadsStandardInput() throws Exception {
        InputStream stdin = new ByteArrayInputStream("workflow_run_x\r\n#c\r\nworkflow_run_y\r\n"
                .getBytes(StandardCharsets.UTF_8));
        CommandLine cli = CommandLine.parse(new String[] { "--file=-" }, stdin);
        assertEquals(List.of("workflow_run_x", "workflow_run_y"), cli.runIds());
    }

    @Test
    void options() throws Exception {
        CommandLine cli = CommandLine.parse(new String[] { "--concurrency", "3", "--base-url=https://api.eu1.extend.ai",
                "--workspace-id", "ws_1", "--already-cancelled-is-success", "--demo-runs=0", "-h" }, NO_STDIN);
        assertEquals(3, cli.concurrency());
        assertEquals("https://api.eu1.extend.ai", cli.baseUrl());
        assertEquals("ws_1", cli.workspaceId());
        assertTrue(cli.alreadyCancelledIsSuccess());
        assertEquals(0, cli.demoRuns());
        assertTrue(cli.help());
    }

    @Test
    void batchAndWait() throws Exception {
        CommandLine cli = CommandLine.parse(new String[] { "--batch", "batch_7Ws31-F5", "--wait", "--wait-timeout=2m" },
                NO_STDIN);
        assertEquals("batch_7Ws31-F5", cli.batchId());
        assertTrue(cli.waitForOutcome());
        assertEquals(Duration.ofMinutes(2), cli.waitTimeout());
        assertEquals(List.of(), cli.runIds());

        CommandLine demo = CommandLine.parse(new String[] { "--demo-batch", "300", "--wait" }, NO_STDIN);
        assertEquals(300, demo.demoBatch());
        assertNull(demo.batchId());
        assertTrue(demo.waitForOutcome());
        assertNull(demo.waitTimeout());

        CommandLine runs = CommandLine.parse(new String[] { "workflow_run_a", "--wait" }, NO_STDIN);
        assertEquals(List.of("workflow_run_a"), runs.runIds());
        assertTrue(runs.waitForOutcome());
    }

    @Test
    void waitTimeoutTakesHoursMinutesSecondsAndMilliseconds() throws Exception {
        assertEquals(Duration.ofSeconds(30), waitTimeout("30s"));
        assertEquals(Duration.ofMinutes(5), waitTimeout("5m"));
        assertEquals(Duration.ofHours(1), waitTimeout("1h"));
        assertEquals(Duration.ofMinutes(90), waitTimeout("1h30m"));
        assertEquals(Duration.ofSeconds(150), waitTimeout("2m30s"));
        assertEquals(Duration.ofMillis(1500), waitTimeout("1500ms"));
        assertEquals(Duration.ofMillis(2500), waitTimeout("2s500ms"));
        assertEquals(Duration.ofHours(24), waitTimeout("24h"));
    }

    @Test
    void batchAndWaitMistakesAreUsageErrors() {
        assertUsage("--batch needs a batch ID, such as batch_7Ws31-F5", "--batch");
        assertUsage("--batch needs a batch ID, such as batch_7Ws31-F5", "--batch=");
        assertUsage("--batch needs a batch ID, such as batch_7Ws31-F5", "--batch", "  ");
        assertUsage("--batch needs a batch ID, such as batch_7Ws31-F5", "--batch", "--wait");
        assertUsage("--batch takes the ID of a batch, not of a run: workflow_run_a (name runs as arguments)",
                "--batch", "workflow_run_a");
        assertUsage("--batch given twice: cancel one batch at a time", "--batch", "batch_a", "--batch", "batch_b");
        assertUsage("--batch cancels every run of the batch: give --batch or run IDs, not both", "--batch", "batch_a",
                "workflow_run_a");
        assertUsage("--batch cancels every run of the batch: give --batch or run IDs, not both", "workflow_run_a",
                "--batch=batch_a");
        assertUsage("--demo-batch seeds a batch of its own: give --demo-batch or --batch, not both", "--demo-batch",
                "10", "--batch", "batch_a");
        assertUsage("--demo-batch cancels the batch it seeds: give --demo-batch or run IDs, not both",
                "--demo-batch=10", "workflow_run_a");
        assertUsage("--demo-batch must be between 1 and 100000, was 0", "--demo-batch", "0");
        assertUsage("--demo-batch needs a whole number, was 'lots'", "--demo-batch", "lots");
        assertUsage("--wait takes no value", "--wait=true");
        assertUsage("--wait-timeout is for --wait: add --wait", "--wait-timeout", "30s", "workflow_run_a");
        assertUsage("--wait-timeout needs a value", "--wait", "--wait-timeout");
        assertUsage("--wait-timeout needs a duration such as 30s, 5m, 1h30m or 1500ms, was 'soon'", "--wait",
                "--wait-timeout", "soon");
        assertUsage("--wait-timeout needs a duration such as 30s, 5m, 1h30m or 1500ms, was '30'", "--wait",
                "--wait-timeout", "30");
        assertUsage("--wait-timeout needs a duration such as 30s, 5m, 1h30m or 1500ms, was '-5s'", "--wait",
                "--wait-timeout=-5s");
        assertUsage("--wait-timeout must be between 1s and 24h, was 500ms", "--wait", "--wait-timeout", "500ms");
        assertUsage("--wait-timeout must be between 1s and 24h, was 25h", "--wait", "--wait-timeout", "25h");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertUsage("unknown option --force", "--force");
        assertUsage("--concurrency needs a value", "--concurrency");
        assertUsage("--concurrency needs a whole number, was 'many'", "--concurrency", "many");
        assertUsage("--concurrency must be between 1 and 200, was 0", "--concurrency=0");
        assertUsage("--concurrency must be between 1 and 200, was 500", "--concurrency=500");
        assertUsage("--already-cancelled-is-success takes no value", "--already-cancelled-is-success=false");
        assertUsage("cannot read --file " + dir.resolve("missing.txt") + ": no such file", "--file",
                dir.resolve("missing.txt").toString());
    }

    private static Duration waitTimeout(String text) throws UsageException {
        return CommandLine.parse(new String[] { "--wait", "--wait-timeout", text }, NO_STDIN).waitTimeout();
    }

    private static void assertUsage(String message, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args, NO_STDIN));
        assertEquals(message, e.getMessage());
    }
}
