package dev.camelextend.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, for a machine whose cores are shared: a benchmark thread that waits for a core loses wall
 * time, not CPU time. {@code -prof dev.camelextend.bench.CpuProfiler} adds {@code cpu.worker.norm}, the CPU time of
 * JMH's benchmark threads per operation (the work itself, no JIT compiler, no GC threads), and {@code cpu.process.norm},
 * the whole JVM's per operation (GC and compiler threads too), both in µs/op.
 */
public final class CpuProfiler implements InternalProfiler {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> workersBefore = new HashMap<>();
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation: JMH's benchmark threads (cpu.worker.norm) and the whole JVM (cpu.process.norm)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersBefore.clear();
        workersBefore.putAll(workerCpu());
        processBefore = JvmStats.processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long process = JvmStats.processCpuNanos() - processBefore;
        long workers = 0;
        for (Map.Entry<Long, Long> worker : workerCpu().entrySet()) {
            workers += worker.getValue() - workersBefore.getOrDefault(worker.getKey(), 0L);
        }
        double ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(
                new ScalarResult("cpu.worker.norm", workers / ops / 1000.0, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", process / ops / 1000.0, "us/op", AggregationPolicy.AVG));
    }

    /** CPU nanoseconds of each live JMH benchmark thread, by thread ID. */
    private static Map<Long, Long> workerCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
