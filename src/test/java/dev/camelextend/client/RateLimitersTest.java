package dev.camelextend.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitersTest {

    private static final String URL = "http://127.0.0.1:1";

    /** A key of this test alone: other tests in this JVM may hold leases of their own. */
    private static String key(TestInfo test) {
        return "sk_rl_test_" + test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void leasesOfOneAccountShareOneLimiter(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Lease a = RateLimiters.acquire(key, URL, null, 50);
             RateLimiters.Lease again = RateLimiters.acquire(key, URL, null, 80);
             RateLimiters.Lease workspace = RateLimiters.acquire(key, URL, "ws_1", 50);
             RateLimiters.Lease workspaceAgain = RateLimiters.acquire(key, URL, "ws_1", 50);
             RateLimiters.Lease otherWorkspace = RateLimiters.acquire(key, URL, "ws_2", 50);
             RateLimiters.Lease otherKey = RateLimiters.acquire(key + "_b", URL, null, 50);
             RateLimiters.Lease otherUrl = RateLimiters.acquire(key, "http://127.0.0.1:2", null, 50)) {
            assertSame(a.limiter(), again.limiter());
            assertSame(workspace.limiter(), workspaceAgain.limiter());
            List<RateLimiter> distinct = List.of(a.limiter(), workspace.limiter(), otherWorkspace.limiter(),
                    otherKey.limiter(), otherUrl.limiter());
            assertEquals(distinct.size(), distinct.stream().distinct().count(), "one limiter per account key");
        }
    }

    @Test
    void theLowestLiveRateIsInForce(TestInfo test) {
        String key = key(test);
        RateLimiters.Lease a = RateLimiters.acquire(key, URL, null, 50);
        RateLimiters.Lease b = RateLimiters.acquire(key, URL, null, 20);
        RateLimiters.Lease c = RateLimiters.acquire(key, URL, null, 30);
        RateLimiter limiter = a.limiter();
        assertEquals(20, limiter.permitsPerSecond(), 1e-6);
        b.close();
        assertEquals(30, limiter.permitsPerSecond(), 1e-6, "the rate rises to the lowest still alive");
        c.close();
        assertEquals(50, limiter.permitsPerSecond(), 1e-6);
        assertSame(limiter, RateLimiters.acquire(key, URL, null, 60).limiter(), "a is still alive");
        a.close();
    }

    @Test
    void theLastCloseRemovesTheLimiter(TestInfo test) {
        String key = key(test);
        int before = RateLimiters.size();
        RateLimiters.Lease old = RateLimiters.acquire(key, URL, null, 2);
        RateLimiters.Lease older = RateLimiters.acquire(key, URL, null, 2);
        assertEquals(before + 1, RateLimiters.size());
        assertTrue(RateLimiters.contains(key, URL, null));
        old.close();
        older.close();
        assertFalse(RateLimiters.contains(key, URL, null));
        assertEquals(before, RateLimiters.size());

        try (RateLimiters.Lease fresh = RateLimiters.acquire(key, URL, null, 50)) {
            assertNotSame(old.limiter(), fresh.limiter());
            assertEquals(50, fresh.limiter().permitsPerSecond(), 1e-6, "a later context runs at its own rate");
        }
        assertEquals(before, RateLimiters.size());
    }

    @Test
    void closeIsIdempotent(TestInfo test) {
        String key = key(test);
        RateLimiters.Lease a = RateLimiters.acquire(key, URL, null, 50);
        RateLimiters.Lease b = RateLimiters.acquire(key, URL, null, 20);
        b.close();
        b.close();
        assertTrue(RateLimiters.contains(key, URL, null), "a second close of b does not release a");
        assertEquals(50, a.limiter().permitsPerSecond(), 1e-6);
        a.close();
        a.close();
        assertFalse(RateLimiters.contains(key, URL, null));
    }

    @Test
    void racingLeasesStayConsistent(TestInfo test) throws Exception {
        String shared = key(test);
        String transient_ = shared + "_transient";
        int threads = 4;
        int rounds = 2_000;
        try (RateLimiters.Lease base = RateLimiters.acquire(shared, URL, null, 5)) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    done.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        for (int i = 0; i < rounds; i++) {
                            double rate = 1 + (seed * rounds + i) % 20; // sometimes below the base's 5
                            try (RateLimiters.Lease lease = RateLimiters.acquire(shared, URL, null, rate)) {
                                assertSame(base.limiter(), lease.limiter());
                                assertTrue(lease.limiter().permitsPerSecond() <= rate + 1e-6);
                            }
                            RateLimiters.Lease first = RateLimiters.acquire(transient_, URL, null, rate);
                            RateLimiters.Lease second = RateLimiters.acquire(transient_, URL, null, rate + 1);
                            assertSame(first.limiter(), second.limiter(), "live leases share one limiter");
                            second.close();
                            first.close();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(5, base.limiter().permitsPerSecond(), 1e-6, "only the base lease is alive");
            assertFalse(RateLimiters.contains(transient_, URL, null), "every transient lease was released");
        }
        assertFalse(RateLimiters.contains(shared, URL, null));
    }

    @Test
    void theApiKeyIsNotShown(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Lease lease = RateLimiters.acquire(key, URL, "ws_1", 10)) {
            assertFalse(lease.toString().contains(key), lease.toString());
            assertFalse(lease.limiter().toString().contains(key));
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void forAccountSharesTheLimiterOfLiveLeases(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Lease lease = RateLimiters.acquire(key, URL, null, 50)) {
            assertSame(lease.limiter(), RateLimiters.forAccount(key, URL, 50));
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void forAccountStillLowersTheRate() {
        RateLimiter a = RateLimiters.forAccount("sk_rl_test_a", URL, 50);
        RateLimiter again = RateLimiters.forAccount("sk_rl_test_a", URL, 80);
        RateLimiter lower = RateLimiters.forAccount("sk_rl_test_a", URL, 20);
        RateLimiter otherKey = RateLimiters.forAccount("sk_rl_test_b", URL, 50);
        RateLimiter otherUrl = RateLimiters.forAccount("sk_rl_test_a", "http://127.0.0.1:2", 50);

        assertSame(a, again);
        assertSame(a, lower);
        assertEquals(20, a.permitsPerSecond(), 0.01);
        assertTrue(a != otherKey && a != otherUrl);
        assertEquals(50, otherKey.permitsPerSecond(), 0.01);
    }

    @Test
    @SuppressWarnings("deprecation")
    void rejectsNonPositiveRates(TestInfo test) {
        String key = key(test);
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.acquire(key, URL, null, -1));
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.acquire(key, URL, null, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.forAccount(key, URL, 0));
        assertFalse(RateLimiters.contains(key, URL, null), "a refused acquire registers nothing");
    }
}
