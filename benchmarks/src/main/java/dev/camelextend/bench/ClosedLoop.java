package dev.camelextend.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.camelextend.model.WorkflowRun;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: {@code concurrency} chains, each keeping exactly one cancel in flight - when one completes, the
 * completing thread starts the next. No driver thread waits per request, so the driver itself adds no threads.
 */
final class ClosedLoop {

    private static final String[] IDS = new String[4096];

    static {
        for (int i = 0; i < IDS.length; i++) {
            IDS[i] = String.format("workflow_run_bench%05d_xKm9pNv3qWsY", i);
        }
    }

    private final CancelClient client;
    private final int concurrency;
    private final Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong sequence = new AtomicLong();
    private final CountDownLatch drained;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile boolean running = true;
    private volatile boolean measuring;
    private volatile Throwable firstError;
    private long measureStart;

    ClosedLoop(CancelClient client, int concurrency) {
        this.client = client;
        this.concurrency = concurrency;
        this.drained = new CountDownLatch(concurrency);
    }

    void start() {
        for (int i = 0; i < concurrency; i++) {
            next();
        }
    }

    private void next() {
        if (!running) {
            drained.countDown();
            return;
        }
        int[] d = depth.get();
        if (d[0] > 32) {
            // a client that completes on the caller's thread again and again must not grow the stack without end
            CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS).execute(this::next);
            return;
        }
        d[0]++;
        try {
            long started = System.nanoTime();
            CompletableFuture<WorkflowRun> call;
            try {
                call = client.cancel(IDS[(int) (sequence.getAndIncrement() & (IDS.length - 1))]);
            } catch (Throwable e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((run, error) -> {
                long took = System.nanoTime() - started;
                if (measuring) {
                    if (error == null && run != null) {
                        completed.increment();
                        latency.recordValue(took);
                    } else {
                        failed.increment();
                        if (firstError == null) {
                            firstError = error != null ? error : new IllegalStateException("no run");
                        }
                    }
                }
                next();
            });
        } finally {
            d[0]--;
        }
    }

    void beginMeasure() {
        latency.reset();
        completed.reset();
        failed.reset();
        measureStart = System.nanoTime();
        measuring = true;
    }

    /** Ends the measured interval; returns its numbers. */
    Window endMeasure() {
        measuring = false;
        long elapsed = System.nanoTime() - measureStart;
        return new Window(elapsed, completed.sum(), failed.sum(), latency.getIntervalHistogram(), firstError);
    }

    /** Stops issuing requests and waits for every chain to end. */
    boolean stop(long timeoutMillis) throws InterruptedException {
        running = false;
        return drained.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    record Window(long elapsedNanos, long completed, long failed, Histogram latency, Throwable firstError) {
        double throughput() {
            return completed / (elapsedNanos / 1e9);
        }
    }
}
