package dev.camelextend.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitersTest {

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
        assertThrows(IllegalArgumentException.class, () -> RateLimiters.forAccount("k", "http://x", -1));
    }
}
