package dev.camelextend;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.ExtendTestKit.millisSince;
import static dev.camelextend.support.ExtendTestKit.RUN;
import static dev.camelextend.support.ExtendTestKit.causeOfType;
import static dev.camelextend.support.ExtendTestKit.closedPort;
import static dev.camelextend.support.ExtendTestKit.exactFailure;
import static dev.camelextend.support.ExtendTestKit.route;
import static dev.camelextend.support.ExtendTestKit.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every attempt is bounded by requestTimeout; no thread waits for the network; refused connections are not timeouts. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one Camel context for the class: each test adds its own route
class TimeoutTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_timeout_key";
    /**
     * Wiring checks only: the timing rules themselves are unit tests in virtual time (RequestDeadlinesTest,
     * CallRulesTest). An upper bound here only tells "bounded" from "hangs" (the fakes never answer), so it is far
     * above the expected time and holds on a loaded machine.
     */
    static final long HANG_GUARD_MILLIS = 15_000;

    @BeforeEach
    void resetFakeAndWarmUp() throws Exception {
        FAKE.otherwise(r -> Reply.neverAnswer());
        // one answered exchange first, so class loading on a cold JVM is not measured by the time bounds below
        warmUp(endpoint("getRun", FAKE.baseUrl(), "maxRetries=0"));
    }

    private String endpoint(String operation, String baseUrl, String options) throws Exception {
        return route(context, "extend:" + operation + "?baseUrl=" + baseUrl + "&apiKey=" + KEY
                              + "&retryInitialDelay=10&retryMaxDelay=20&" + options);
    }

    private Exchange send(String from) {
        return template.request(from, e -> e.getIn().setBody(RUN));
    }

    /** One answered exchange, so class loading and connection set-up are not measured. */
    private void warmUp(String from) {
        FAKE.enqueue(Reply.json(200, run("PROCESSING")));
        Exchange out = send(from);
        assertNull(out.getException(), () -> "warm-up failed: " + out.getException());
        FAKE.reset();
    }

    @Test
    void silentServerTimesOutWithinTheRequestTimeout() throws Exception {
        String from = endpoint("cancelRun", FAKE.baseUrl(), "requestTimeout=500&maxRetries=0");

        long start = System.nanoTime();
        Exchange out = send(from);
        long elapsed = millisSince(start);

        ExtendTimeoutException e = exactFailure(out, ExtendTimeoutException.class);
        assertEquals(RUN, e.getRunId());
        assertFalse(e.getMessage().contains(KEY));
        assertTrue(elapsed >= 400, "timed out too early: " + elapsed + " ms");
        assertTrue(elapsed < HANG_GUARD_MILLIS, "not bounded by requestTimeout=500: " + elapsed + " ms");
        assertEquals(1, FAKE.requestCount());
    }

    @Test
    void silentServerIsRetriedOnce() throws Exception {
        String from = endpoint("getRun", FAKE.baseUrl(), "requestTimeout=500&maxRetries=1");

        long start = System.nanoTime();
        Exchange out = send(from);
        long elapsed = millisSince(start);

        ExtendTimeoutException e = exactFailure(out, ExtendTimeoutException.class);
        assertEquals(RUN, e.getRunId());
        assertEquals(2, FAKE.requestCount());
        assertTrue(elapsed >= 900, "two attempts of 500 ms, took " + elapsed);
        assertTrue(elapsed < HANG_GUARD_MILLIS, "took " + elapsed);
    }

    @Test
    void timeoutThenAnswerSucceeds() throws Exception {
        FAKE.enqueue(Reply.neverAnswer(), Reply.json(200, run("PROCESSING")));
        String from = endpoint("getRun", FAKE.baseUrl(), "requestTimeout=500&maxRetries=1");

        Exchange out = send(from);

        assertNull(out.getException(), () -> "expected success but got " + out.getException());
        assertEquals(RUN, out.getMessage().getBody(WorkflowRun.class).getId());
        assertEquals(2, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
    }

    @Test
    void requestTimeoutAcceptsDurationText() throws Exception {
        String from = endpoint("getRun", FAKE.baseUrl(), "requestTimeout=1s&maxRetries=0");

        long start = System.nanoTime();
        Exchange out = send(from);
        long elapsed = millisSince(start);

        exactFailure(out, ExtendTimeoutException.class);
        assertTrue(elapsed >= 900, "requestTimeout=1s must mean one second, timed out after " + elapsed + " ms");
        assertTrue(elapsed < HANG_GUARD_MILLIS, "requestTimeout=1s must not mean 1,000 s: took " + elapsed);
    }

    @Test
    void slowAnswerWithinTheTimeoutIsNotATimeout() throws Exception {
        FAKE.enqueue(Reply.json(200, run("PROCESSING")).delayed(300));
        String from = endpoint("getRun", FAKE.baseUrl(), "requestTimeout=10000&maxRetries=0");

        Exchange out = send(from);

        assertNull(out.getException(), () -> "expected success but got " + out.getException());
        assertEquals(1, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
    }

    @Test
    void asyncRequestReturnsAtOnceAndCompletesWithTheTimeout() throws Exception {
        String from = endpoint("cancelRun", FAKE.baseUrl(), "requestTimeout=1000&maxRetries=0");
        warmUp(from); // also starts the route's producer

        long start = System.nanoTime();
        CompletableFuture<Object> future = template.asyncRequestBody(from, RUN);
        boolean doneAtReturn = future.isDone();

        // a blocking send would return with the timeout already there: not done means it did not wait for it
        assertFalse(doneAtReturn, "the future cannot be done before the server answered or timed out");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        long completedAfter = millisSince(start);
        ExtendTimeoutException e = causeOfType(failed, ExtendTimeoutException.class);
        assertEquals(RUN, e.getRunId());
        assertTrue(completedAfter >= 900, "completed after " + completedAfter + " ms");
    }

    @Test
    void routeThreadIsNotBlockedWhileWaitingForExtend() throws Exception {
        // drive the route with Camel's async API on this thread: process(...) must return before the answer comes
        String from = endpoint("cancelRun", FAKE.baseUrl(), "requestTimeout=800&maxRetries=1");
        warmUp(from);
        AsyncProducer producer = context.getEndpoint(from).createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            Exchange exchange = new DefaultExchange(context, ExchangePattern.InOut);
            exchange.getIn().setBody(RUN);
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Thread> doneOn = new AtomicReference<>();
            AtomicBoolean doneSync = new AtomicBoolean();

            long start = System.nanoTime();
            boolean completedSynchronously = producer.process(exchange, sync -> {
                doneSync.set(sync);
                doneOn.set(Thread.currentThread());
                done.countDown();
            });

            // a blocking producer would return after both timeouts, with its callback already run
            assertFalse(completedSynchronously, "the exchange cannot complete before Extend answers");
            assertEquals(1, done.getCount(), "callback ran before any answer");
            assertTrue(done.await(10, TimeUnit.SECONDS), "the callback was never called");
            long completedAfter = millisSince(start);
            assertFalse(doneSync.get());
            assertNotSame(Thread.currentThread(), doneOn.get());
            assertInstanceOf(ExtendTimeoutException.class, exchange.getException());
            assertEquals(2, FAKE.requestCount(), "one retry after the first timeout");
            assertTrue(completedAfter >= 1_500, "two attempts of 800 ms, completed after " + completedAfter);
        } finally {
            ServiceHelper.stopService(producer);
        }
    }

    @Test
    void refusedConnectionIsAConnectionExceptionNotATimeout() throws Exception {
        String from = endpoint("cancelRun", "http://127.0.0.1:" + closedPort(),
                "requestTimeout=10000&connectTimeout=5000&maxRetries=2");

        long start = System.nanoTime();
        Exchange out = send(from);
        long elapsed = millisSince(start);

        ExtendConnectionException e = exactFailure(out, ExtendConnectionException.class);
        assertEquals(RUN, e.getRunId());
        assertFalse(e.getMessage().contains(KEY));
        causeOfType(e, ConnectException.class);
        assertTrue(e.getMessage().contains("3 attempts"), "maxRetries=2 means 3 attempts: " + e.getMessage());
        assertTrue(elapsed < 5_000, "a refused connection fails fast, not after connectTimeout=5000: took " + elapsed);
    }

    @Test
    void connectTimeoutIsATimeout() throws Exception {
        // a listening socket whose accept queue is full: Linux drops further SYNs, so connecting hangs until
        // connectTimeout (design.md: ExtendTimeoutException covers connect and response timeouts)
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.util.List<Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (IOException queueFull) {
                        s.close();
                        break;
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(fillers.size() < 8,
                        "this OS accepts connections beyond the backlog: cannot provoke a connect timeout");
                String from = endpoint("getRun", "http://127.0.0.1:" + full.getLocalPort(),
                        "connectTimeout=400&requestTimeout=30000&maxRetries=1");

                long start = System.nanoTime();
                Exchange out = send(from);
                long elapsed = millisSince(start);

                ExtendTimeoutException e = exactFailure(out, ExtendTimeoutException.class);
                assertEquals(RUN, e.getRunId());
                assertTrue(e.getMessage().contains("2 attempts"), e.getMessage());
                assertTrue(elapsed >= 700, "two connect attempts of 400 ms, took " + elapsed);
                assertTrue(elapsed < 30_000, "bounded by connectTimeout, not requestTimeout=30000: " + elapsed);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void tricklingServerIsCutOffAtTheRequestTimeout() throws Exception {
        // headers at once, then one body byte every 100 ms: a socket read timeout never fires, the attempt deadline must
        FAKE.enqueue(Reply.trickle("{", 100));
        String from = endpoint("getRun", FAKE.baseUrl(), "requestTimeout=600&maxRetries=0");

        long start = System.nanoTime();
        Exchange out = send(from);
        long elapsed = millisSince(start);

        ExtendTimeoutException e = exactFailure(out, ExtendTimeoutException.class);
        assertEquals(RUN, e.getRunId());
        assertTrue(FAKE.bytesStreamed() > 0, "the server never started to answer");
        assertTrue(elapsed >= 500, "took " + elapsed);
        assertTrue(elapsed < HANG_GUARD_MILLIS, "a trickling answer (endless) must be cut off at requestTimeout=600, took "
                                              + elapsed);
    }
}
