package dev.camelextend.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The requests handed to HttpClient and not answered yet, each with its deadline: one concurrent set that serves both
 * closing (which cancels them all) and the deadlines. While the set is not empty, one sweep every {@code period} on
 * the scheduler expires the overdue ones, instead of a timer task per request: a request's deadline is often the
 * earliest in the scheduler's queue, so a task per request would wake the scheduler thread on many calls (see
 * docs/performance.md). A deadline fires at most {@code period} late, which is fine for a backstop that already trails
 * the socket timeout.
 */
final class RequestsInFlight {

    /** One request in flight; identity equality, so two with the same due time are two entries. */
    abstract static class Request {
        private final Duration timeout;
        private volatile long dueNanos;

        Request(Duration timeout) {
            this.timeout = timeout;
        }

        /** Runs on the scheduler thread once the deadline has passed: keep it short. */
        abstract void expire();
    }

    private final ClientTime time;
    private final Duration period;
    private final Set<Request> requests = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    RequestsInFlight(ClientTime time, Duration period) {
        this.time = time;
        this.period = period;
    }

    /**
     * Registers a request; its deadline is its timeout from now, and its {@link Request#expire()} runs once that has
     * passed, unless {@link #remove} comes first.
     *
     * @throws RuntimeException when the scheduler no longer accepts work (the component is stopping)
     */
    void add(Request r) {
        r.dueNanos = time.nanosAfter(r.timeout);
        requests.add(r);
        if (sweeping.compareAndSet(false, true)) {
            try {
                time.later(period, this::sweep);
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
        long now = time.nanoTime().getAsLong();
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
                time.later(period, this::sweep);
            } catch (RuntimeException shutDown) {
                sweeping.set(false); // stopping: the HTTP client is closed too, which ends the requests left
            }
        }
    }
}
