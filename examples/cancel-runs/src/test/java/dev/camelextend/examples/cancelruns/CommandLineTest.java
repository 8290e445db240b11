package dev.camelextend.examples.cancelruns;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static void assertUsage(String message, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args, NO_STDIN));
        assertEquals(message, e.getMessage());
    }
}
