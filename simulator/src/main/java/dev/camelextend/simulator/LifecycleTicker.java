// Owns: settling workflow runs at the instant their lifecycle says, instead of at the next read, once webhooks are in
// use: a sweep of the due runs whenever the clock is moved, when a run is due already, and (on the system clock) when
// the next run falls due.
package dev.camelextend.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs catch up with the clock lazily, when they are read; a run nobody reads would never settle, and its webhook
 * never go out. The ticker reads the runs that are due ({@link RunIndex#catchUp(Instant)}), which is what any list
 * does first, so nothing changes about the runs themselves, only when the change is noticed.
 * <ul>
 * <li>Moving the clock ({@code advance}, {@code set}) sweeps at once in the thread that moved it, so a test's events
 * are queued when {@code advance} returns.</li>
 * <li>A run due at or before now (a cancel that loses the race with no cancel delay) asks for a sweep on the webhook
 * threads.</li>
 * <li>On the system clock one sweep is scheduled for the earliest instant due: one timer, whatever the number of runs.
 * </li>
 * </ul>
 */
final class LifecycleTicker {

    private final RunIndex<SimRun> index;
    private final SimulatorClock clock;
    private final Runnable onClockMoved = this::sweep;
    private final Object lock = new Object();
    private ScheduledExecutorService threads;
    /** the one timer: when it fires, and its future */
    private Instant wakeAt;
    private ScheduledFuture<?> wake;

    LifecycleTicker(RunIndex<SimRun> index, SimulatorClock clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * Starts ticking and sweeps once: a run that fell due before webhooks were in use settles now, before any
     * subscription exists, so it does not emit an event that belongs to the past.
     */
    void start(ScheduledExecutorService executor) {
        synchronized (lock) {
            if (threads != null) {
                return;
            }
            threads = executor;
        }
        index.onDue(this::dueAt);
        clock.addListener(onClockMoved);
        sweep();
    }

    void stop() {
        clock.removeListener(onClockMoved);
        index.onDue(null);
        synchronized (lock) {
            if (wake != null) {
                wake.cancel(false);
            }
            wake = null;
            wakeAt = null;
            threads = null;
        }
    }

    /** A run will change at {@code at}. Called while that run's lock is held: only schedules. */
    private void dueAt(Instant at) {
        Instant now = clock.now();
        if (!at.isAfter(now)) {
            wakeIn(Duration.ZERO, now);
        } else if (!clock.isManual()) {
            wakeIn(Duration.between(now, at), at);
        } // a manual clock only moves through advance or set, which sweep
    }

    /** Brings every due run up to date; on the system clock, sets the timer for the next one. */
    private void sweep() {
        index.catchUp(clock.now());
        if (!clock.isManual()) {
            Instant next = index.nextDue();
            if (next != null) {
                Instant now = clock.now();
                wakeIn(next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO, next);
            }
        }
    }

    private void timerFired() {
        synchronized (lock) {
            wake = null; // this timer is spent: the sweep may set the next one
            wakeAt = null;
        }
        sweep();
    }

    /** Keeps one timer, the earliest: a later instant asked for is covered by the sweep at the earlier one. */
    private void wakeIn(Duration delay, Instant at) {
        synchronized (lock) {
            if (threads == null || wake != null && !at.isBefore(wakeAt)) {
                return;
            }
            if (wake != null) {
                wake.cancel(false);
            }
            try {
                wakeAt = at;
                // a millisecond late rather than early: the run is due at the instant, not before it
                wake = threads.schedule(this::timerFired, delay.toNanos() + (delay.isZero() ? 0 : 1_000_000),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                wake = null;
            }
        }
    }
}
