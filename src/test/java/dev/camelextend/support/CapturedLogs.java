package dev.camelextend.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The one log capture of the tests: every log4j2 event of the JVM at or above a level while open, kept for assertions.
 * For tests that check what an operator sees (a warning that must appear, an ERROR that must not) and for the secret
 * leak checks (no part of the key in any line). {@link #of(Level)} sets up more: loggers raised to TRACE while open,
 * the console detached (so floods of TRACE or generated failures stay out of the build output), java.util.logging and
 * System.out/err captured too, lines formatted with a pattern, or only counts kept. Everything is restored on close.
 */
public final class CapturedLogs implements AutoCloseable {

    /** One event as it was logged; {@code line} is its formatted text, newline included. */
    public record Event(Level level, String logger, String message, Throwable thrown, String line) {
        /** The stack trace of what was thrown, every cause included ("" if nothing was). */
        public String stackTrace() {
            return CapturedLogs.stackTrace(thrown);
        }

        @Override
        public String toString() {
            return level + " " + logger + ": " + message + (thrown == null ? "" : " [" + thrown + "]");
        }
    }

    /** What to capture beyond the events at or above a level; {@link #start()} attaches the capture. */
    public static final class Setup {
        private final Level atLeast;
        private final Map<String, Level> levels = new LinkedHashMap<>();
        private boolean quietConsole;
        private boolean jdkAndStdStreams;
        private String pattern;
        private String needle;

        private Setup(Level atLeast) {
            this.atLeast = atLeast;
        }

        /** The logger {@code name} ("" for the root) at {@code level} while open. */
        public Setup level(String name, Level level) {
            levels.put(name, level);
            return this;
        }

        /** The console appenders are detached while open. */
        public Setup quietConsole() {
            quietConsole = true;
            return this;
        }

        /** java.util.logging (except the fake servers' own, which see the key by design) and System.out/err too. */
        public Setup jdkAndStdStreams() {
            jdkAndStdStreams = true;
            return this;
        }

        /** Each event's {@link Event#line() line} in this log4j2 pattern. */
        public Setup lines(String layoutPattern) {
            pattern = layoutPattern;
            return this;
        }

        /** Keep no events, only counts: {@link #occurrences()} of {@code text} in logger, message and stack trace. */
        public Setup countOnly(String text) {
            needle = text;
            return this;
        }

        public CapturedLogs start() {
            return new CapturedLogs(this);
        }
    }

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    private final Configuration config = ctx.getConfiguration();
    private final AbstractAppender appender;
    private final Map<String, Appender> detached;
    private final Map<LoggerConfig, Level> previousLevels = new LinkedHashMap<>();
    private final List<String> createdLoggers = new ArrayList<>();
    private final String needle;
    private final JdkAndStdStreams jdk;

    /** Events at or above {@code atLeast}; the console keeps printing them. */
    public CapturedLogs(Level atLeast) {
        this(new Setup(atLeast));
    }

    public static Setup of(Level atLeast) {
        return new Setup(atLeast);
    }

    private CapturedLogs(Setup setup) {
        needle = setup.needle;
        PatternLayout layout = setup.pattern == null ? null
                : PatternLayout.newBuilder().withConfiguration(config).withPattern(setup.pattern).build();
        appender = new AbstractAppender("captured-" + System.identityHashCode(this), null, layout, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                if (e.getLevel().isMoreSpecificThan(setup.atLeast)) {
                    String message = e.getMessage().getFormattedMessage();
                    String line = layout != null ? layout.toSerializable(e)
                            : e.getLevel() + " " + e.getLoggerName() + ": " + message + "\n";
                    add(new Event(e.getLevel(), e.getLoggerName(), message, e.getThrown(), line));
                }
            }
        };
        appender.start();
        LoggerConfig root = config.getRootLogger();
        detached = setup.quietConsole ? Map.copyOf(root.getAppenders()) : Map.of();
        detached.keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.ALL, null);
        setup.levels.forEach(this::raise);
        ctx.updateLoggers();
        jdk = setup.jdkAndStdStreams ? new JdkAndStdStreams() : null;
    }

    private void raise(String name, Level level) {
        LoggerConfig existing = name.isEmpty() ? config.getRootLogger() : config.getLoggerConfig(name);
        if (existing.getName().equals(name)) {
            previousLevels.putIfAbsent(existing, existing.getLevel());
            existing.setLevel(level);
        } else {
            config.addLogger(name, new LoggerConfig(name, level, true));
            createdLoggers.add(name);
        }
    }

    private void add(Event e) {
        seen.incrementAndGet();
        if (needle == null) {
            events.add(e);
        } else if ((e.logger() + ' ' + e.message() + '\n' + e.stackTrace()).contains(needle)) {
            hits.incrementAndGet();
        }
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events whose message contains {@code text}. */
    public List<Event> containing(String text) {
        return events().stream().filter(e -> e.message().contains(text)).collect(Collectors.toList());
    }

    /** The events at exactly {@code level}. */
    public List<Event> at(Level level) {
        return events().stream().filter(e -> e.level() == level).collect(Collectors.toList());
    }

    /** The lines of all events, in order. */
    public String text() {
        return text(e -> true);
    }

    /** The lines of the events that match, in order. */
    public String text(Predicate<Event> which) {
        StringBuilder sb = new StringBuilder();
        events().stream().filter(which).forEach(e -> sb.append(e.line()));
        return sb.toString();
    }

    /** How many events were captured at all (to prove the capture saw something). */
    public long count() {
        return seen.get();
    }

    /** With {@link Setup#countOnly}: how many events contained the text. */
    public long occurrences() {
        return hits.get();
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Override
    public void close() {
        if (jdk != null) {
            jdk.close();
        }
        previousLevels.forEach(LoggerConfig::setLevel);
        createdLoggers.forEach(config::removeLogger);
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(appender.getName());
        detached.values().forEach(a -> root.addAppender(a, null, null));
        ctx.updateLoggers();
        appender.stop();
    }

    /** java.util.logging at ALL and System.out/err (still printed), as events of this capture. */
    private final class JdkAndStdStreams {
        private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
        private final java.util.logging.Logger jdkSecurityEvents = java.util.logging.Logger.getLogger("jdk.event.security");
        private final java.util.logging.Level julRootLevel = julRoot.getLevel();
        private final java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                // the fake server is the receiving side: it legitimately sees the key in its requests
                if (r.getLoggerName() != null && r.getLoggerName().startsWith("com.sun.net.httpserver")) {
                    return;
                }
                String message = new java.util.logging.SimpleFormatter().formatMessage(r);
                add(new Event(level(r.getLevel()), r.getLoggerName(), message, r.getThrown(),
                        r.getLevel() + " " + r.getLoggerName() + " - " + message + "\n" + stackTrace(r.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;

        JdkAndStdStreams() {
            handler.setLevel(java.util.logging.Level.ALL);
            julRoot.addHandler(handler);
            julRoot.setLevel(java.util.logging.Level.ALL);
            // the JDK's own security event logger prints every trusted CA certificate (seconds of work when the
            // default trust store is loaded) and never sees request data: keep it quiet to save test time
            jdkSecurityEvents.setLevel(java.util.logging.Level.INFO);
            System.setOut(new PrintStream(new Tee(originalOut, "System.out"), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(originalErr, "System.err"), true, StandardCharsets.UTF_8));
        }

        private static Level level(java.util.logging.Level jul) {
            int v = jul.intValue();
            return v >= 1000 ? Level.ERROR : v >= 900 ? Level.WARN : v >= 800 ? Level.INFO : v >= 500 ? Level.DEBUG
                    : Level.TRACE;
        }

        void close() {
            System.setOut(originalOut);
            System.setErr(originalErr);
            julRoot.removeHandler(handler);
            julRoot.setLevel(julRootLevel);
            jdkSecurityEvents.setLevel(null);
        }
    }

    /** Writes through to the original stream and into the capture. */
    private final class Tee extends OutputStream {
        private final PrintStream target;
        private final String name;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(PrintStream target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            target.write(b, off, len);
            line.write(b, off, len);
            flushLine();
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            add(new Event(Level.INFO, name, text, null, text));
        }
    }
}
