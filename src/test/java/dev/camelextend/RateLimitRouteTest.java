package dev.camelextend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

/** The rateLimit option paces requests across routes of one account, and a 429 with Retry-After pauses them all. */
class RateLimitRouteTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final List<Long> ARRIVALS = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FAKE.otherwise(r -> {
            ARRIVALS.add(System.nanoTime());
            return Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json"));
        });
        // two routes, two endpoints, same key and base URL: they must share one pace
        String common = "baseUrl=" + FAKE.baseUrl() + "&apiKey=sk_rate_limit_route_test&retryInitialDelay=10";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("extend:getRun?rateLimit=20&" + common);
                from("direct:b").to("extend:cancelRun?rateLimit=20&" + common);
            }
        };
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
}
