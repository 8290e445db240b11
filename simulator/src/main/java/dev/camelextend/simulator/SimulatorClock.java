package dev.camelextend.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The clock that drives the simulated run lifecycle (PENDING → PROCESSING → final status, CANCELLING → CANCELLED)
 * and every timestamp the simulator writes into a {@code WorkflowRun}.
 * <p>
 * Two kinds:
 * <ul>
 * <li>{@link #manual(Instant)}: time stands still until a test calls {@link #advance(Duration)} or
 * {@link #set(Instant)}. The default of {@link ExtendSimulator}, so lifecycle tests are exact and fast.</li>
 * <li>{@link #system()}: the wall clock, plus whatever {@link #advance(Duration)} added. Used by the standalone
 * {@code main}, where runs should progress by themselves.</li>
 * </ul>
 * The run lifecycle is evaluated lazily: a run catches up with the clock whenever it is read (GET, list, cancel,
 * {@link ExtendSimulator#run(String)}), so advancing the clock needs no background thread.
 * <p>
 * Latency, rate limiting and {@code Retry-After} always use real time; this clock only concerns run state.
 * Thread-safe.
 */
public final class SimulatorClock {

    private final boolean manual;
    private Instant manualNow;
    private Duration offset = Duration.ZERO;
    /** told after every advance or set, outside the clock's lock (the webhook side settles the runs now due) */
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private SimulatorClock(boolean manual, Instant start) {
        this.manual = manual;
        this.manualNow = start;
    }

    /** A clock that stands still at {@code start} until advanced. */
    public static SimulatorClock manual(Instant start) {
        return new SimulatorClock(true, Objects.requireNonNull(start, "start"));
    }

    /** A clock that stands still at the current wall-clock second until advanced. */
    public static SimulatorClock manual() {
        return manual(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The wall clock (plus any {@link #advance(Duration)} offset). */
    public static SimulatorClock system() {
        return new SimulatorClock(false, null);
    }

    /** The current simulated instant. */
    public synchronized Instant now() {
        return manual ? manualNow : Instant.now().plus(offset);
    }

    /** Moves the clock forward (a manual clock) or adds an offset (a system clock). Negative durations are refused. */
    public SimulatorClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Cannot advance the clock by a negative duration: " + duration);
        }
        synchronized (this) {
            if (manual) {
                manualNow = manualNow.plus(duration);
            } else {
                offset = offset.plus(duration);
            }
        }
        moved();
        return this;
    }

    /** Sets a manual clock to {@code instant}; runs never move back to an earlier status. */
    public SimulatorClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (!manual) {
            throw new IllegalStateException("set(Instant) is only supported by a manual clock; use advance(Duration)");
        }
        synchronized (this) {
            manualNow = instant;
        }
        moved();
        return this;
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void moved() {
        listeners.forEach(Runnable::run);
    }

    /** True for a {@link #manual(Instant)} clock. */
    public boolean isManual() {
        return manual;
    }

    @Override
    public String toString() {
        return (manual ? "SimulatorClock[manual, now=" : "SimulatorClock[system, now=") + now() + "]";
    }
}
