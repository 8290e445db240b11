package dev.camelextend.client;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The client's only sources of time: the scheduler that runs every wait (backoff, rate-limit slot, deadline sweep),
 * the monotonic clock that budgets and deadlines are measured on, and the wall clock an HTTP-date {@code Retry-After}
 * counts from. Production uses the system's; tests pass a virtual scheduler and its clock, so that every time rule is
 * a unit test that neither sleeps nor allows for slack.
 *
 * @param scheduler runs delayed steps; owned by whoever created it
 * @param nanoTime  monotonic nanoseconds, as {@link System#nanoTime()}
 * @param wallClock the current date, for {@code Retry-After: <HTTP-date>}
 */
record ClientTime(ScheduledExecutorService scheduler, LongSupplier nanoTime, Clock wallClock) {

    static ClientTime system(ScheduledExecutorService scheduler) {
        return new ClientTime(scheduler, System::nanoTime, Clock.systemUTC());
    }

    /** The monotonic time {@code delay} from now. */
    long nanosAfter(Duration delay) {
        return nanoTime.getAsLong() + delay.toNanos();
    }

    /**
     * Runs {@code step} after {@code delay}; no thread waits meanwhile.
     *
     * @return the scheduled step, to drop it when it is no longer needed (a wait's deadline)
     * @throws java.util.concurrent.RejectedExecutionException when the scheduler has been shut down
     */
    ScheduledFuture<?> later(Duration delay, Runnable step) {
        return scheduler.schedule(step, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
