package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelextend.model.ExtendJson;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.VirtualScheduler;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits as Extend counts them, in virtual time: reads (GET) and writes (cancel) each have their own limiter, a 429
 * pauses only the category of the request that was refused, and a flood of reads never delays a cancel beyond the
 * write limit's own pace.
 */
class CategoryPacingTest {

    static final Duration BUDGET = Duration.ofSeconds(3);
    static final Duration CAP = Duration.ofSeconds(60);
    static final String URL = "https://api.extend.test/workflow_runs/" + RUN;

    final VirtualScheduler scheduler = new VirtualScheduler();
    final ClientTime time = new ClientTime(scheduler, scheduler::nanoTime, Clock.systemUTC());
    final RateLimiter reads = new RateLimiter(10, scheduler::nanoTime);  // one read per 100 ms
    final RateLimiter writes = new RateLimiter(10, scheduler::nanoTime); // one write per 100 ms
    /** What was dispatched, as "GET@ms" or "POST@ms". */
    final List<String> dispatched = new ArrayList<>();
    /** What the dispatch answers next; 200 with the run when null. */
    RawResponse nextAnswer;

    private Pacing pacing(RateLimiter readLimiter, RateLimiter writeLimiter, Duration budget) {
        return new Pacing(readLimiter, writeLimiter, request -> {
            Method method = request.method();
            dispatched.add(method + "@" + scheduler.nanoTime() / 1_000_000);
            RawResponse answer = nextAnswer != null ? nextAnswer : run();
            nextAnswer = null;
            return CompletableFuture.completedFuture(answer);
        }, () -> false, () -> { }, time, budget);
    }

    private CompletableFuture<RawResponse> send(Pacing pacing, Method method, Duration budget) {
        return pacing.send(method, URL, null, scheduler.nanoTime() + budget.toNanos());
    }

    private static RawResponse run() {
        String json = FakeExtendServer.fixture("workflow-run-processing.json").replace("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc", RUN);
        return new RawResponse(new BasicHttpResponse(200), json.getBytes(StandardCharsets.UTF_8));
    }

    private static RawResponse tooManyRequests(String retryAfterSeconds) {
        BasicHttpResponse head = new BasicHttpResponse(429);
        head.addHeader("Retry-After", retryAfterSeconds);
        return new RawResponse(head, "{\"code\":\"RATE_LIMITED\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static Pacing.RateLimitWaitException noSlot(CompletableFuture<RawResponse> sent) {
        assertTrue(sent.isCompletedExceptionally(), "failed at once");
        try {
            sent.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return assertInstanceOf(Pacing.RateLimitWaitException.class, e.getCause());
        }
    }

    @Test
    void a429OnAWritePausesWritesOnlyAndReadsFlowAtOnce() {
        Pacing pacing = pacing(reads, writes, BUDGET);
        pacing.pauseFor(Method.POST, Duration.ofSeconds(2), CAP); // a cancel was answered 429, Retry-After: 2

        CompletableFuture<RawResponse> cancel = send(pacing, Method.POST, BUDGET);
        CompletableFuture<RawResponse> read = send(pacing, Method.GET, BUDGET);
        scheduler.advance(Duration.ZERO);

        assertTrue(read.isDone() && !read.isCompletedExceptionally(), "the read goes at once");
        assertFalse(cancel.isDone(), "the write waits out the pause");
        assertEquals(Duration.ZERO, reads.remainingPause(), "reads are not paused");
        assertEquals(Duration.ofSeconds(2), writes.remainingPause());
        scheduler.advance(Duration.ofMillis(1_999));
        assertFalse(cancel.isDone());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("GET@0", "POST@2000"), dispatched);
    }

    @Test
    void a429OnAReadPausesReadsOnlyAndCancelsFlowAtOnce() {
        Pacing pacing = pacing(reads, writes, BUDGET);
        pacing.pauseFor(Method.GET, Duration.ofSeconds(2), CAP);

        CompletableFuture<RawResponse> read = send(pacing, Method.GET, BUDGET);
        CompletableFuture<RawResponse> cancel = send(pacing, Method.POST, BUDGET);
        scheduler.advance(Duration.ZERO);

        assertTrue(cancel.isDone() && !cancel.isCompletedExceptionally(), "the cancel goes at once");
        assertFalse(read.isDone());
        assertEquals(Duration.ZERO, writes.remainingPause(), "writes are not paused");
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(List.of("POST@0", "GET@2000"), dispatched);
    }

    @Test
    void theCategorysPauseIsCappedAtTheCallersMaxRetryAfter() {
        Pacing pacing = pacing(reads, writes, BUDGET);
        pacing.pauseFor(Method.DELETE, Duration.ofHours(1), Duration.ofMillis(500)); // DELETE is a write too

        assertEquals(Duration.ofMillis(500), writes.remainingPause());
        assertEquals(Duration.ZERO, reads.remainingPause());
    }

