package dev.camelextend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.camelextend.support.ExtendTestKit.waitUntil;
import static dev.camelextend.support.ExtendTestKit.RUN;
import static dev.camelextend.support.ExtendTestKit.route;
import static dev.camelextend.support.ExtendTestKit.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many exchanges in flight at once need no thread each (design.md section 2, "Async"), and the component's threads end
 * when the context stops.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
class ConcurrencyTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyTest.class);
    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_concurrency_key";
    static final int EXCHANGES = 200;
    static final long ANSWER_DELAY_MS = 200;

    /** Component threads that were alive before this test added its routes (for example still ending from another test). */
    private Set<Thread> before;

    @BeforeEach
    void resetFake() {
        // every answer is the run named in the path, 200 ms late; the fake's delay holds none of its threads
        FAKE.otherwise(r -> {
            String id = r.rawPath().substring(r.rawPath().lastIndexOf('/') + 1);
            return Reply.json(200, run("PROCESSING").replace(RUN, id)).delayed(ANSWER_DELAY_MS);
        });
        before = componentThreads();
    }

    private String endpoint(String options) throws Exception {
        return route(context, "extend:getRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY
                              + "&retryInitialDelay=10&retryMaxDelay=20&" + options);
    }

    private static boolean isComponentThread(Thread t) {
        return t.getName().startsWith("camel-extend-io") || t.getName().contains("ExtendRetryScheduler");
    }

    private static Set<Thread> componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(ConcurrencyTest::isComponentThread).collect(Collectors.toSet());
    }

    private long ioThreads() {
        return ownThreads().stream().filter(t -> t.getName().startsWith("camel-extend-io")).count();
    }

    /** The component threads this test started. */
    private Set<Thread> ownThreads() {
        Set<Thread> now = componentThreads();
        now.removeAll(before);
        return now;
    }

    @Test
    void twoHundredParallelExchangesNeedOnlyAFewThreads() throws Exception {
        String from = endpoint("maxRetries=0&requestTimeout=10000");
        Exchange warm = template.request(from, e -> e.getIn().setBody(RUN)); // starts pools, loads classes
        assertNull(warm.getException(), () -> "warm-up failed: " + warm.getException());
        FAKE.reset();
        long ioBefore = ioThreads();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        int liveBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();

        long start = System.nanoTime();
        List<CompletableFuture<Exchange>> futures = new ArrayList<>(EXCHANGES);
        for (int i = 0; i < EXCHANGES; i++) {
            String id = "workflow_run_concurrency_" + i;
            futures.add(template.asyncSend(from, e -> e.getIn().setBody(id)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

        long created = threads.getTotalStartedThreadCount() - startedBefore;
        int peakExtra = threads.getPeakThreadCount() - liveBefore;
        long ioThreads = ioThreads();
        LOG.info("{} parallel exchanges took {} ms; threads started during the run: {}; peak live threads above the"
                 + " start: {}; camel-extend-io threads: {} ({} CPUs)", EXCHANGES, elapsed, created, peakExtra,
                ioThreads, Runtime.getRuntime().availableProcessors());

        for (int i = 0; i < EXCHANGES; i++) {
            Exchange out = futures.get(i).get();
            int n = i;
            assertNull(out.getException(), () -> "exchange " + n + " failed: " + out.getException());
            WorkflowRun run = out.getMessage().getBody(WorkflowRun.class);
            assertEquals("workflow_run_concurrency_" + i, run.getId(), "answers must not be mixed up between exchanges");
            assertEquals(1, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
        }
        assertEquals(EXCHANGES, FAKE.requestCount());
        assertTrue(elapsed >= ANSWER_DELAY_MS, "answers are 200 ms late, yet all came after " + elapsed + " ms");
        assertTrue(elapsed < 10_000, "took " + elapsed + " ms");
        assertTrue(created <= 40, "a thread per exchange? " + created + " threads were started for " + EXCHANGES
                                  + " exchanges");
        assertEquals(ioBefore, ioThreads, "the I/O thread count must not grow with the load");
        assertTrue(ioThreads >= 1 && ioThreads <= Runtime.getRuntime().availableProcessors() + 1,
                "HttpClient runs one I/O thread per CPU plus its dispatcher, found " + ioThreads);
    }

    @Test
    void endpointsWithTheSameConnectionSetupShareThreads() throws Exception {
        Exchange first = template.request(endpoint("maxRetries=0"), e -> e.getIn().setBody(RUN));
        assertNull(first.getException(), () -> "failed: " + first.getException());
        long ioOfOneEndpoint = ioThreads();

        for (int i = 1; i < 5; i++) {
            // retry and timeout options do not shape connections: the same pool serves all five endpoints
            Exchange out = template.request(endpoint("maxRetries=" + i + "&requestTimeout=" + (5000 + i)),
                    e -> e.getIn().setBody(RUN));
            assertNull(out.getException(), () -> "failed: " + out.getException());
        }

        Set<Thread> own = ownThreads();
        long schedulers = own.stream().filter(t -> t.getName().contains("ExtendRetryScheduler")).count();
        assertEquals(1, schedulers, "one scheduler thread per component: " + own);
        assertTrue(ioOfOneEndpoint >= 1, "no I/O thread: " + own);
        assertEquals(ioOfOneEndpoint, ioThreads(), "five endpoints, one pool: " + own);
    }

    @Test
    void componentThreadsEndWhenTheContextStops() throws Exception {
        String from = endpoint("maxRetries=0&requestTimeout=10000");
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(template.asyncSend(from, e -> e.getIn().setBody(RUN)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        Set<Thread> own = ownThreads();
        assertTrue(own.stream().anyMatch(t -> t.getName().startsWith("camel-extend-io")), "no I/O thread: " + own);
        assertTrue(own.stream().anyMatch(t -> t.getName().contains("ExtendRetryScheduler")), "no scheduler: " + own);

        long start = System.nanoTime();
        context.stop();
        Set<Thread> left = own;
        while (!left.isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(50);
            left = own.stream().filter(Thread::isAlive).collect(Collectors.toSet());
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        LOG.info("component threads {} ended {} ms after context.stop() began", own.size(), elapsed);
        assertTrue(left.isEmpty(), "still alive 5 s after context.stop(): " + left);
        assertFalse(ownThreads().stream().anyMatch(Thread::isAlive), "new component threads after stop");
    }

    @Test
    void exchangesInFlightWhenTheContextStopsAreFailedNotLeftHanging() throws Exception {
        // Extend never answers and the requestTimeout is long: only the stop can end these exchanges
        FAKE.otherwise(r -> Reply.neverAnswer());
        context.getShutdownStrategy().setTimeout(1); // seconds of graceful waiting before Camel forces the stop
        String from = route(context, "extend:cancelRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY
                                     + "&maxRetries=2&requestTimeout=20000&retryInitialDelay=1000");
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(template.asyncSend(from, e -> e.getIn().setBody(RUN)));
        }
        waitUntil(() -> FAKE.requestCount() >= 5, Duration.ofSeconds(10));
        assertEquals(5, FAKE.requestCount());

        long start = System.nanoTime();
        context.stop();
        for (CompletableFuture<Exchange> f : futures) {
            Exchange out = f.get(5, TimeUnit.SECONDS); // a TimeoutException here: the exchange was left hanging
            ExtendConnectionException e = dev.camelextend.support.ExtendTestKit.exactFailure(out,
                    ExtendConnectionException.class);
            assertEquals(RUN, e.getRunId());
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        LOG.info("5 in-flight exchanges failed {} ms after context.stop() began", elapsed);
        assertTrue(elapsed < 10_000, "took " + elapsed);
        assertEquals(5, FAKE.requestCount(), "no new attempt after the stop");
    }
}
