package dev.camelextend.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.model.WorkflowRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one cancel - time and, with {@code -prof gc}, bytes allocated per call ({@code gc.alloc.rate.norm}) - for
 * (a) the component, (b) the camel-http route and (c) plain HttpClient 5 + Jackson. The stub runs in a process of its
 * own, so the allocation counted here (all threads of the benchmark JVM, HttpClient's I/O threads included) is the
 * client's alone. {@code cancel1}: one caller; {@code cancel16}: 16 callers, each waiting for its answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djava.awt.headless=true" })
public class CancelBenchmark {

    @Param({ "a", "b", "c" })
    public String client;

    private StubProcess stub;
    private CancelClient cancel;
    private final AtomicInteger sequence = new AtomicInteger();
    private final String[] ids = new String[1024];

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format("workflow_run_jmh%05d_xKm9pNv3qWsY", i);
        }
        stub = StubProcess.start(StubServer.Engine.HTTPCORE, 0);
        cancel = CancelClient.create(client, stub.baseUrl(), 16);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cancel.close();
        stub.close();
    }

    private WorkflowRun once() throws Exception {
        WorkflowRun run = cancel.cancel(ids[sequence.getAndIncrement() & (ids.length - 1)]).get(30, TimeUnit.SECONDS);
        if (run == null || run.getId() == null) {
            throw new IllegalStateException("no run");
        }
        return run;
    }

    @Benchmark
    @Threads(1)
    public WorkflowRun cancel1() throws Exception {
        return once();
    }

    @Benchmark
    @Threads(16)
    public WorkflowRun cancel16() throws Exception {
        return once();
    }
}
