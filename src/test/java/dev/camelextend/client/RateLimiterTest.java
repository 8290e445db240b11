package dev.camelextend.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void slotsAreSpacedEvenlyAtTheRate() {
        RateLimiter limiter = new RateLimiter(10); // one slot per 100 ms
        Duration first = limiter.reserve();
        Duration second = limiter.reserve();
        Duration eleventh = Duration.ZERO;
        for (int i = 0; i < 9; i++) {
            eleventh = limiter.reserve();
        }
        assertTrue(first.toMillis() <= 1, "the first caller goes at once: " + first);
        assertTrue(second.toMillis() >= 95 && second.toMillis() <= 100, "the second waits one interval: " + second);
        assertTrue(eleventh.toMillis() >= 995 && eleventh.toMillis() <= 1000, "the 11th waits 10 intervals: " + eleventh);
    }

    @Test
    void aPauseHoldsBackEveryLaterCaller() {
        RateLimiter limiter = new RateLimiter(1000);
        limiter.reserve();
        limiter.pauseFor(Duration.ofSeconds(2));
        Duration next = limiter.reserve();
        assertTrue(next.toMillis() >= 1900 && next.toMillis() <= 2000, "a slot after a 2 s pause waits for it: " + next);
        assertTrue(limiter.remainingPause().toMillis() >= 1900);
    }

    @Test
    void aShorterPauseNeverShortensALongerOne() {
        RateLimiter limiter = new RateLimiter(1000);
        limiter.pauseFor(Duration.ofSeconds(5));
        limiter.pauseFor(Duration.ofSeconds(1));
        assertTrue(limiter.remainingPause().toMillis() >= 4900);
    }

    @Test
    void accountsShareOneLimiterAndTheLowestRateWins() {
        RateLimiter a = RateLimiters.forAccount("sk_rl_test_a", "http://127.0.0.1:1", 50);
        RateLimiter again = RateLimiters.forAccount("sk_rl_test_a", "http://127.0.0.1:1", 80);
        RateLimiter lower = RateLimiters.forAccount("sk_rl_test_a", "http://127.0.0.1:1", 20);
        RateLimiter otherKey = RateLimiters.forAccount("sk_rl_test_b", "http://127.0.0.1:1", 50);
        RateLimiter otherUrl = RateLimiters.forAccount("sk_rl_test_a", "http://127.0.0.1:2", 50);

        assertSame(a, again);
        assertSame(a, lower);
        assertEquals(20, a.permitsPerSecond(), 0.01);
        assertTrue(a != otherKey && a != otherUrl);
        assertEquals(50, otherKey.permitsPerSecond(), 0.01);
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.forAccount("k", "http://x", -1));
    }
}
