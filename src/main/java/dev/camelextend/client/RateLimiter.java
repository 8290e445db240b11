package dev.camelextend.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A non-blocking request pacer: callers ask for a slot and are told how long to wait before sending; nobody sleeps.
 * Slots are spaced evenly at the configured rate (no burst), which keeps a sliding one-second window on Extend's side
 * at or under the limit. A 429 with {@code Retry-After} {@link #pauseFor pauses} every caller until it has passed:
 * one rate-limited exchange holds back all of them, instead of each finding out on its own.
 */
public final class RateLimiter {

    private long intervalNanos;
    private long nextFreeNanos;
    private long pausedUntilNanos;

    /** @param permitsPerSecond the sustained rate; must be positive */
    public RateLimiter(double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.nextFreeNanos = System.nanoTime();
        this.pausedUntilNanos = nextFreeNanos;
    }

    public synchronized double permitsPerSecond() {
        return TimeUnit.SECONDS.toNanos(1) / (double) intervalNanos;
    }

    /** Lowers the rate to {@code permitsPerSecond} if that is below the current one; never raises it. */
    synchronized void capAt(double permitsPerSecond) {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        if (interval > intervalNanos) {
            intervalNanos = interval;
        }
    }

    /** Reserves the next slot. @return how long to wait before sending, zero when the caller may send now */
    public synchronized Duration reserve() {
        long now = System.nanoTime();
        long slot = Math.max(Math.max(nextFreeNanos, now), pausedUntilNanos);
        nextFreeNanos = slot + intervalNanos;
        return Duration.ofNanos(slot - now);
    }

    /** @return how long a reserved slot must still wait because of a pause imposed after it was reserved */
    public synchronized Duration remainingPause() {
        long now = System.nanoTime();
        return pausedUntilNanos > now ? Duration.ofNanos(pausedUntilNanos - now) : Duration.ZERO;
    }

    /** Holds back every caller for {@code delay} (from a 429's {@code Retry-After}). */
    public synchronized void pauseFor(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        if (until > pausedUntilNanos) {
            pausedUntilNanos = until;
        }
        if (nextFreeNanos < pausedUntilNanos) {
            nextFreeNanos = pausedUntilNanos;
        }
    }
}
