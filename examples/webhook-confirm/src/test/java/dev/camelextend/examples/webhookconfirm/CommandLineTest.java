// Owns: the tests of the command line's options, defaults and errors.
package dev.camelextend.examples.webhookconfirm;

import java.time.Duration;
import java.util.List;

import dev.camelextend.examples.webhookconfirm.CommandLine.UsageException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void defaults() throws Exception {
        CommandLine cli = CommandLine.parse();

        assertEquals(List.of(), cli.runIds());
        assertEquals(0, cli.port(), "chosen by the mode");
        assertEquals("127.0.0.1", cli.host());
        assertEquals("/extend/webhook", cli.path());
        assertEquals(Duration.ofSeconds(60), cli.confirmTimeout());
        assertNull(cli.baseUrl());
        assertFalse(cli.help());
    }

    @Test
    void optionsTakeASpaceOrAnEqualsSign() throws Exception {
        CommandLine cli = CommandLine.parse("--port", "9090", "--host=0.0.0.0", "--path", "/hooks/extend",
                "--confirm-timeout=1500ms", "--base-url", "https://api.eu1.extend.ai", "workflow_run_a",
                "workflow_run_b", "workflow_run_a");

        assertEquals(9090, cli.port());
        assertEquals("0.0.0.0", cli.host());
        assertEquals("/hooks/extend", cli.path());
        assertEquals(Duration.ofMillis(1500), cli.confirmTimeout());
        assertEquals("https://api.eu1.extend.ai", cli.baseUrl());
        assertEquals(List.of("workflow_run_a", "workflow_run_b"), cli.runIds());
        assertEquals(1, cli.duplicates());
    }

    @Test
    void subscribeTakesCommaSeparatedWorkflowsAndNoneIsAnError() throws Exception {
        assertEquals(java.util.List.of(), CommandLine.parse().subscribe());
        assertEquals(java.util.List.of("workflow_a", "workflow_b"),
                CommandLine.parse("--subscribe", " workflow_a, ,workflow_b ").subscribe());
        UsageException none = assertThrows(UsageException.class, () -> CommandLine.parse("--subscribe=,"));
        assertTrue(none.getMessage().contains("workflow IDs"), none.getMessage());
    }

    @Test
    void durations() throws Exception {
        assertEquals(Duration.ofMinutes(2).plusSeconds(30), CommandLine.duration("--confirm-timeout", "2m30s"));
        assertEquals(Duration.ofHours(1), CommandLine.duration("--confirm-timeout", "1h"));
        assertEquals("60s", CommandLine.text(Duration.ofSeconds(60)));
        assertEquals("1500ms", CommandLine.text(Duration.ofMillis(1500)));
    }

    @Test
    void mistakesAreOneLineUsageErrors() {
        assertMessage("--port needs a port from 1 to 65535, was '0'", "--port", "0");
        assertMessage("--port needs a port from 1 to 65535, was 'http'", "--port", "http");
        assertMessage("--port needs a value", "--port");
        assertMessage("--path needs a path such as /extend/webhook (letters, digits, . _ ~ -), was 'hooks'",
                "--path", "hooks");
        assertMessage("--confirm-timeout needs a duration such as 30s, 2m or 1500ms, was 'soon'",
                "--confirm-timeout", "soon");
        assertMessage("--confirm-timeout must be between 100ms and 3600s, was 2h", "--confirm-timeout", "2h");
        assertMessage("unknown option --wait", "--wait");
    }

    @Test
    void helpIsAnOption() throws Exception {
        assertTrue(CommandLine.parse("--help").help());
        assertTrue(CommandLine.USAGE.contains("EXTEND_WEBHOOK_SECRET"));
    }

    private static void assertMessage(String message, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args));
        assertEquals(message, e.getMessage());
    }
}
