// Owns: the journal of webhook deliveries: the capped list of attempts (oldest dropped first) and waiting, with a
// bound, until enough of them are there.
package dev.camelextend.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Thread-safe; snapshots are copies. */
final class WebhookJournal {

    static final int CAPACITY = 10_000;
    /** the longest wait {@link #await} accepts: a test that waits longer has a bug, not a slow delivery */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final ArrayDeque<WebhookDelivery> entries = new ArrayDeque<>();

    synchronized void record(WebhookDelivery d) {
        while (entries.size() >= CAPACITY) {
            entries.pollFirst();
        }
        entries.addLast(d);
        notifyAll();
    }

    synchronized List<WebhookDelivery> snapshot() {
        return List.copyOf(entries);
    }

    /**
     * Waits until at least {@code count} entries match, or {@code timeout} has passed, or the thread is interrupted
     * (its flag stays set); returns the matching entries either way.
     */
    synchronized List<WebhookDelivery> await(Predicate<? super WebhookDelivery> which, int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (timeout == null || timeout.isNegative() || timeout.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("timeout must be within 0.." + MAX_WAIT + ", got " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<WebhookDelivery> matching = matching(which);
            long left = deadline - System.nanoTime();
            if (matching.size() >= count || left <= 0) {
                return matching;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching(which);
            }
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    private List<WebhookDelivery> matching(Predicate<? super WebhookDelivery> which) {
        List<WebhookDelivery> out = new ArrayList<>();
        for (WebhookDelivery d : entries) {
            if (which.test(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
