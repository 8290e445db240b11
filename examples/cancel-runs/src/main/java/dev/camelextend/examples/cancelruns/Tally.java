package dev.camelextend.examples.cancelruns;

import java.util.EnumMap;
import java.util.Map;

/** Counts the outcomes; decides the exit code. Used from one thread (the one that prints). */
public final class Tally {

    /** Every run ended cancelled, not allowed or not found: Extend answered each one. */
    public static final int EXIT_OK = 0;
    /** At least one run failed for a technical reason (or was not attempted): see the FAILED lines. */
    public static final int EXIT_FAILED = 1;
    /** Bad command line or configuration; nothing was sent. */
    public static final int EXIT_USAGE = 2;

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private int notAttempted;

    public Tally() {
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
        return count(Outcome.FAILED) > 0 || notAttempted > 0 ? EXIT_FAILED : EXIT_OK;
    }

    /** {@code Cancelled 3, not allowed 4, not found 1, failed 0} (plus {@code , not attempted N} when some were). */
    public String summary() {
        return "Cancelled " + count(Outcome.CANCELLED) + ", not allowed " + count(Outcome.NOT_ALLOWED)
               + ", not found " + count(Outcome.NOT_FOUND) + ", failed " + count(Outcome.FAILED)
               + (notAttempted > 0 ? ", not attempted " + notAttempted : "");
    }
}
