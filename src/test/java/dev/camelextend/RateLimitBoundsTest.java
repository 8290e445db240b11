package dev.camelextend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.camelextend.support.ExtendTestKit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared rate limiter never holds an account hostage: a pause taken from {@code Retry-After} is capped at
 * {@code maxRetryAfter}, a limiter slot that does not come within the call's {@code requestTimeout} ends the call with
 * a typed exception, no {@code Retry-After} value escapes as anything else, and a limiter goes away with the last
 * endpoint that used it, so a new context runs at its own rate. Each test uses its own API key: its own account.
 */
class RateLimitBoundsTest {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    static final String RUN = "workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc";

    private static CamelContext context(String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        ExtendTestKit.route(context, "direct:call", uri);
        context.start();
        return context;
    }

    private static String uri(String key, String options) {
        return "extend:getRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + key + "&retryInitialDelay=10&" + options;
    }

    /** One call, waited for at most 20 s: an unbounded limiter wait fails the test instead of hanging it. */
    private static Exchange call(CamelContext context) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        return template.asyncSend("direct:call", e -> e.getIn().setBody(RUN)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aLongRetryAfterPausesTheAccountForAtMostMaxRetryAfter() throws Exception {
        FAKE.enqueue(Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json"))
                .withHeader("Retry-After", "3600"));
        FAKE.otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json")));
        CamelContext first = context(uri("sk_rl_bounds_pause", "rateLimit=10&maxRetryAfter=500"));
        CamelContext second = context(uri("sk_rl_bounds_pause", "rateLimit=10&maxRetryAfter=500&requestTimeout=5s"));
        try {
            Exchange refused = call(first);
            assertNotNull(refused.getException());
            ExtendRateLimitException e = (ExtendRateLimitException) refused.getException();
            assertEquals(3600, e.getRetryAfter().toSeconds(), "the exception carries what Extend asked for");

            long start = System.nanoTime();
            Exchange later = call(second);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertNull(later.getException(), () -> "the account is paused for at most maxRetryAfter: "
                                                    + later.getException());
            assertTrue(tookMillis < 15_000, "waited " + tookMillis + " ms, not an hour");
            assertEquals(2, FAKE.requestCount());
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aLimiterSlotThatDoesNotComeWithinTheRequestTimeoutEndsTheCallWithATypedException() throws Exception {
        FAKE.enqueue(Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json"))
                .withHeader("Retry-After", "30"));
        FAKE.otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json")));
        // the first endpoint pauses the account for 30 s; the second gives each call a budget of one second
        CamelContext pausing = context(uri("sk_rl_bounds_budget", "rateLimit=10&maxRetries=0"));
        CamelContext hurried = context(uri("sk_rl_bounds_budget", "rateLimit=10&requestTimeout=1000&maxRetries=0"));
        try {
            assertNotNull(call(pausing).getException());

            long start = System.nanoTime();
            Exchange out = call(hurried);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            ExtendRateLimitException e = (ExtendRateLimitException) out.getException();
            assertNotNull(e, "a typed failure, not an endless wait");
            assertTrue(e.getMessage().contains("rate limit"), e.getMessage());
            assertNotNull(e.getRetryAfter(), "says how long the account is still paused");
            assertEquals(0, e.getStatusCode(), "status code 0: nothing was sent");
            assertTrue(tookMillis < 15_000, "failed within the call's budget, not after the 30 s pause: took " + tookMillis
                                           + " ms");
            assertEquals(1, FAKE.requestCount(), "nothing was sent during the pause");
        } finally {
            pausing.stop();
            hurried.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "9300000000", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT" })
    void anyRetryAfterEndsAsARateLimitException(String retryAfter) throws Exception {
        FAKE.otherwise(r -> Reply.json(429, FakeExtendServer.fixture("error-rate-limited.json"))
                .withHeader("Retry-After", retryAfter));
        CamelContext context = context(uri("sk_rl_bounds_far_" + retryAfter.length(), "rateLimit=10"));
        try {
            Exchange out = call(context);
            assertTrue(out.getException() instanceof ExtendRateLimitException, String.valueOf(out.getException()));
            assertEquals(1, FAKE.requestCount(), "above maxRetryAfter: fails at once");
        } finally {
            context.stop();
        }
    }

    @Test
    void aNewContextRunsAtItsOwnRateOnceTheSlowerOnesHaveStopped() throws Exception {
        FAKE.otherwise(r -> Reply.json(200, FakeExtendServer.fixture("workflow-run-processing.json")));
        CamelContext slow = context(uri("sk_rl_bounds_rate", "rateLimit=2"));
        assertNull(call(slow).getException());
        slow.stop();

        CamelContext fast = context(uri("sk_rl_bounds_rate", "rateLimit=50"));
        try {
            ProducerTemplate template = fast.createProducerTemplate();
            long start = System.nanoTime();
            List<CompletableFuture<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(template.asyncSend("direct:call", e -> e.getIn().setBody(RUN)));
            }
            for (CompletableFuture<Exchange> c : calls) {
                assertNull(c.get(30, TimeUnit.SECONDS).getException());
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // at 2/s ten calls take at least 4.5 s; at 50/s well under one
            assertTrue(tookMillis < 4000, "10 calls took " + tookMillis + " ms: the old 2/s limit is still in force");
        } finally {
            fast.stop();
        }
    }
}
