package dev.camelextend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.client.RequestCategory;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rateLimit option paces requests of one category across routes of one account, a 429 with Retry-After pauses
 * every exchange of that category, and the other category goes on (the wiring; the rules are CategoryPacingTest's).
 */
class RateLimitRouteTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String CANCEL = "extend:cancelRun?rateLimit=20&";
    static final List<Long> ARRIVALS = Collections.synchronizedList(new ArrayList<>());
    /** The same arrivals with their method. */
    static final List<Arrival> ARRIVED = Collections.synchronizedList(new ArrayList<>());

    record Arrival(String method, long nanos) {
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FAKE.otherwise(r -> {
            long now = System.nanoTime();
            ARRIVALS.add(now);
            ARRIVED.add(new Arrival(r.method(), now));
            return Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json"));
        });
        // two routes, two endpoints of reads, same key and base URL: they must share one pace; the cancels of a third
        // route are writes, paced apart
        String common = common();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("extend:getRun?rateLimit=20&" + common);
                from("direct:b").to("extend:getRun?rateLimit=20&maxRetries=2&" + common);
                from("direct:c").to(CANCEL + common);
            }
        };
    }

    private static String common() {
        return "baseUrl=" + FAKE.baseUrl() + "&apiKey=sk_rate_limit_route_test&retryInitialDelay=10";
    }

    @Test
    void requestsOfBothRoutesArePacedTogether() throws Exception {
        ARRIVALS.clear();
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            calls.add(template.asyncSend(i % 2 == 0 ? "direct:a" : "direct:b",
                    e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc")));
        }
        long submitted = System.nanoTime() - start;
        for (CompletableFuture<Exchange> call : calls) {
            assertNull(call.get(10, TimeUnit.SECONDS).getException());
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(submitted) < 400,
                "sending does not wait for the limiter: " + TimeUnit.NANOSECONDS.toMillis(submitted) + " ms");
        assertEquals(10, ARRIVALS.size());
        List<Long> sorted = new ArrayList<>(ARRIVALS);
        Collections.sort(sorted);
        // 10 requests at 20/s: the 10th slot is 9 intervals of 50 ms after the first (which may arrive late: it also
        // opens the connection, so measure from the first send)
        long lastMillis = TimeUnit.NANOSECONDS.toMillis(sorted.get(9) - start);
        assertTrue(lastMillis >= 440, "the 10th request at 20/s goes out no sooner than 450 ms, was " + lastMillis);
        for (int i = 1; i < 10; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 1));
            assertTrue(gap < 1_500, "paced, not stalled: gap " + gap + " ms");
        }
    }

    @Test
    void a429WithRetryAfterHoldsBackTheOtherExchanges() throws Exception {
        ARRIVALS.clear();
        FAKE.enqueue(Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json")).withHeader("Retry-After", "1"));
        long start = System.nanoTime();
        CompletableFuture<Exchange> first = template.asyncSend("direct:a",
                e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc"));
        Thread.sleep(150); // the 429 has arrived and paused the account
        CompletableFuture<Exchange> second = template.asyncSend("direct:b",
                e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc"));

        assertNull(first.get(10, TimeUnit.SECONDS).getException());
        assertNull(second.get(10, TimeUnit.SECONDS).getException());
        assertEquals(2, ARRIVALS.size(), "the 429 came from the script; both later requests reached the handler");
        for (long arrival : ARRIVALS) {
            long afterStart = TimeUnit.NANOSECONDS.toMillis(arrival - start);
            assertTrue(afterStart >= 900, "no request goes out during the 1 s pause; one went at " + afterStart + " ms");
        }
    }

    @Test
    void a429OnACancelHoldsBackTheCancelsButNotTheReads() throws Exception {
        ARRIVED.clear();
        FAKE.enqueue(Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json")).withHeader("Retry-After", "2"));
        long start = System.nanoTime();
        CompletableFuture<Exchange> refused = template.asyncSend("direct:c",
                e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc"));
        ExtendEndpoint cancels = context.getEndpoint(CANCEL + common(), ExtendEndpoint.class);
        assertTrue(ExtendTestKit.waitUntil(() -> !cancels.rateLimiter(RequestCategory.WRITE).remainingPause().isZero(),
                Duration.ofSeconds(5)), "the 429 paused the writes");
        assertTrue(cancels.rateLimiter(RequestCategory.READ).remainingPause().isZero(), "not the reads");

        CompletableFuture<Exchange> read = template.asyncSend("direct:a",
                e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc"));
        CompletableFuture<Exchange> cancel = template.asyncSend("direct:c",
                e -> e.getIn().setBody("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc"));
        assertNull(read.get(10, TimeUnit.SECONDS).getException());
        long readMillis = ExtendTestKit.millisSince(start);
        assertNull(refused.get(10, TimeUnit.SECONDS).getException(), "retried after the pause");
        assertNull(cancel.get(10, TimeUnit.SECONDS).getException());

        assertTrue(readMillis < 1_500, "the read is not held back by the writes' 2 s pause: took " + readMillis + " ms");
        List<Arrival> posts = ARRIVED.stream().filter(a -> "POST".equals(a.method())).toList();
        assertEquals(2, posts.size(), "the retried cancel and the second one: " + ARRIVED);
        for (Arrival post : posts) {
            long afterStart = TimeUnit.NANOSECONDS.toMillis(post.nanos() - start);
            assertTrue(afterStart >= 1_900, "no cancel goes out during the 2 s pause; one went at " + afterStart + " ms");
        }
    }
}
