// Owns: the request journal: arrival sequence numbers, the request count, and the capped list of recorded
// requests (oldest dropped first).
package dev.camelextend.simulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe; {@link #snapshot()} copies. */
final class Journal {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong requestCount = new AtomicLong();

    Journal(int capacity) {
        this.capacity = capacity;
    }

    /** Counts a request that has just arrived; returns its 1-based sequence number (never reset). */
    long arrived() {
        long seq = sequence.incrementAndGet();
        requestCount.incrementAndGet();
        return seq;
    }

    void record(RecordedRequest r) {
        synchronized (entries) {
            if (capacity <= 0) {
                return;
            }
            while (entries.size() >= capacity) {
                entries.pollFirst();
            }
            entries.addLast(r);
        }
    }

    List<RecordedRequest> snapshot() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Empties the journal and zeroes the request count; sequence numbers keep counting. */
    void clear() {
        synchronized (entries) {
            entries.clear();
            requestCount.set(0);
        }
    }

    long requestCount() {
        return requestCount.get();
    }
}
