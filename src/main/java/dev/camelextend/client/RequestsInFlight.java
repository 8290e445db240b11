package dev.camelextend.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The requests handed to HttpClient and not answered yet, each with its deadline: one concurrent set that serves both
 * {@link ExtendClient#close()} (which cancels them all) and the deadlines, without a timer task per request. While the
 * set is not empty, one sweep every {@code periodMillis} on the scheduler thread expires the overdue ones. A timer task
 * per request would wake the scheduler thread (and take its queue's lock twice) on many calls, since a request's
 * deadline is often the earliest in the queue; measured at one call in flight, the scheduler thread woke for 0.26-0.40
 * of the calls. A deadline fires at most {@code periodMillis} late, which is fine for a backstop that already trails
 * the socket timeout.
 */
final class RequestsInFlight {

    /** One request in flight; identity equality, so two with the same due time are two entries. */
    abstract static class Request {
        private final long dueNanos;

        Request(long timeoutMillis) {
            this.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }

        /** Runs on the scheduler thread once the deadline has passed: keep it short. */
        abstract void expire();
    }

    private final ScheduledExecutorService scheduler;
    private final long periodMillis;
    private final Set<Request> requests = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    RequestsInFlight(ScheduledExecutorService scheduler, long periodMillis) {
        this.scheduler = scheduler;
        this.periodMillis = periodMillis;
    }

    /**
     * Registers a request; its {@link Request#expire()} runs once its deadline has passed, unless {@link #remove}
     * comes first.
     *
     * @throws RuntimeException when the scheduler no longer accepts work (the component is stopping)
     */
    void add(Request r) {
        requests.add(r);
        if (sweeping.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::sweep, periodMillis, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                sweeping.set(false);
                requests.remove(r);
                throw shutDown;
            }
        }
    }

    void remove(Request r) {
        requests.remove(r);
    }

    void forEach(Consumer<Request> action) {
        requests.forEach(action);
    }

    int size() {
        return requests.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Request r : requests) {
            if (now - r.dueNanos >= 0 && requests.remove(r)) {
                try {
                    r.expire();
                } catch (RuntimeException e) {
                    // one failing expiry must not stop the others
                }
            }
        }
        sweeping.set(false);
        // a request registered after the loop either saw sweeping=true (and relies on this check) or schedules itself
        if (!requests.isEmpty() && sweeping.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::sweep, periodMillis, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                sweeping.set(false); // stopping: the HTTP client is closed too, which ends the requests left
            }
        }
    }
}
