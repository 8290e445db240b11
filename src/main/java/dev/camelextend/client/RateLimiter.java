package dev.camelextend.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A non-blocking request pacer: callers ask for a slot and are told how long to wait before sending; nobody sleeps.
 * Slots are spaced evenly at the configured rate (no burst). Right before sending, {@link #acquireSend} checks the
 * actual send times: no more than {@code floor(rate)} requests leave within any window of one second plus a small
 * guard, so a sliding one-second window on Extend's side stays at or under the limit even when the thread that sends
 * ran late and would otherwise send several overdue slots back to back. A 429 with {@code Retry-After}
 * {@link #pauseFor pauses} every caller until it has passed: one rate-limited exchange holds back all of them, instead
 * of each finding out on its own.
 * <p>
 * Time comes from an injected monotonic nanosecond source, so tests run in virtual time. Its readings are compared by
 * their difference, never directly, as {@link System#nanoTime} requires: it may start anywhere, even close to
 * {@code Long.MAX_VALUE}. The rate can change while the limiter is in use ({@link #setRate}), because
 * {@link RateLimiters} shares one limiter among endpoints that ask for different rates.
 */
public final class RateLimiter {

    /**
     * How much longer than one second the window of actual sends is. It absorbs the time between a send here and the
     * moment Extend counts the request (I/O threads, the network, the server's own queue), which varies from request
     * to request; without it, requests sent exactly one interval apart are often counted one too many in a second by
     * a sliding window, and each such 429 pauses every caller for a whole Retry-After. It costs 5% of the nominal rate.
     */
    static final long GUARD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1) + GUARD_NANOS;
    private static final long MAX_PAUSE_NANOS = RetryAfter.MAX.toNanos();
    /** The longest Duration that {@link Duration#toNanos} can take. */
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    /** Monotonic nanoseconds: {@link System#nanoTime} in production, a fake clock in tests. */
    private final LongSupplier nanoTime;
    private long intervalNanos;
    /**
     * The last slot handed out; the next one is an interval after it (at the interval in force when it is asked for,
     * so a rate change applies from the very next slot). It starts long before the first call: no slot yet.
     */
    private long lastSlotNanos;
    private long pausedUntilNanos;
    /** Ring of the last {@code floor(rate)} actual send times. */
    private long[] sentAt;
    /** How many sends were recorded; the next one goes to {@code sentAt[sent % sentAt.length]}. */
    private long sent;
    /** The turn handed to the next request held by {@link #acquireSend}: held requests go one by one, in order. */
    private long turnNanos;

    /** @param permitsPerSecond the sustained rate; must be positive and finite */
    public RateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime);
    }

    /**
     * @param permitsPerSecond the sustained rate; must be positive and finite
     * @param nanoTime         the monotonic nanosecond source every wait is measured on (as {@link System#nanoTime})
     */
    public RateLimiter(double permitsPerSecond, LongSupplier nanoTime) {
        checkRate(permitsPerSecond);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        long now = nanoTime.getAsLong();
        this.intervalNanos = interval(permitsPerSecond);
        this.lastSlotNanos = now - MAX_PAUSE_NANOS;
        this.pausedUntilNanos = now;
        this.turnNanos = now;
        this.sentAt = new long[burst(permitsPerSecond)];
    }

    /** An infinite rate would ask for a ring of {@code Integer.MAX_VALUE} send times. */
    static void checkRate(double permitsPerSecond) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive and finite, was " + permitsPerSecond);
        }
    }

    private static long interval(double permitsPerSecond) {
        return (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
    }

    /** How many requests may leave within one window: the whole requests of the rate, at least one. */
    private static int burst(double permitsPerSecond) {
        return (int) Math.max(1, Math.floor(permitsPerSecond));
    }

    public synchronized double permitsPerSecond() {
        return TimeUnit.SECONDS.toNanos(1) / (double) intervalNanos;
    }

    /**
     * Sets the rate, higher or lower: {@link RateLimiters} keeps it at the lowest rate among the live leases. The next
     * slot is one new interval after the last one handed out. The ring of send times takes the new burst: when it
     * grows, every recorded send is kept (they still count in their window); when it shrinks, the most recent ones.
     */
    synchronized void setRate(double permitsPerSecond) {
        checkRate(permitsPerSecond);
        intervalNanos = interval(permitsPerSecond);
        int burst = burst(permitsPerSecond);
        if (burst != sentAt.length) {
            // keep the most recent send times, oldest first
            long[] ring = new long[burst];
            long kept = Math.min(Math.min(sent, sentAt.length), burst);
            for (int i = 0; i < kept; i++) {
                ring[i] = sentAt[(int) ((sent - kept + i) % sentAt.length)];
            }
            sentAt = ring;
            sent = kept;
        }
    }

    /**
     * The last check before a request whose slot has come is sent. Counted on actual send times, at most
     * {@code floor(rate)} requests leave within any window of one second plus {@link #GUARD_NANOS}. A request that
     * would exceed that is given a turn instead: held requests go one by one, {@code window / floor(rate)} apart, in
     * the order they were held.
     *
     * @param  hasTurn true when the caller was held here before and now comes back at its turn
     * @return         zero when the request may be sent now (its send time is then recorded), else how long to wait
     *                 before asking again with {@code hasTurn = true}
     */
    public synchronized Duration acquireSend(boolean hasTurn) {
        long now = nanoTime.getAsLong();
        int next = (int) (sent % sentAt.length);
        long free = sent >= sentAt.length ? sentAt[next] + WINDOW_NANOS : now;
        if (free - now <= 0 && (hasTurn || turnNanos - now <= 0)) {
            sentAt[next] = now;
            sent++;
            return Duration.ZERO;
        }
        long turn = later(free, turnNanos);
        turnNanos = turn + WINDOW_NANOS / sentAt.length;
        return Duration.ofNanos(turn - now);
    }

    /** Reserves the next slot. @return how long to wait before sending, zero when the caller may send now */
    public synchronized Duration reserve() {
        long now = nanoTime.getAsLong();
        long slot = nextSlot(now);
        lastSlotNanos = slot;
        return Duration.ofNanos(slot - now);
    }

    /**
     * Reserves the next slot only if it comes within {@code maxWait}, counting any pause in force, so that a caller
     * with a time budget never takes a slot it cannot use. The actual-send check of {@link #acquireSend} still applies
     * when the slot comes.
     *
     * @return how long to wait before sending (zero up to {@code maxWait}) with the slot reserved; or null when the
     *         slot is further away (or {@code maxWait} is negative), and then nothing is reserved: the schedule is
     *         unchanged, so a refused caller does not push later ones back
     */
    public synchronized Duration reserveWithin(Duration maxWait) {
        if (maxWait.isNegative()) {
            return null;
        }
        long now = nanoTime.getAsLong();
        long slot = nextSlot(now);
        long wait = slot - now;
        long budget = maxWait.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : maxWait.toNanos();
        if (wait > budget) {
            return null;
        }
        lastSlotNanos = slot;
        return Duration.ofNanos(wait);
    }

    /** The next free slot: an interval after the last one, not before now, not within a pause. */
    private long nextSlot(long now) {
        return later(later(lastSlotNanos + intervalNanos, now), pausedUntilNanos);
    }

    /** @return how long a reserved slot must still wait because of a pause imposed after it was reserved */
    public synchronized Duration remainingPause() {
        long left = pausedUntilNanos - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Holds back every caller for {@code delay} (from a 429's {@code Retry-After}). A longer pause than
     * {@link RetryAfter#MAX} is cut to it (a wait that long is the same as forever, and the sum stays well inside a
     * {@code long}); a negative one changes nothing; a shorter one never shortens a pause already in force.
     */
    public synchronized void pauseFor(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return;
        }
        long nanos = delay.compareTo(RetryAfter.MAX) >= 0 ? MAX_PAUSE_NANOS : delay.toNanos();
        pausedUntilNanos = later(pausedUntilNanos, nanoTime.getAsLong() + nanos);
    }

    /** The later of two clock readings, compared by their difference (see the class comment). */
    private static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }
}
