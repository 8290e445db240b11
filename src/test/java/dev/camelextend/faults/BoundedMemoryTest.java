package dev.camelextend.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.ExtendComponent;
import dev.camelextend.client.RateLimiters;
import dev.camelextend.client.RequestCategory;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.support.ExtendTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@value #N} exchanges queued at once behind the endpoint's client-side rate limit (held back by a pause, as a 429
 * with Retry-After would): they wait without a thread each and with a small, bounded amount of heap each, then all
 * complete, and the heap goes back to where it was.
 */
class BoundedMemoryTest {

    static final int N = 10_000;
    /** Requests per second the endpoint lets out once the pause is over. */
    static final int RATE = 5_000;
    /** How long the account's limiter holds every request back: longer than queueing and measuring take. */
    static final Duration PAUSE = Duration.ofSeconds(3);
    /** Generous: a queued exchange is a Camel exchange plus a few futures and a scheduled task, not a body. */
    static final long MAX_BYTES_PER_QUEUED_EXCHANGE = 20 * 1024;
    /** What may stay behind per exchange once all completed (in total 20 MB: JIT, pools, caches - not exchanges). */
    static final long MAX_BYTES_LEFT_PER_EXCHANGE = 2 * 1024;
    static final int MAX_EXTRA_THREADS = 30;

    final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void tenThousandQueuedExchangesKeepHeapAndThreadsBounded() throws Exception {
        try (ExtendSimulator sim = ExtendSimulator.builder().journalCapacity(0).seed(3).build().start()) {
            String runId = sim.seedRun("PROCESSING");
            CamelContext context = new DefaultCamelContext();
            try {
                ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
                extend.getConfiguration().setApiKey(sim.apiKey());
                extend.getConfiguration().setBaseUrl(sim.baseUrl());
                ExtendTestKit.route(context, "direct:get", "extend:getRun?rateLimit=" + RATE + "&requestTimeout=120000");
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                template.setThreadedAsyncMode(false); // no template threads: the exchanges queue in the component

                // warm up: classes, JIT, the connection pool, the simulator's threads
                Counter warmUp = send(template, runId, 200);
                assertTrue(warmUp.await(200, 30_000), "warm-up completed");
                assertEquals(0, warmUp.failed.get());

                long heapBefore = usedHeapAfterGc();
                int threadsBefore = threads.getThreadCount();
                threads.resetPeakThreadCount();

                // the limiter the endpoint shares with every endpoint of this account: hold everything back for now
                RateLimiters.forAccount(sim.apiKey(), sim.baseUrl(), RequestCategory.READ, RATE).pauseFor(PAUSE);
                long t0 = System.nanoTime();
                Counter counter = send(template, runId, N);
                long submitMillis = (System.nanoTime() - t0) / 1_000_000;
                int queuedBefore = N - counter.done.get();
                long heapQueued = usedHeapAfterGc();
                int queuedAfter = N - counter.done.get();
                int threadsQueued = threads.getThreadCount();

                assertTrue(counter.await(N, 120_000), () -> "only " + counter.done.get() + " of " + N + " completed");
                long totalMillis = (System.nanoTime() - t0) / 1_000_000;
                int peakThreads = threads.getPeakThreadCount();
                long heapAfter = usedHeapAfterGc();

                // the exchanges still queued at the heap reading: use the smaller count, which errs on the high side
                int queued = Math.min(queuedBefore, queuedAfter);
                long perQueued = (heapQueued - heapBefore) / Math.max(1, queued);
                long perLeft = (heapAfter - heapBefore) / N;
                System.out.printf("BoundedMemoryTest: %d exchanges submitted in %d ms, all done in %d ms; heap before"
                                  + " %d KB, with %d..%d queued %d KB (%d bytes per queued exchange), after %d KB (%d"
                                  + " bytes per exchange left); threads before %d, while queued %d, peak %d%n",
                        N, submitMillis, totalMillis, heapBefore / 1024, queuedAfter, queuedBefore, heapQueued / 1024,
                        perQueued, heapAfter / 1024, perLeft, threadsBefore, threadsQueued, peakThreads);

                assertEquals(0, counter.failed.get(), "every queued exchange got its run");
                assertTrue(queued >= N / 2, () -> "the heap was measured while most exchanges were queued: " + queued);
                assertTrue(perQueued < MAX_BYTES_PER_QUEUED_EXCHANGE,
                        () -> perQueued + " bytes of heap per queued exchange");
                assertTrue(perLeft < MAX_BYTES_LEFT_PER_EXCHANGE,
                        () -> perLeft + " bytes of heap per exchange left after all completed");
                assertTrue(peakThreads - threadsBefore <= MAX_EXTRA_THREADS,
                        () -> "no thread per exchange: " + threadsBefore + " threads before, peak " + peakThreads);
            } finally {
                context.stop();
            }
        }
    }

    /** Sends {@code n} getRun exchanges at once, counting their completions; keeps no reference to them. */
    static Counter send(ProducerTemplate template, String runId, int n) {
        Counter counter = new Counter();
        for (int i = 0; i < n; i++) {
            Exchange exchange = new DefaultExchange(template.getCamelContext());
            exchange.getIn().setBody(runId);
            exchange.getExchangeExtension().addOnCompletion(counter);
            template.asyncSend("direct:get", exchange);
        }
        return counter;
    }

    static final class Counter implements Synchronization {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void onComplete(Exchange exchange) {
            if (!(exchange.getMessage().getBody() instanceof WorkflowRun)) {
                failed.incrementAndGet();
            }
            done.incrementAndGet();
        }

        @Override
        public void onFailure(Exchange exchange) {
            failed.incrementAndGet();
            done.incrementAndGet();
        }

        boolean await(int expected, long timeoutMillis) throws InterruptedException {
            return ExtendTestKit.waitUntil(() -> done.get() >= expected, Duration.ofMillis(timeoutMillis));
        }
    }

    long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
