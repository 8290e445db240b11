package dev.camelextend.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every test runs on a fake clock: time moves only when the test advances it. */
class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(double permitsPerSecond) {
        return new RateLimiter(permitsPerSecond, clock::get);
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void slotsAreSpacedEvenlyAtTheRate() {
        RateLimiter limiter = limiter(10); // one slot per 100 ms
        assertEquals(Duration.ZERO, limiter.reserve(), "the first caller goes at once");
        assertEquals(Duration.ofMillis(100), limiter.reserve(), "the second waits one interval");
        Duration eleventh = Duration.ZERO;
        for (int i = 0; i < 9; i++) {
            eleventh = limiter.reserve();
        }
        assertEquals(Duration.ofMillis(1000), eleventh, "the 11th waits 10 intervals");
    }

    @Test
    void waitsShrinkAsTimePasses() {
        RateLimiter limiter = limiter(10);
        limiter.reserve();
        limiter.reserve(); // slot at +100 ms
        advance(Duration.ofMillis(150));
        assertEquals(Duration.ofMillis(50), limiter.reserve(), "the third slot is at +200 ms");
        advance(Duration.ofSeconds(10));
        assertEquals(Duration.ZERO, limiter.reserve(), "an idle limiter does not save up slots");
        assertEquals(Duration.ofMillis(100), limiter.reserve(), "no burst after idling");
    }

