package dev.camelextend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches the threads the component creates - HttpClient's I/O threads ({@code camel-extend-io-N}) and its
 * idle-connection evictor, the scheduler ({@code ExtendRetryScheduler}) and the worker threads that continue routes
 * ({@code ExtendWorker-N}) - by sampling the JVM's threads by name every {@link #PERIOD_MS} ms on a thread of its own,
 * between {@link #start()} and {@link #stop()}. It keeps the peak of those alive at once and every one seen (and which
 * were alive already at the start), so that a
 * thread that lived between two samples is missed only if it lived less than a period; {@link #startedThreads()}
 * (every thread the JVM started meanwhile, the sampler excluded) catches those.
 */
final class ComponentThreads implements AutoCloseable {

    static final long PERIOD_MS = 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread sampler;
    private final long startedBefore;
    private volatile boolean running = true;
    /* Guarded by this. */
    private final Map<Long, String> seen = new HashMap<>();
    /** The component threads alive at the first sample. */
    private final Map<Long, String> atStart = new HashMap<>();
    private boolean first = true;
    private int peak;
    private long startedAfter = -1;

    private ComponentThreads() {
        startedBefore = JvmStats.startedThreads();
        sampler = new Thread(this::loop, "bench-thread-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling now (one sample at once, on the caller's thread). */
    static ComponentThreads start() {
        ComponentThreads t = new ComponentThreads();
        t.sample();
        t.sampler.start();
        return t;
    }

    /** Whether a thread of this name is one the component created. */
    static boolean isComponentThread(String name) {
        return name.startsWith("camel-extend-io-") || name.contains("ExtendRetryScheduler")
               || name.contains("ExtendWorker") || name.startsWith("idle-connection-evictor");
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        int live = 0;
        Map<Long, String> now = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (info != null && isComponentThread(info.getThreadName())) {
                live++;
                now.put(info.getThreadId(), info.getThreadName());
            }
        }
        synchronized (this) {
            if (first) {
                atStart.putAll(now);
                first = false;
            }
            peak = Math.max(peak, live);
            seen.putAll(now);
        }
    }

    /** Stops sampling (after one last sample); idempotent. */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        synchronized (this) {
            startedAfter = JvmStats.startedThreads();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The most component threads alive at one sample. */
    synchronized int peak() {
        return peak;
    }

    /** How many distinct component threads were seen alive. */
    synchronized int distinct() {
        return seen.size();
    }

    /** How many component threads were seen that were not alive at the start (those it created meanwhile). */
    synchronized int created() {
        return (int) seen.keySet().stream().filter(id -> !atStart.containsKey(id)).count();
    }

    /** Every thread the JVM started between {@link #start()} and {@link #stop()}, the sampler itself excluded. */
    synchronized long startedThreads() {
        long end = startedAfter >= 0 ? startedAfter : JvmStats.startedThreads();
        return end - startedBefore - 1;
    }

    /** The component threads seen, digits folded to '#', with counts: {@code camel-extend-io-# x2; ...}. */
    synchronized String names() {
        Map<String, Integer> groups = new TreeMap<>();
        for (String name : seen.values()) {
            groups.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        groups.forEach((name, n) -> sb.append(sb.length() == 0 ? "" : "; ").append(name).append(" x").append(n));
        return sb.toString();
    }

    /** A snapshot of the figures, for the results. */
    Counts counts() {
        return new Counts(peak(), distinct(), created(), startedThreads(), names());
    }

    /**
     * What a {@link ComponentThreads} saw: the most component threads alive at once, how many distinct ones, how many
     * of those were not alive at the start, every thread the JVM started meanwhile, and the names.
     */
    public record Counts(int peakLive, int distinct, int created, long jvmThreadsStarted, String names) {
    }
}
