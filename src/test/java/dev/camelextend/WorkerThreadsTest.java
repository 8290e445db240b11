package dev.camelextend;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker pool grows to its maximum before it queues (so tasks blocked in route code do not hold back the
 * others), queues beyond it without rejecting, and after shutdown runs a task on the thread that hands it over, so an
 * exchange still completes while the component stops.
 */
class WorkerThreadsTest {

    private static WorkerThreads pool(int max) {
        AtomicInteger n = new AtomicInteger();
        return new WorkerThreads(max, r -> {
            Thread t = new Thread(r, "test-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void blockedTasksGetAThreadEachUpToTheMaximumThenTheRestWait() throws Exception {
        WorkerThreads workers = pool(3);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch threeRunning = new CountDownLatch(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger ran = new AtomicInteger();
        Runnable blocking = () -> {
            threads.add(Thread.currentThread().getName());
            threeRunning.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.incrementAndGet();
        };
        for (int i = 0; i < 5; i++) {
            workers.execute(blocking); // never rejected, even beyond the maximum
        }

        assertTrue(threeRunning.await(10, TimeUnit.SECONDS), "three tasks run at once, on three threads");
        assertEquals(3, threads.size(), threads::toString);
        assertEquals(0, ran.get());

        release.countDown();
        workers.shutdown(10_000);
        assertEquals(5, ran.get(), "the two queued tasks ran once threads were free");
        assertEquals(3, workers.largestPoolSize(), "never more than the maximum");
    }

    @Test
    void afterShutdownATaskRunsOnTheThreadThatHandsItOver() throws Exception {
        WorkerThreads workers = pool(2);
        workers.shutdown(1_000);
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        workers.execute(() -> ranOn.set(Thread.currentThread()));

        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void anIdleThreadIsReusedInsteadOfANewOne() throws Exception {
        WorkerThreads workers = pool(10);
        for (int i = 0; i < 20; i++) {
            CountDownLatch done = new CountDownLatch(1);
            workers.execute(done::countDown);
            assertTrue(done.await(5, TimeUnit.SECONDS));
            Thread.sleep(5); // the worker is back waiting for the next task
        }
        workers.shutdown(1_000);
        assertFalse(workers.largestPoolSize() > 2, "one at a time needs one thread, was " + workers.largestPoolSize());
    }
}