    @Test
    void aPauseHoldsBackEveryLaterCaller() {
        RateLimiter limiter = limiter(1000);
        limiter.reserve();
        limiter.pauseFor(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), limiter.reserve(), "a slot after a 2 s pause waits for it");
        assertEquals(Duration.ofSeconds(2), limiter.remainingPause());
        advance(Duration.ofMillis(500));
        assertEquals(Duration.ofMillis(1500), limiter.remainingPause());
        advance(Duration.ofMillis(1500));
        assertEquals(Duration.ZERO, limiter.remainingPause());
    }

    @Test
    void aShorterPauseNeverShortensALongerOne() {
        RateLimiter limiter = limiter(1000);
        limiter.pauseFor(Duration.ofSeconds(5));
        limiter.pauseFor(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(5), limiter.remainingPause());
    }

    @Test
    void sendsBeyondTheWindowWaitForTurnsInOrder() {
        RateLimiter limiter = limiter(2); // two sends per window of 1 s + guard
        long window = Duration.ofSeconds(1).toNanos() + RateLimiter.GUARD_NANOS;
        assertEquals(Duration.ZERO, limiter.acquireSend(false));
        assertEquals(Duration.ZERO, limiter.acquireSend(false));
        assertEquals(Duration.ofNanos(window), limiter.acquireSend(false), "the third waits for the first to age out");
        assertEquals(Duration.ofNanos(window + window / 2), limiter.acquireSend(false), "the fourth comes after it");
        advance(Duration.ofNanos(window));
        assertEquals(Duration.ofNanos(window), limiter.acquireSend(false), "a newcomer does not jump the queue");
        assertEquals(Duration.ZERO, limiter.acquireSend(true), "the held request goes at its turn");
    }

    @Test
    void aHugePauseIsCutToTheLongestRetryAfterInsteadOfThrowing() {
        RateLimiter limiter = limiter(10);
        assertDoesNotThrow(() -> limiter.pauseFor(Duration.ofSeconds(9_300_000_000L)));
        assertEquals(RetryAfter.MAX, limiter.remainingPause());
        assertEquals(RetryAfter.MAX, limiter.reserve());
        assertDoesNotThrow(() -> limiter.pauseFor(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertDoesNotThrow(() -> limiter.pauseFor(
                Duration.between(Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"))));
        assertEquals(RetryAfter.MAX, limiter.remainingPause());
        assertDoesNotThrow(() -> limiter.remainingPause().toNanos());
    }

    @Test
    void aNegativePauseChangesNothing() {
        RateLimiter limiter = limiter(10);
        limiter.pauseFor(Duration.ofSeconds(-5));
        limiter.pauseFor(Duration.ofSeconds(Long.MIN_VALUE));
        assertEquals(Duration.ZERO, limiter.remainingPause());
        assertEquals(Duration.ZERO, limiter.reserve());
    }

    @Test
    void aPauseHoldsWhenTheClockWrapsAround() {
        // System.nanoTime may start anywhere, even close to Long.MAX_VALUE: times are compared by their difference
        clock.set(Long.MAX_VALUE - Duration.ofSeconds(1).toNanos());
        RateLimiter limiter = limiter(1000);
        limiter.pauseFor(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), limiter.remainingPause());
        assertEquals(Duration.ofSeconds(2), limiter.reserve());
        advance(Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(500), limiter.remainingPause());
    }

    @Test
    void slotsStaySpacedWhenTheClockWrapsAround() {
        clock.set(Long.MAX_VALUE - Duration.ofMillis(50).toNanos());
        RateLimiter limiter = limiter(10);
        assertEquals(Duration.ZERO, limiter.reserve());
        assertEquals(Duration.ofMillis(100), limiter.reserve());
        assertEquals(Duration.ofMillis(200), limiter.reserve());
    }

    @Test
    void theSendWindowHoldsWhenTheClockWrapsAround() {
        clock.set(Long.MAX_VALUE - Duration.ofMillis(50).toNanos());
        RateLimiter limiter = limiter(1);
        long window = Duration.ofSeconds(1).toNanos() + RateLimiter.GUARD_NANOS;
        assertEquals(Duration.ZERO, limiter.acquireSend(false));
        advance(Duration.ofMillis(100));
        assertEquals(Duration.ofNanos(window - Duration.ofMillis(100).toNanos()), limiter.acquireSend(false));
    }

    @Test
    void reserveWithinTakesASlotThatComesInTime() {
        RateLimiter limiter = limiter(10);
        assertEquals(Duration.ZERO, limiter.reserveWithin(Duration.ZERO));
        assertEquals(Duration.ofMillis(100), limiter.reserveWithin(Duration.ofMillis(100)), "the budget is inclusive");
        assertEquals(Duration.ofMillis(200), limiter.reserve(), "both slots were taken");
    }

    @Test
    void aRefusedCallerReservesNothing() {
        RateLimiter limiter = limiter(10);
        limiter.reserve();
        for (int i = 0; i < 5; i++) {
            assertNull(limiter.reserveWithin(Duration.ofMillis(99)), "the next slot is 100 ms away");
        }
        assertNull(limiter.reserveWithin(Duration.ofMillis(-1)));
        assertEquals(Duration.ofMillis(100), limiter.reserve(), "refused callers did not push this one back");
    }

    @Test
    void reserveWithinCountsAnActivePause() {
        RateLimiter limiter = limiter(10);
        limiter.pauseFor(Duration.ofSeconds(2));
        assertNull(limiter.reserveWithin(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(2), limiter.reserveWithin(Duration.ofSeconds(2)));
        assertEquals(Duration.ofMillis(2100), limiter.reserve());
        advance(Duration.ofMillis(2050));
        assertEquals(Duration.ofMillis(150), limiter.reserveWithin(Duration.ofMillis(150)));
    }

    @Test
    void reserveWithinTakesAnyBudget() {
        RateLimiter limiter = limiter(10);
        limiter.pauseFor(Duration.ofSeconds(9_300_000_000L));
        assertNull(limiter.reserveWithin(Duration.ofDays(364)));
        assertEquals(RetryAfter.MAX, limiter.reserveWithin(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertNull(limiter.reserveWithin(RetryAfter.MAX), "slots queued behind a pause may lie beyond it");
        assertEquals(RetryAfter.MAX.plusMillis(100), limiter.reserveWithin(RetryAfter.MAX.plusMillis(100)));
    }

    @Test
    void setRateRaisesTheRate() {
        RateLimiter limiter = limiter(2);
        assertEquals(Duration.ZERO, limiter.reserve());
        limiter.setRate(10);
        assertEquals(10, limiter.permitsPerSecond(), 1e-6);
        assertEquals(Duration.ofMillis(100), limiter.reserve(), "the next slot is one new interval after the last");
    }

    @Test
    void setRateLowersTheRate() {
        RateLimiter limiter = limiter(10);
        assertEquals(Duration.ZERO, limiter.reserve());
        limiter.setRate(2);
        assertEquals(2, limiter.permitsPerSecond(), 1e-6);
        assertEquals(Duration.ofMillis(500), limiter.reserve(), "the next slot is one new interval after the last");
        assertEquals(Duration.ofMillis(1000), limiter.reserve());
    }

    @Test
    void aRaisedRateKeepsTheSendsAlreadyMade() {
        RateLimiter limiter = limiter(2);
        long window = Duration.ofSeconds(1).toNanos() + RateLimiter.GUARD_NANOS;
        assertEquals(Duration.ZERO, limiter.acquireSend(false));
        assertEquals(Duration.ZERO, limiter.acquireSend(false));
        limiter.setRate(50);
        for (int i = 3; i <= 50; i++) {
            assertEquals(Duration.ZERO, limiter.acquireSend(false), "send " + i + " of 50 in the window");
        }
        assertEquals(Duration.ofNanos(window), limiter.acquireSend(false), "the 51st waits for the first to age out");
    }

    @Test
    void aLoweredRateKeepsTheMostRecentSends() {
        RateLimiter limiter = limiter(50);
        long window = Duration.ofSeconds(1).toNanos() + RateLimiter.GUARD_NANOS;
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, limiter.acquireSend(false));
            advance(Duration.ofMillis(1));
        }
        limiter.setRate(2); // the sends at +8 ms and +9 ms are the two that count now
        assertEquals(Duration.ofNanos(window - Duration.ofMillis(2).toNanos()), limiter.acquireSend(false));
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-1, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.NaN, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.POSITIVE_INFINITY, clock::get));
        RateLimiter limiter = limiter(10);
        assertThrows(IllegalArgumentException.class, () -> limiter.setRate(0));
        assertThrows(IllegalArgumentException.class, () -> limiter.setRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> limiter.setRate(Double.POSITIVE_INFINITY));
        assertEquals(10, limiter.permitsPerSecond(), 1e-6, "a refused rate changes nothing");
    }

    @Test
    void theOneArgumentConstructorRunsOnTheSystemClock() {
        assertEquals(Duration.ZERO, new RateLimiter(1).remainingPause());
    }
}
