package dev.camelextend.client;

import java.time.Duration;

/**
 * How a wait for a run to settle polls: the first poll {@code pollInterval} after the start, every
 * {@code pollInterval} during the first {@link #FAST_PHASE}, then each delay {@link #GROWTH} times the last up to
 * {@code maxPollInterval}, each spread by +/-25% - the schedule Extend's SDKs use after a create, since a cancel
 * usually settles within seconds and a run that goes on processing may take hours. At most {@code maxFailedPolls}
 * polls in a row may fail transiently (no answer, 429, 5xx after the poll's own retries) before the wait fails with
 * the last of them; the whole wait ends at {@code timeout}.
 *
 * @param timeout         how long the wait may take in all
 * @param pollInterval    the first delay, and the delay during the fast phase
 * @param maxPollInterval the longest delay between two polls
 * @param maxFailedPolls  how many polls in a row may fail transiently
 */
public record WaitSettings(Duration timeout, Duration pollInterval, Duration maxPollInterval, int maxFailedPolls) {

    /** How long polls come at {@code pollInterval} before the delays grow. */
    public static final Duration FAST_PHASE = Duration.ofSeconds(30);

    /** How much each delay grows after the fast phase. */
    public static final double GROWTH = 1.15;

    /** @throws IllegalArgumentException naming the option, for a value no wait can use */
    public WaitSettings {
        OptionRules.positive(timeout, "waitTimeout");
        OptionRules.positive(pollInterval, "pollInterval");
        OptionRules.positive(maxPollInterval, "maxPollInterval");
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maxPollInterval (" + maxPollInterval.toMillis()
                                               + " ms) must not be shorter than pollInterval ("
                                               + pollInterval.toMillis() + " ms)");
        }
        if (maxFailedPolls < 0) {
            throw new IllegalArgumentException("maxFailedPolls must be 0 or more, got " + maxFailedPolls);
        }
    }

    /**
     * The delay before the next poll, without jitter.
     *
     * @param elapsed how long the wait has run
     * @param last    the delay before the last poll, or null before the first
     */
    Duration nextDelay(Duration elapsed, Duration last) {
        if (last == null || elapsed.compareTo(FAST_PHASE) < 0) {
            return pollInterval;
        }
        long grown = Math.round(last.toMillis() * GROWTH);
        return Duration.ofMillis(Math.min(maxPollInterval.toMillis(), Math.max(grown, pollInterval.toMillis())));
    }
}
