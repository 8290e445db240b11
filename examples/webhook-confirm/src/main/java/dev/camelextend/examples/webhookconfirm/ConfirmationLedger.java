// Owns: the application's whole state: for each run asked for, what its cancel got and which webhook event settled it,
// and the counts of deliveries, dropped duplicates and events about nothing asked for. Thread-safe (one lock) and
// bounded (the runs are fixed when it is made; events about other runs only count).
package dev.camelextend.examples.webhookconfirm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Written by the two routes, read by the application. The cancel route records each run's {@link Cancel} outcome; the
 * webhook route records each first delivery of an event ({@link #cancelledEvent}, {@link #otherEvent}) and each
 * duplicate it dropped. An event can arrive before the answer to its own cancel (Extend may deliver it while the
 * cancel's answer is still on its way), so the runs are known from the start and either may come first.
 * <p>
 * A run whose cancel was accepted is <em>confirmed</em> by a {@code workflow_run.cancelled} event about it. Any other
 * settling event ({@code workflow_run.completed}, {@code .failed}, {@code .needs_review}, {@code .rejected}) means the
 * run finished while its cancel was in flight: its outcome is known, but it was not cancelled.
 */
public final class ConfirmationLedger {

    /** The most runs one ledger tracks: the command line refuses more, so the state stays bounded. */
    public static final int MAX_RUNS = 10_000;

    public static final String CANCELLED_EVENT = "workflow_run.cancelled";

    /** The events that say a run settled some other way than cancelled. */
    static final List<String> FINISHED_EVENTS = List.of("workflow_run.completed", "workflow_run.failed",
            "workflow_run.needs_review", "workflow_run.rejected");

    /** What the cancel of one run got. */
    public enum Cancel {
        /** not answered yet */
        SENDING,
        /** Extend accepted it: the run is CANCELLING or CANCELLED, and its event is expected */
        ACCEPTED,
        /** Extend refused it: the run had finished (or was cancelled) already; no event is expected */
        NOT_ALLOWED,
        /** Extend knows no such run */
        NOT_FOUND,
        /** the call failed; Extend's answer is unknown */
        FAILED
    }

    /**
     * One run as the ledger holds it at one moment (a copy).
     *
     * @param status        the run's status after the cancel (CANCELLING, CANCELLED, or what a refused run is), or null
     * @param error         for {@link Cancel#FAILED}, what failed
     * @param eventId       the first event that settled the run, or null
     * @param eventType     that event's type
     * @param confirmations how many {@code workflow_run.cancelled} deliveries about the run were processed: 1 when the
     *                      idempotent consumer does its work, however often Extend delivered the event
     */
    public record RunState(String runId, Cancel cancel, String status, String error, String eventId, String eventType,
            int confirmations) {

        /** Whether a {@code workflow_run.cancelled} event confirmed the cancel. */
        public boolean confirmed() {
            return cancel == Cancel.ACCEPTED && CANCELLED_EVENT.equals(eventType);
        }

        /** Whether the cancel was accepted but the run's event says it finished some other way. */
        public boolean finishedFirst() {
            return cancel == Cancel.ACCEPTED && eventType != null && !CANCELLED_EVENT.equals(eventType);
        }

        /** Whether nothing more is to come for this run: its cancel was answered and, if accepted, an event came. */
        public boolean settled() {
            return cancel != Cancel.SENDING && (cancel != Cancel.ACCEPTED || eventType != null);
        }
    }

    /** The delivery counts of the webhook route. */
    public record Deliveries(int received, int duplicatesDropped, int otherEvents) {
    }

    private static final class Entry {
        Cancel cancel = Cancel.SENDING;
        String status;
        String error;
        String eventId;
        String eventType;
        int confirmations;
    }

    private final Map<String, Entry> runs = new LinkedHashMap<>();
    private int received;
    private int duplicatesDropped;
    private int otherEvents;

    /** A ledger for these runs, in this order (duplicates count once). */
    public ConfirmationLedger(Collection<String> runIds) {
        if (runIds.size() > MAX_RUNS) {
            throw new IllegalArgumentException("at most " + MAX_RUNS + " runs, got " + runIds.size());
        }
        for (String id : runIds) {
            runs.put(id, new Entry());
        }
    }

    // ---- the cancel route ----

    public synchronized void accepted(String runId, String status) {
        answered(runId, Cancel.ACCEPTED, status, null);
    }

    public synchronized void notAllowed(String runId, String status) {
        answered(runId, Cancel.NOT_ALLOWED, status, null);
    }

    public synchronized void notFound(String runId) {
        answered(runId, Cancel.NOT_FOUND, null, null);
    }

    public synchronized void failed(String runId, String error) {
        answered(runId, Cancel.FAILED, null, error);
    }

    private void answered(String runId, Cancel cancel, String status, String error) {
        Entry e = entry(runId);
        e.cancel = cancel;
        e.status = status;
        e.error = error;
        notifyAll();
    }

    private Entry entry(String runId) {
        Entry e = runs.get(runId);
        if (e == null) {
            throw new IllegalArgumentException("not a run of this ledger: " + runId);
        }
        return e;
    }

    // ---- the webhook route ----

    /** A delivery reached the route (before the idempotent consumer: duplicates count here too). */
    public synchronized void delivered() {
        received++;
    }

    /** The idempotent consumer dropped a delivery of an event it had processed already. */
    public synchronized void duplicateDropped() {
        duplicatesDropped++;
    }

    /**
     * The first delivery of a {@code workflow_run.cancelled} event: it confirms the run's cancel, when the run is one
     * of the ledger's (counted in {@link RunState#confirmations()}); an event about another run is only counted.
     *
     * @param runId the run the event is about, or null when it names none
     */
    public synchronized void cancelledEvent(String eventId, String runId) {
        Entry e = runId == null ? null : runs.get(runId);
        if (e == null) {
            otherEvents++;
            return;
        }
        e.confirmations++;
        settle(e, eventId, CANCELLED_EVENT);
    }

    /**
     * The first delivery of any other event. One of {@link #FINISHED_EVENTS} about a run of the ledger settles it (the
     * run finished while its cancel was in flight); every other is only counted.
     */
    public synchronized void otherEvent(String eventId, String eventType, String runId) {
        Entry e = runId == null ? null : runs.get(runId);
        if (e == null || !FINISHED_EVENTS.contains(eventType)) {
            otherEvents++;
            return;
        }
        settle(e, eventId, eventType);
    }

    /** The first event that settles a run is the one it keeps. */
    private void settle(Entry e, String eventId, String eventType) {
        if (e.eventType == null) {
            e.eventId = eventId;
            e.eventType = eventType;
            notifyAll();
        }
    }

    // ---- the application ----

    /** The run now. */
    public synchronized RunState state(String runId) {
        return snapshot(runId, entry(runId));
    }

    /** Every run now, in the order given. */
    public synchronized List<RunState> states() {
        List<RunState> all = new ArrayList<>(runs.size());
        runs.forEach((id, e) -> all.add(snapshot(id, e)));
        return all;
    }

    /**
     * Waits until the run is {@link RunState#settled() settled} or {@code deadlineNanos} (of {@link System#nanoTime()})
     * has passed, and returns it either way.
     */
    public synchronized RunState await(String runId, long deadlineNanos) throws InterruptedException {
        Entry e = entry(runId);
        RunState s = snapshot(runId, e);
        while (!s.settled()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            s = snapshot(runId, e);
        }
        return s;
    }

    public synchronized Deliveries deliveries() {
        return new Deliveries(received, duplicatesDropped, otherEvents);
    }

    private static RunState snapshot(String runId, Entry e) {
        return new RunState(runId, e.cancel, e.status, e.error, e.eventId, e.eventType, e.confirmations);
    }
}
