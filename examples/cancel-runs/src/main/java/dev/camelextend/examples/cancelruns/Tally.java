package dev.camelextend.examples.cancelruns;

import java.util.EnumMap;
import java.util.Map;

/** Counts the outcomes; decides the exit code. Used from one thread (the one that prints). */
public final class Tally {

    /** Every run ended cancelled, finished first, not allowed or not found: Extend answered each one. */
    public static final int EXIT_OK = 0;
    /**
     * At least one run failed for a technical reason, was not attempted or, with {@code --wait}, had not settled when
     * the wait ran out (see the FAILED and NOT SETTLED lines); or a batch could not be finished.
     */
    public static final int EXIT_FAILED = 1;
    /** Bad command line or configuration; nothing was sent. */
    public static final int EXIT_USAGE = 2;

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final boolean waited;
    private int notAttempted;

    public Tally() {
        this(false);
    }

    /** @param waited whether each cancel waited for its run to settle ({@code --wait}): the summary then says so */
    public Tally(boolean waited) {
        this.waited = waited;
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
    }

    public void add(Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    /** Runs that were never sent because the run stopped early (Extend rejected the API key). */
    public void notAttempted(int runs) {
        notAttempted += runs;
    }

    public int count(Outcome outcome) {
        return counts.get(outcome);
    }

    public int notAttempted() {
        return notAttempted;
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int exitCode() {
        return count(Outcome.FAILED) > 0 || count(Outcome.NOT_SETTLED) > 0 || notAttempted > 0 ? EXIT_FAILED : EXIT_OK;
    }

    /**
     * {@code Cancelled 3, not allowed 4, not found 1, failed 0} (plus {@code , not attempted N} when some were); with
     * {@code --wait}, {@code Cancelled 2, finished first 1, not allowed 4, not found 1, failed 0} (plus
     * {@code , not settled N} when some were).
     */
    public String summary() {
        return "Cancelled " + count(Outcome.CANCELLED)
               + (waited ? ", finished first " + count(Outcome.FINISHED_FIRST) : "")
               + ", not allowed " + count(Outcome.NOT_ALLOWED)
               + ", not found " + count(Outcome.NOT_FOUND) + ", failed " + count(Outcome.FAILED)
               + (count(Outcome.NOT_SETTLED) > 0 ? ", not settled " + count(Outcome.NOT_SETTLED) : "")
               + (notAttempted > 0 ? ", not attempted " + notAttempted : "");
    }
}
