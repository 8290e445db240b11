package dev.camelextend.property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event of the JVM while open: {@code dev.camelextend} at TRACE (so the per-attempt DEBUG lines and
 * the TRACE body lines are produced), everything else at the configured levels (Camel's error handler at ERROR, ...).
 * The console appender is detached meanwhile, so thousands of generated failures do not flood the build output. Nothing
 * is kept but counts: {@link #occurrences()} says how many events contained the needle.
 */
final class LogCapture implements AutoCloseable {

    private static final String COMPONENT_LOGGER = "dev.camelextend";

    private final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    private final Configuration config = ctx.getConfiguration();
    private final AbstractAppender appender;
    private final Map<String, Appender> detached;
    private final LoggerConfig componentLogger;
    private final boolean createdComponentLogger;
    private final Level previousLevel;
    private final String needle;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    /** @param needle the text that must never be logged (its occurrences are counted) */
    LogCapture(String needle) {
        this.needle = needle;
        appender = new AbstractAppender("property-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.incrementAndGet();
                StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append('\n').append(trace);
                }
                if (text.indexOf(LogCapture.this.needle) >= 0) {
                    hits.incrementAndGet();
                }
            }
        };
        appender.start();
        LoggerConfig root = config.getRootLogger();
        detached = Map.copyOf(root.getAppenders());
        detached.keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.ALL, null);

        LoggerConfig existing = config.getLoggerConfig(COMPONENT_LOGGER);
        if (COMPONENT_LOGGER.equals(existing.getName())) {
            componentLogger = existing;
            createdComponentLogger = false;
        } else {
            componentLogger = new LoggerConfig(COMPONENT_LOGGER, Level.INFO, true);
            config.addLogger(COMPONENT_LOGGER, componentLogger);
            createdComponentLogger = true;
        }
        previousLevel = componentLogger.getLevel();
        componentLogger.setLevel(Level.TRACE);
        ctx.updateLoggers();
    }

    /** How many captured events (message plus stack trace) contained the needle. */
    long occurrences() {
        return hits.get();
    }

    /** How many events were captured at all (to prove the capture saw something). */
    long events() {
        return events.get();
    }

    @Override
    public void close() {
        componentLogger.setLevel(previousLevel);
        if (createdComponentLogger) {
            config.removeLogger(COMPONENT_LOGGER);
        }
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(appender.getName());
        detached.values().forEach(a -> root.addAppender(a, null, null));
        ctx.updateLoggers();
        appender.stop();
    }
}
