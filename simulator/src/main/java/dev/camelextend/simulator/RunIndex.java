// Owns: the order in which lists read one kind of run: sorted sets by createdAt and by updatedAt (then ID) over all
// runs and per filter value (batch, workflow or source, status), kept current as runs change; and the instants at
// which runs will change by themselves, so that a list brings exactly those runs up to date before it reads.
package dev.camelextend.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A list page walks one sorted set from its cursor and stops after the page, instead of sorting every run per request:
 * that keeps a page of 1000 out of 100,000 runs as cheap as a page out of 1000.
 * <p>
 * Each run has a {@link Slot}; the run calls {@link Slot#update} under its own lock whenever its {@code updatedAt} or
 * status changes, so the sets never need the run's lock and a lister never needs the index's: there is no index lock
 * at all (the sets are concurrent skip lists), hence no lock-order problem between listers and changing runs.
 * Lifecycle runs change when the clock passes an instant, not when someone touches them; they register those instants
 * ({@link Slot#dueAt}) and {@link #catchUp(Instant)} applies the due ones before a list reads the sets.
 */
final class RunIndex<R extends RunIndex.Member> {

    /** What a list needs of a run. Implementations synchronize on the run; callers may hold that lock already. */
    interface Member {
        /** Applies every lifecycle change due at {@code now}. */
        void catchUp(Instant now);

        Instant updatedAt();

        String status();

        boolean fileNameContains(String part);

        /** Writes the summary a list answer holds for the run. */
        void writeSummary(JsonGenerator g) throws IOException;
    }

    /** A position in a sorted set: the sort instant, then the run ID; {@code slot} is null for a cursor. */
    record Key<R extends Member>(Instant at, String id, RunIndex<R>.Slot slot) {
    }

    private record Due<R>(Instant at, R run) {
    }

    /** sort instant, then ID; written out because composed comparators showed in the profile of seeding a batch */
    private static final Comparator<Key<?>> ORDER = (a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : a.id().compareTo(b.id());
    };
    private static final String ALL = "all";

    /** The runs of one filter value (or all runs), in both orders; {@code size} saves counting a skip list. */
    private static final class Bucket<R extends Member> {
        final NavigableSet<Key<R>> byCreated = new ConcurrentSkipListSet<>(ORDER);
        final NavigableSet<Key<R>> byUpdated = new ConcurrentSkipListSet<>(ORDER);
        final AtomicInteger size = new AtomicInteger();
    }

    private final ConcurrentHashMap<String, Bucket<R>> buckets = new ConcurrentHashMap<>();
    private final PriorityQueue<Due<R>> due = new PriorityQueue<>(Comparator.comparing(Due::at)); // guarded by itself
    private final Object catchingUp = new Object();
    /** counts every add and every change of position, so that a list can tell which runs changed since it began */
    private final AtomicLong changes = new AtomicLong();
    /** told of every instant registered, while the run's lock is held; null when nobody listens */
    private volatile Consumer<Instant> dueHook;

    /** A run's entries in the index. The fields that change are guarded by the run's lock. */
    final class Slot {
        final R run;
        final String id;
        final Instant createdAt;
        /** the filter values the run has for life, e.g. {@code batch:batch_x}, {@code workflow:workflow_y} */
        private final String[] fixedDims;
        private final Key<R> createdKey;
        private Key<R> updatedKey;
        private String status;
        /** the value of the index's change count when the run was added or last moved */
        private long changedAt;
        volatile boolean removed;

        private Slot(R run, String id, Instant createdAt, Instant updatedAt, String status, String[] fixedDims) {
            this.run = run;
            this.id = id;
            this.createdAt = createdAt;
            this.fixedDims = fixedDims;
            this.createdKey = new Key<>(createdAt, id, this);
            this.updatedKey = new Key<>(updatedAt, id, this);
            this.status = status;
            this.changedAt = changes.incrementAndGet();
        }

        /** Moves the run's entries after a change of {@code updatedAt} or status; the caller holds the run's lock. */
        void update(Instant updatedAt, String newStatus) {
            if (removed) {
                return;
            }
            boolean moved = !updatedAt.equals(updatedKey.at());
            boolean statusChanged = !newStatus.equals(status);
            if (!moved && !statusChanged) {
                return;
            }
            Key<R> oldKey = updatedKey;
            Key<R> newKey = moved ? new Key<>(updatedAt, id, this) : oldKey;
            if (moved) {
                move(bucket(ALL), oldKey, newKey);
                for (String dim : fixedDims) {
                    move(bucket(dim), oldKey, newKey);
                }
            }
            if (statusChanged) {
                leave(statusDim(status), oldKey);
                join(statusDim(newStatus), newKey);
                status = newStatus;
            } else {
                move(bucket(statusDim(status)), oldKey, newKey);
            }
            updatedKey = newKey;
            changedAt = changes.incrementAndGet();
        }

        /** True when the run was added or moved after the index's change count was {@code count}. */
        boolean changedSince(long count) {
            return changedAt > count;
        }

        /** Asks for {@link RunIndex#catchUp} to bring the run up to date once the clock reaches {@code at}. */
        void dueAt(Instant at) {
            synchronized (due) {
                due.add(new Due<>(at, run));
            }
            Consumer<Instant> hook = dueHook;
            if (hook != null) {
                hook.accept(at);
            }
        }

        /** Takes the run out of every set; later updates are ignored. The caller holds the run's lock. */
        void remove() {
            if (removed) {
                return;
            }
            removed = true;
            leave(ALL, updatedKey);
            for (String dim : fixedDims) {
                leave(dim, updatedKey);
            }
            leave(statusDim(status), updatedKey);
        }

        /** True when the run has every one of these fixed filter values. */
        boolean hasAll(List<String> dims) {
            for (String dim : dims) {
                boolean found = false;
                for (String own : fixedDims) {
                    found |= own.equals(dim);
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private void join(String dim, Key<R> updated) {
            Bucket<R> b = bucket(dim);
            b.byCreated.add(createdKey);
            b.byUpdated.add(updated);
            b.size.incrementAndGet();
        }

        private void leave(String dim, Key<R> updated) {
            Bucket<R> b = buckets.get(dim);
            if (b != null && b.byCreated.remove(createdKey)) {
                b.byUpdated.remove(updated);
                b.size.decrementAndGet();
            }
        }

        private void move(Bucket<R> b, Key<R> from, Key<R> to) {
            if (b.byUpdated.remove(from)) {
                b.byUpdated.add(to);
            }
        }
    }

    /**
     * Indexes a new run in its current state. The caller holds the run's lock, so no change of the run can slip in
     * before the slot is in place.
     *
     * @param fixedDims filter values the run keeps for life, made with {@link #dim(String, String)}
     */
    Slot add(R run, String id, Instant createdAt, Instant updatedAt, String status, String... fixedDims) {
        Slot slot = new Slot(run, id, createdAt, updatedAt, status, fixedDims);
        slot.join(ALL, slot.updatedKey);
        for (String dim : fixedDims) {
            slot.join(dim, slot.updatedKey);
        }
        slot.join(statusDim(status), slot.updatedKey);
        return slot;
    }

    /** A filter value such as {@code dim("batch", "batch_x")}; null when {@code value} is null. */
    static String dim(String name, String value) {
        return value == null ? null : name + ":" + value;
    }

    static String statusDim(String status) {
        return "status:" + status;
    }

    /**
     * The keys after {@code after} (from the start when null), in the order asked, of the smallest set among
     * {@code dims} (all runs when empty). The caller checks the other filters: the walk may also meet keys that are
     * stale (the run moved, or was removed) since the sets are read without any lock.
     */
    Iterable<Key<R>> scan(boolean byCreated, boolean descending, Key<R> after, List<String> dims) {
        Bucket<R> smallest = null;
        for (String dim : dims.isEmpty() ? List.of(ALL) : dims) {
            Bucket<R> b = buckets.get(dim);
            if (b == null) {
                return List.of();
            }
            if (smallest == null || b.size.get() < smallest.size.get()) {
                smallest = b;
            }
        }
        NavigableSet<Key<R>> set = byCreated ? smallest.byCreated : smallest.byUpdated;
        if (descending) {
            return after == null ? set.descendingSet() : set.headSet(after, false).descendingSet();
        }
        return after == null ? set : set.tailSet(after, false);
    }

    /**
     * Brings every run with a change due by {@code now} up to date, so that the sets are in order for a list read at
     * {@code now}. Serialized, so that a second lister does not read while the first is still applying; bounded by the
     * entries due when it starts (a run registering meanwhile is caught up by the next list or when it is read).
     */
    void catchUp(Instant now) {
        synchronized (catchingUp) {
            int budget;
            synchronized (due) {
                budget = due.size();
            }
            for (int i = 0; i < budget; i++) {
                Due<R> d;
                synchronized (due) {
                    d = due.peek();
                    if (d == null || d.at().isAfter(now)) {
                        return;
                    }
                    due.poll();
                }
                d.run().catchUp(now); // outside the queue's lock: a run registers new instants under its own lock
            }
        }
    }

    /**
     * Tells {@code hook} of every instant a run registers from now on (null: nobody), so that something can bring the
     * run up to date then instead of at the next list. The hook is called while the run's lock is held.
     */
    void onDue(Consumer<Instant> hook) {
        dueHook = hook;
    }

    /** The earliest instant registered and not yet caught up with, or null. */
    Instant nextDue() {
        synchronized (due) {
            Due<R> d = due.peek();
            return d == null ? null : d.at();
        }
    }

    /** The number of adds and moves so far: a list records it when it begins. */
    long changeCount() {
        return changes.get();
    }

    /** Every indexed run, oldest first (createdAt, then ID). */
    List<R> inCreationOrder() {
        Bucket<R> all = buckets.get(ALL);
        List<R> out = new ArrayList<>(all == null ? 0 : all.size.get());
        if (all != null) {
            for (Key<R> k : all.byCreated) {
                if (!k.slot().removed) {
                    out.add(k.slot().run);
                }
            }
        }
        return out;
    }

    /** Forgets every run; meant for test set-up, not to race with requests on the same runs. */
    void clear() {
        Bucket<R> all = buckets.get(ALL);
        if (all != null) {
            all.byCreated.forEach(k -> k.slot().removed = true);
        }
        buckets.clear();
        synchronized (due) {
            due.clear();
        }
    }

    private Bucket<R> bucket(String dim) {
        return buckets.computeIfAbsent(dim, d -> new Bucket<>());
    }
}
