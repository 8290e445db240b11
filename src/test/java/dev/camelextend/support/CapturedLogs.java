package dev.camelextend.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log event of the JVM at or above a level while open, kept for assertions (the console keeps printing them).
 * For tests that check what an operator sees: a warning that must appear, an ERROR that must not.
 */
public final class CapturedLogs implements AutoCloseable {

    /** One event as it was logged. */
    public record Event(Level level, String logger, String message, Throwable thrown) {
        @Override
        public String toString() {
            return level + " " + logger + ": " + message + (thrown == null ? "" : " [" + thrown + "]");
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final String name = "captured-" + System.identityHashCode(this);

    public CapturedLogs(Level atLeast) {
        appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                if (e.getLevel().isMoreSpecificThan(atLeast)) {
                    events.add(new Event(e.getLevel(), e.getLoggerName(), e.getMessage().getFormattedMessage(),
                            e.getThrown()));
                }
            }
        };
        appender.start();
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        ctx.updateLoggers();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events whose message contains {@code text}. */
    public List<Event> containing(String text) {
        return events.stream().filter(e -> e.message().contains(text)).collect(Collectors.toList());
    }

    /** The events at exactly {@code level}. */
    public List<Event> at(Level level) {
        return events.stream().filter(e -> e.level() == level).collect(Collectors.toList());
    }

    @Override
    public void close() {
        ctx.getConfiguration().getRootLogger().removeAppender(name);
        ctx.updateLoggers();
        appender.stop();
    }
}