    @Test
    void aFloodOfReadsDoesNotDelayACancelBeyondTheWriteLimitsOwnPace() {
        Duration longBudget = Duration.ofSeconds(200); // room for every read of the flood: 1,000 at 10/s is 100 s
        Pacing pacing = pacing(reads, writes, longBudget);
        List<CompletableFuture<RawResponse>> flood = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            flood.add(send(pacing, Method.GET, longBudget));
        }
        scheduler.advance(Duration.ofMillis(50)); // the first read went; 999 wait for their slots

        List<CompletableFuture<RawResponse>> cancels = List.of(send(pacing, Method.POST, BUDGET),
                send(pacing, Method.POST, BUDGET), send(pacing, Method.POST, BUDGET));
        scheduler.advance(Duration.ofMillis(250)); // to 300 ms

        List<String> writesSent = dispatched.stream().filter(d -> d.startsWith("POST")).toList();
        assertEquals(List.of("POST@50", "POST@150", "POST@250"), writesSent,
                "the cancels leave at the write limit's pace from the moment they come, not after 999 reads");
        cancels.forEach(c -> assertTrue(c.isDone() && !c.isCompletedExceptionally()));
        List<String> readsSent = dispatched.stream().filter(d -> d.startsWith("GET")).toList();
        assertEquals(List.of("GET@0", "GET@100", "GET@200", "GET@300"), readsSent,
                "and the reads keep their own pace beside them");

        scheduler.advance(Duration.ofSeconds(120)); // 1,000 reads at 10/s, with the limiter's 50 ms guard per second
        assertEquals(1_000, dispatched.stream().filter(d -> d.startsWith("GET")).count());
        flood.forEach(r -> assertFalse(r.isCompletedExceptionally()));
    }

    @Test
    void aCategoryWithoutALimiterIsNotPacedWhileTheOtherIs() {
        Pacing pacing = pacing(null, writes, BUDGET); // readRateLimit=0: reads off, writes limited
        for (int i = 0; i < 3; i++) {
            send(pacing, Method.GET, BUDGET);
            send(pacing, Method.POST, BUDGET);
        }
        pacing.pauseFor(Method.GET, Duration.ofSeconds(5), CAP); // no read limiter: nothing to pause
        send(pacing, Method.GET, BUDGET);
        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of("GET@0", "POST@0", "GET@0", "GET@0", "GET@0", "POST@100", "POST@200"), dispatched);
    }

    @Test
    void noSlotNamesTheCategoryThatIsPaused() {
        Pacing pacing = pacing(reads, writes, BUDGET);
        pacing.pauseFor(Method.POST, Duration.ofSeconds(30), CAP);

        Pacing.RateLimitWaitException e = noSlot(send(pacing, Method.POST, BUDGET));

        assertTrue(e.getMessage().contains("rate limit for writes (10 requests/s)"), e.getMessage());
        assertTrue(e.getMessage().contains("writes are paused after a 429 for another 30000 ms"), e.getMessage());
        assertEquals(Duration.ofSeconds(30), e.pause());
    }

    // ---- the whole client: the call rules report the refused request's category ----

    private ExtendClient client(Pacing pacing) {
        ExtendClientSettings settings = ExtendClientSettings.builder().baseUrl("https://api.extend.test")
                .apiKey("sk_categories").maxRetries(2).maxRetryAfter(CAP).build();
        return new ExtendClient(settings, pacing, time, ExtendJson.newObjectMapper());
    }

    @Test
    void aCancelAnswered429PausesCancelsButNotReadsOfTheClient() {
        ExtendClient client = client(pacing(reads, writes, BUDGET));
        nextAnswer = tooManyRequests("2");

        CompletableFuture<ExtendResponse> cancel = client.cancelRun(RUN, null); // 429 at 0, retried after 2 s
        CompletableFuture<ExtendResponse> read = client.getRun(RUN, null);
        scheduler.advance(Duration.ZERO);

        assertTrue(read.isDone() && !read.isCompletedExceptionally(), "the read is not held back by the write's 429");
        assertEquals(Duration.ZERO, reads.remainingPause());
        assertFalse(cancel.isDone());
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(2, cancel.join().attempts());
        assertEquals(List.of("POST@0", "GET@0", "POST@2000"), dispatched);
    }

    @Test
    void aReadAnswered429PausesReadsAndTheHealthProbeButNotCancels() {
        ExtendClient client = client(pacing(reads, writes, BUDGET));
        nextAnswer = tooManyRequests("2");

        CompletableFuture<ExtendResponse> read = client.getRun(RUN, null); // 429 at 0: reads paused for 2 s
        CompletableFuture<ExtendClient.ProbeResult> probe = client.probe(null);
        CompletableFuture<ExtendResponse> cancel = client.cancelRun(RUN, null);
        scheduler.advance(Duration.ZERO);

        assertTrue(cancel.isDone() && !cancel.isCompletedExceptionally(), "the cancel goes at once");
        assertFalse(probe.isDone(), "the probe is a GET: it waits out the reads' pause");
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(200, probe.join().statusCode());
        assertFalse(read.isDone(), "the retried read takes the next read slot after the probe's");
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(2, read.join().attempts());
        assertEquals(List.of("GET@0", "POST@0", "GET@2000", "GET@2100"), dispatched);
    }
}
