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

import static dev.camelextend.client.RequestCategory.READ;
import static dev.camelextend.client.RequestCategory.WRITE;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        try (RateLimiters.Lease a = RateLimiters.acquire(key, URL, null, READ, 50);
             RateLimiters.Lease again = RateLimiters.acquire(key, URL, null, READ, 80);
             RateLimiters.Lease workspace = RateLimiters.acquire(key, URL, "ws_1", READ, 50);
             RateLimiters.Lease workspaceAgain = RateLimiters.acquire(key, URL, "ws_1", READ, 50);
             RateLimiters.Lease otherWorkspace = RateLimiters.acquire(key, URL, "ws_2", READ, 50);
             RateLimiters.Lease otherKey = RateLimiters.acquire(key + "_b", URL, null, READ, 50);
             RateLimiters.Lease otherUrl = RateLimiters.acquire(key, "http://127.0.0.1:2", null, READ, 50)) {
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
        RateLimiters.Lease a = RateLimiters.acquire(key, URL, null, READ, 50);
        RateLimiters.Lease b = RateLimiters.acquire(key, URL, null, READ, 20);
        RateLimiters.Lease c = RateLimiters.acquire(key, URL, null, READ, 30);
        RateLimiter limiter = a.limiter();
        assertEquals(20, limiter.permitsPerSecond(), 1e-6);
        b.close();
        assertEquals(30, limiter.permitsPerSecond(), 1e-6, "the rate rises to the lowest still alive");
        c.close();
        assertEquals(50, limiter.permitsPerSecond(), 1e-6);
        assertSame(limiter, RateLimiters.acquire(key, URL, null, READ, 60).limiter(), "a is still alive");
        a.close();
    }

    @Test
    void theLastCloseRemovesTheLimiter(TestInfo test) {
        String key = key(test);
        int before = RateLimiters.size();
        RateLimiters.Lease old = RateLimiters.acquire(key, URL, null, READ, 2);
        RateLimiters.Lease older = RateLimiters.acquire(key, URL, null, READ, 2);
        assertEquals(before + 1, RateLimiters.size());
        assertTrue(RateLimiters.contains(key, URL, null, READ));
        old.close();
        older.close();
        assertFalse(RateLimiters.contains(key, URL, null, READ));
        assertEquals(before, RateLimiters.size());

        try (RateLimiters.Lease fresh = RateLimiters.acquire(key, URL, null, READ, 50)) {
            assertNotSame(old.limiter(), fresh.limiter());
            assertEquals(50, fresh.limiter().permitsPerSecond(), 1e-6, "a later context runs at its own rate");
        }
        assertEquals(before, RateLimiters.size());
    }

    @Test
    void closeIsIdempotent(TestInfo test) {
        String key = key(test);
        RateLimiters.Lease a = RateLimiters.acquire(key, URL, null, READ, 50);
        RateLimiters.Lease b = RateLimiters.acquire(key, URL, null, READ, 20);
        b.close();
        b.close();
        assertTrue(RateLimiters.contains(key, URL, null, READ), "a second close of b does not release a");
        assertEquals(50, a.limiter().permitsPerSecond(), 1e-6);
        a.close();
        a.close();
        assertFalse(RateLimiters.contains(key, URL, null, READ));
    }

    @Test
    void racingLeasesStayConsistent(TestInfo test) throws Exception {
        String shared = key(test);
        String transient_ = shared + "_transient";
        int threads = 4;
        int rounds = 2_000;
        try (RateLimiters.Lease base = RateLimiters.acquire(shared, URL, null, READ, 5)) {
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
                            try (RateLimiters.Lease lease = RateLimiters.acquire(shared, URL, null, READ, rate)) {
                                assertSame(base.limiter(), lease.limiter());
                                assertTrue(lease.limiter().permitsPerSecond() <= rate + 1e-6);
                            }
                            RateLimiters.Lease first = RateLimiters.acquire(transient_, URL, null, READ, rate);
                            RateLimiters.Lease second = RateLimiters.acquire(transient_, URL, null, READ, rate + 1);
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
            assertFalse(RateLimiters.contains(transient_, URL, null, READ), "every transient lease was released");
        }
        assertFalse(RateLimiters.contains(shared, URL, null, READ));
    }

    @Test
    void theApiKeyIsNotShown(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Lease lease = RateLimiters.acquire(key, URL, "ws_1", READ, 10)) {
            assertFalse(lease.toString().contains(key), lease.toString());
            assertFalse(lease.limiter().toString().contains(key));
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void forAccountSharesTheLimiterOfLiveLeases(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Lease lease = RateLimiters.acquire(key, URL, null, READ, 50)) {
            assertSame(lease.limiter(), RateLimiters.forAccount(key, URL, READ, 50));
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void forAccountStillLowersTheRate() {
        RateLimiter a = RateLimiters.forAccount("sk_rl_test_a", URL, READ, 50);
        RateLimiter again = RateLimiters.forAccount("sk_rl_test_a", URL, READ, 80);
        RateLimiter lower = RateLimiters.forAccount("sk_rl_test_a", URL, READ, 20);
        RateLimiter otherKey = RateLimiters.forAccount("sk_rl_test_b", URL, READ, 50);
        RateLimiter otherUrl = RateLimiters.forAccount("sk_rl_test_a", "http://127.0.0.1:2", READ, 50);

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
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.acquire(key, URL, null, READ, -1));
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.acquire(key, URL, null, READ, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.forAccount(key, URL, READ, 0));
        assertFalse(RateLimiters.contains(key, URL, null, READ), "a refused acquire registers nothing");
    }

    // ---- one limiter per category: reads and writes, as Extend counts them ----

    @Test
    void eachCategoryOfAnAccountHasItsOwnLimiterAndRate(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Lease reads = RateLimiters.acquire(key, URL, "ws_1", READ, 5);
             RateLimiters.Lease readsAgain = RateLimiters.acquire(key, URL, "ws_1", READ, 8);
             RateLimiters.Lease writes = RateLimiters.acquire(key, URL, "ws_1", WRITE, 20)) {
            assertSame(reads.limiter(), readsAgain.limiter());
            assertNotSame(reads.limiter(), writes.limiter(), "reads and writes are counted apart");
            assertEquals(5, reads.limiter().permitsPerSecond(), 1e-6, "the lowest read rate");
            assertEquals(20, writes.limiter().permitsPerSecond(), 1e-6, "the reads' lower rate is not the writes'");
            reads.limiter().pauseFor(java.time.Duration.ofSeconds(5));
            assertEquals(java.time.Duration.ZERO, writes.limiter().remainingPause(), "a read pause leaves writes alone");
            assertTrue(RateLimiters.contains(key, URL, "ws_1", READ) && RateLimiters.contains(key, URL, "ws_1", WRITE));
        }
        assertFalse(RateLimiters.contains(key, URL, "ws_1", READ));
        assertFalse(RateLimiters.contains(key, URL, "ws_1", WRITE));
    }

    @Test
    void theLastCloseOfOneCategoryLeavesTheOtherCategorysLimiter(TestInfo test) {
        String key = key(test);
        RateLimiters.Lease reads = RateLimiters.acquire(key, URL, null, READ, 5);
        try (RateLimiters.Lease writes = RateLimiters.acquire(key, URL, null, WRITE, 5)) {
            reads.close();
            assertFalse(RateLimiters.contains(key, URL, null, READ));
            assertTrue(RateLimiters.contains(key, URL, null, WRITE));
        }
        assertFalse(RateLimiters.contains(key, URL, null, WRITE));
    }

    @Test
    void endpointsOfOneAccountAndWorkspaceShareEachCategorysLimiterAndOtherWorkspacesDoNot(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Leases a = RateLimiters.forOptions(key, URL, "ws_1", 10, null, null);
             RateLimiters.Leases b = RateLimiters.forOptions(key, URL, "ws_1", 10, null, null);
             RateLimiters.Leases other = RateLimiters.forOptions(key, URL, "ws_2", 10, null, null)) {
            assertSame(a.limiter(READ), b.limiter(READ));
            assertSame(a.limiter(WRITE), b.limiter(WRITE));
            assertNotSame(a.limiter(READ), a.limiter(WRITE));
            assertNotSame(a.limiter(READ), other.limiter(READ), "a workspace can be capped apart from another");
            assertNotSame(a.limiter(WRITE), other.limiter(WRITE));
        }
        for (RequestCategory category : List.of(READ, WRITE)) {
            assertFalse(RateLimiters.contains(key, URL, "ws_1", category), "closing the leases releases " + category);
            assertFalse(RateLimiters.contains(key, URL, "ws_2", category));
        }
    }

    @Test
    void anUnsetCategoryRateFollowsRateLimitAndASetOneWins(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Leases leases = RateLimiters.forOptions(key, URL, null, 10, null, 4.0)) {
            assertEquals(10, leases.limiter(READ).permitsPerSecond(), 1e-6, "readRateLimit unset: rateLimit");
            assertEquals(4, leases.limiter(WRITE).permitsPerSecond(), 1e-6, "writeRateLimit set: its own");
        }
        try (RateLimiters.Leases leases = RateLimiters.forOptions(key, URL, null, 0, 6.0, null)) {
            assertEquals(6, leases.limiter(READ).permitsPerSecond(), 1e-6, "a category may be limited alone");
            assertNull(leases.limiter(WRITE), "rateLimit 0 and writeRateLimit unset: writes unlimited");
        }
        try (RateLimiters.Leases leases = RateLimiters.forOptions(key, URL, null, 0, null, null)) {
            assertNull(leases.limiter(READ));
            assertNull(leases.limiter(WRITE));
            assertFalse(RateLimiters.contains(key, URL, null, READ) || RateLimiters.contains(key, URL, null, WRITE),
                    "off: nothing registered");
        }
    }

    @Test
    void aCategoryRateOfZeroTurnsThatCategoryOffWhileTheOtherStaysLimited(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Leases leases = RateLimiters.forOptions(key, URL, null, 10, 0.0, null)) {
            assertNull(leases.limiter(READ), "readRateLimit=0: reads unlimited");
            assertFalse(RateLimiters.contains(key, URL, null, READ));
            assertEquals(10, leases.limiter(WRITE).permitsPerSecond(), 1e-6);
        }
    }

    @Test
    void aBadRateFailsNamingItsOptionAndRegistersNothing(TestInfo test) {
        String key = key(test);
        assertBadOption("rateLimit", () -> RateLimiters.forOptions(key, URL, null, -1, 5.0, 5.0));
        assertBadOption("readRateLimit", () -> RateLimiters.forOptions(key, URL, null, 10, -1.0, null));
        assertBadOption("readRateLimit", () -> RateLimiters.forOptions(key, URL, null, 10, Double.POSITIVE_INFINITY, null));
        assertBadOption("writeRateLimit", () -> RateLimiters.forOptions(key, URL, null, 10, 5.0, Double.NaN));
        assertBadOption("writeRateLimit", () -> RateLimiters.forOptions(key, URL, null, 10, null, -0.5));
        assertFalse(RateLimiters.contains(key, URL, null, READ), "a refused read lease is not left behind");
        assertFalse(RateLimiters.contains(key, URL, null, WRITE));
    }

    private static void assertBadOption(String option, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith("The " + option + " option "), e.getMessage());
    }

    @Test
    void theLeasesDoNotShowTheKey(TestInfo test) {
        String key = key(test);
        try (RateLimiters.Leases leases = RateLimiters.forOptions(key, URL, "ws_1", 10, null, 3.0)) {
            assertFalse(leases.toString().contains(key), leases.toString());
            assertTrue(leases.toString().contains("reads 10.0/s") && leases.toString().contains("writes 3.0/s"),
                    leases.toString());
        }
    }
}
