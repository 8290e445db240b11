// Owns: Extend's per-category rate limits: which category a request counts against (GET, WRITE, RUN), a sliding
// second of its own for each, the Retry-After of a refusal, and the counters of requests checked and refused per
// category.
package dev.camelextend.simulator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Extend counts requests per category, each in its own bucket, and "hitting the limit for one category does not affect
 * the others": GET (reads), WRITE (mutating calls that submit no file: cancel, update, delete) and RUN (calls that
 * submit files: create and batch). One API key here, so one set of buckets. Real time, in nanoseconds from
 * {@link System#nanoTime()}, passed in so that tests can drive it.
 */
final class RateLimits {

    enum Category {
        GET,
        WRITE,
        RUN
    }

    private static final long SECOND = 1_000_000_000L;

    /** One category's limit, its sliding second and its counters; guarded by itself. */
    private static final class Window {
        final ArrayDeque<Long> recent = new ArrayDeque<>();
        int limit;
        long requests;
        long refused;
    }

    private final Map<Category, Window> windows = new EnumMap<>(Category.class);

    RateLimits() {
        for (Category c : Category.values()) {
            windows.put(c, new Window());
        }
    }

    /**
     * The category of a request, from its method and path: reads are GET; a POST that creates runs (to a collection,
     * or its {@code /batch}) is RUN; every other POST, and DELETE, is WRITE. Creating a webhook endpoint or
     * subscription submits no file, so it is WRITE.
     */
    static Category categoryOf(String method, String rawPath) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Category.GET;
        }
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] seg = p.substring(1).split("/", -1);
        boolean creates = (seg.length == 1 || seg.length == 2 && "batch".equals(seg[1]))
                && !seg[0].startsWith("webhook_");
        return "POST".equals(method) && creates ? Category.RUN : Category.WRITE;
    }

    /** At most {@code perSecond} requests of the category in any sliding second; 0 turns it off. Empties the window. */
    void limit(Category c, int perSecond) {
        Window w = windows.get(c);
        synchronized (w) {
            w.limit = perSecond;
            w.recent.clear();
        }
    }

    void limitAll(int perSecond) {
        for (Category c : Category.values()) {
            limit(c, perSecond);
        }
    }

    int limit(Category c) {
        Window w = windows.get(c);
        synchronized (w) {
            return w.limit;
        }
    }

    /**
     * Counts a request of the category arriving at {@code nowNanos} and lets it through if the window has room.
     *
     * @return 0 when it may pass, else the {@code Retry-After} value in whole seconds (at least 1); a refused request
     *         takes no place in the window
     */
    long acquire(Category c, long nowNanos) {
        Window w = windows.get(c);
        synchronized (w) {
            w.requests++;
            if (w.limit <= 0) {
                return 0;
            }
            long windowStart = nowNanos - SECOND;
            // bounded: each pass removes one entry, and the window never holds more than the limit
            while (!w.recent.isEmpty() && w.recent.peekFirst() <= windowStart) {
                w.recent.pollFirst();
            }
            if (w.recent.size() < w.limit) {
                w.recent.addLast(nowNanos);
                return 0;
            }
            w.refused++;
            long waitNanos = Math.max(1, w.recent.peekFirst() + SECOND - nowNanos);
            return Math.max(1, (waitNanos + SECOND - 1) / SECOND);
        }
    }

    /** Requests of the category checked since the counts were last cleared: let through or refused. */
    long requests(Category c) {
        Window w = windows.get(c);
        synchronized (w) {
            return w.requests;
        }
    }

    long refused(Category c) {
        Window w = windows.get(c);
        synchronized (w) {
            return w.refused;
        }
    }

    long refusedTotal() {
        long total = 0;
        for (Category c : Category.values()) {
            total += refused(c);
        }
        return total;
    }

    void clearCounts() {
        for (Window w : windows.values()) {
            synchronized (w) {
                w.requests = 0;
                w.refused = 0;
            }
        }
    }
}
