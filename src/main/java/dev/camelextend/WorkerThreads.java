package dev.camelextend;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The component's own threads for the rest of a route after an Extend call. Route code never runs on an HttpClient I/O
 * thread (a blocking step there - a {@code ProducerTemplate}, {@code synchronous=true}, JDBC - would stop the very
 * thread that must send the next request) nor on the scheduler thread or {@code ForkJoinPool.commonPool()} (one slow
 * error handler would hold back every other exchange behind it).
 * <p>
 * The pool grows to {@code maxThreads} before it queues, so that exchanges blocked in route code do not keep the
 * others waiting, and shrinks when idle. Beyond {@code maxThreads} tasks wait in the queue, which holds at most one
 * task per exchange in flight. It never rejects: once shut down (the component is stopping), a task runs on the thread
 * that hands it over, so every exchange still completes.
 */
final class WorkerThreads {

    private static final long IDLE_SECONDS = 60;

    private final ThreadPoolExecutor pool;

    WorkerThreads(int maxThreads, ThreadFactory threads) {
        GrowFirstQueue queue = new GrowFirstQueue();
        pool = new ThreadPoolExecutor(0, maxThreads, IDLE_SECONDS, TimeUnit.SECONDS, queue, threads,
                (task, executor) -> {
                    if (executor.isShutdown()) {
                        task.run();
                    } else {
                        queue.enqueue(task); // every thread is busy: wait for one
                    }
                });
    }

    void execute(Runnable task) {
        pool.execute(task);
    }

    /** Stops taking new threads; tasks queued still run. Waits at most {@code millis} for them. */
    void shutdown(long millis) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    int largestPoolSize() {
        return pool.getLargestPoolSize();
    }

    /**
     * Accepts a task only when an idle thread takes it at once, so that {@link ThreadPoolExecutor} starts a new thread
     * (up to its maximum) instead of queueing; the rejection handler then queues for real.
     */
    private static final class GrowFirstQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
