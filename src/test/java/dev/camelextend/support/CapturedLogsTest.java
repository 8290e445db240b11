package dev.camelextend.support;

import java.util.List;
import java.util.Set;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the guard: what the leak checks rely on - the capture sees a needle, and leaves the logging as it was. */
class CapturedLogsTest {

    static final Logger LOG = LogManager.getLogger("dev.camelextend.probe.CapturedLogsTest");

    @Test
    void countOnlyFindsTheTextInMessagesAndStackTracesAndKeepsNoEvents() {
        try (CapturedLogs logs = CapturedLogs.of(Level.ALL).level("dev.camelextend", Level.TRACE).quietConsole()
                .countOnly("needle-1").start()) {
            LOG.trace("plain");
            LOG.trace("has needle-1 in it");
            LOG.error("failed", new IllegalStateException("outer", new RuntimeException("a cause with needle-1")));

            assertEquals(3, logs.count());
            assertEquals(2, logs.occurrences());
            assertEquals(List.of(), logs.events());
        }
    }

    @Test
    void eventsKeepTheirStackTraceAndLine() {
        try (CapturedLogs logs = CapturedLogs.of(Level.ALL).level("dev.camelextend", Level.TRACE).start()) {
            LOG.debug("x {}", 1, new IllegalStateException("outer", new RuntimeException("inner")));

            List<CapturedLogs.Event> events = logs.containing("x 1");
            assertEquals(1, events.size(), () -> "events: " + logs.events());
            assertTrue(events.get(0).stackTrace().contains("Caused by: java.lang.RuntimeException: inner"));
            assertEquals("DEBUG dev.camelextend.probe.CapturedLogsTest: x 1\n", events.get(0).line());
            assertTrue(logs.text().contains("x 1\n"));
        }
    }

    @Test
    void levelsAndConsoleAreAsBeforeOnceClosed() {
        Configuration config = ((LoggerContext) LogManager.getContext(false)).getConfiguration();
        Level before = config.getLoggerConfig("dev.camelextend").getLevel();
        Set<String> console = Set.copyOf(config.getRootLogger().getAppenders().keySet());
        try (CapturedLogs logs = CapturedLogs.of(Level.ALL).level("dev.camelextend", Level.TRACE)
                .level("org.apache.hc.probe", Level.DEBUG).quietConsole().start()) {
            assertTrue(LOG.isTraceEnabled());
            assertEquals("org.apache.hc.probe", config.getLoggerConfig("org.apache.hc.probe").getName());
            assertFalse(config.getRootLogger().getAppenders().keySet().stream().anyMatch(console::contains),
                    "the console is detached");
        }
        assertEquals(before, config.getLoggerConfig("dev.camelextend").getLevel());
        assertEquals(before.intLevel() >= Level.TRACE.intLevel(), LOG.isTraceEnabled());
        assertNotEquals("org.apache.hc.probe", config.getLoggerConfig("org.apache.hc.probe").getName(), "removed");
        assertEquals(console, config.getRootLogger().getAppenders().keySet());
    }
}
