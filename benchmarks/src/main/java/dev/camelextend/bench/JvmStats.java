package dev.camelextend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads, CPU time and allocated bytes of this JVM, read through the platform MXBeans. */
final class JvmStats {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean SUN_THREADS =
            THREADS instanceof com.sun.management.ThreadMXBean s ? s : null;
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o ? o
                    : null;

    static {
        if (SUN_THREADS != null && SUN_THREADS.isThreadAllocatedMemorySupported()) {
            SUN_THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    private JvmStats() {
    }

    static long startedThreads() {
        return THREADS.getTotalStartedThreadCount();
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    static long processCpuNanos() {
        return OS == null ? -1 : OS.getProcessCpuTime();
    }

    /** Bytes allocated so far by the threads alive now (threads that ended are not counted). */
    static long allocatedBytes() {
        if (SUN_THREADS == null) {
            return -1;
        }
        long[] bytes = SUN_THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds());
        return Arrays.stream(bytes).filter(b -> b > 0).sum();
    }

    static Set<Long> liveThreadIds() {
        Set<Long> ids = new HashSet<>();
        for (long id : THREADS.getAllThreadIds()) {
            ids.add(id);
        }
        return ids;
    }

    /**
     * Names of the live threads not in {@code before}, grouped by name with digits folded to '#', with counts - e.g.
     * {@code camel-extend-io-# x2}.
     */
    static String newThreadNames(Set<Long> before) {
        Map<String, AtomicInteger> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t.getId())) {
                groups.computeIfAbsent(t.getName().replaceAll("\\d+", "#"), k -> new AtomicInteger()).incrementAndGet();
            }
        }
        StringBuilder sb = new StringBuilder();
        groups.forEach((name, n) -> sb.append(sb.length() == 0 ? "" : "; ").append(name).append(" x").append(n));
        return sb.toString();
    }

    /**
     * Heap in use right after a full collection: {@code System.gc()} twice (the second also collects what the first
     * left for finalization and reference processing), then the heap's used bytes.
     */
    static long heapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
