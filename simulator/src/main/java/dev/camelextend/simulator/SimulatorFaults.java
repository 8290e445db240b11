package dev.camelextend.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Fault injection and rate limiting of an {@link ExtendSimulator}, switchable at run time from any thread.
 * <p>
 * Every request is checked in this order (a one-shot {@link ExtendSimulator#respondNext scripted response} comes
 * before all of them):
 * <ol>
 * <li>never answer ({@link #neverAnswerRate(double)}): the exchange is held open without a byte of response until
 * {@link ExtendSimulator#reset()} or {@link ExtendSimulator#close()} closes its connection ({@link #clear()} only stops
 * holding new ones); clients see their own timeout;</li>
 * <li>connection reset ({@link #resetAfterRequestRate(double)}): the request is read completely, then the connection
 * is closed without an HTTP response (see {@link ExtendSimulator} for what a client sees);</li>
 * <li>5xx ({@link #serverErrorRate(double)}): the documented {@code INTERNAL_ERROR} body with
 * {@link #serverErrorStatus(int)};</li>
 * <li>the simulated API itself (authentication, version header, {@link #rateLimit(String, int) rate limits},
 * routes);</li>
 * <li>malformed body ({@link #malformedBodyRate(double)}): a 2xx answer keeps its status and JSON content type but
 * its body is cut in half, so it is not valid JSON.</li>
 * </ol>
 * By default an injected fault replaces the request entirely: the simulated API never sees it, so no state changes.
 * With {@link #processBeforeFault(boolean) processBeforeFault(true)} the request is processed first (a cancel takes
 * effect) and only the answer is lost or replaced: the "did my retried cancel already succeed?" case.
 * <p>
 * {@link #latency(Duration)} delays every answer (also errors and resets) without blocking a server thread.
 * <p>
 * The random draws come from a {@link Random} seeded with the simulator's seed, re-seeded by {@link #clear()}, so a
 * single-threaded test sees the same faults on every run. Each rate is only drawn when it is above zero.
 * <p>
 * {@link #cancelLosesRaceRate(double)} is not a fault of the request but of the outcome: an accepted cancel that the
 * run finishes before, as Extend's cancellation is best-effort. {@link #duplicateWebhookRate(double)} is a fault of
 * the webhook deliveries the simulator sends, not of the requests it answers.
 */
public final class SimulatorFaults {

    private final long seed;
    private Random random;

    private volatile Duration latencyMin = Duration.ZERO;
    private volatile Duration latencyMax = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile int serverErrorStatus = 500;
    private volatile double resetAfterRequestRate;
    private volatile double neverAnswerRate;
    private volatile double malformedBodyRate;
    private volatile boolean processBeforeFault;
    private volatile double cancelLosesRaceRate;
    private volatile double duplicateWebhookRate;
    private final RateLimits rateLimits = new RateLimits();

    /** The rate-limit categories of {@link #rateLimit(String, int)}: reads, writes that submit no file, and runs. */
    public static final List<String> RATE_CATEGORIES = List.of("GET", "WRITE", "RUN");

    SimulatorFaults(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A fixed delay before every answer; {@link Duration#ZERO} turns it off. */
    public SimulatorFaults latency(Duration latency) {
        return latency(latency, latency);
    }

    /** A delay drawn uniformly from {@code [min, max]} before every answer. */
    public SimulatorFaults latency(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + ".." + max);
        }
        synchronized (this) {
            latencyMin = min;
            latencyMax = max;
        }
        return this;
    }

    /** Share (0..1) of requests answered with an injected 5xx. */
    public SimulatorFaults serverErrorRate(double rate) {
        serverErrorRate = checkRate(rate, "serverErrorRate");
        return this;
    }

    /** The status of injected server errors, 500 by default (500..599). */
    public SimulatorFaults serverErrorStatus(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("serverErrorStatus must be 5xx, got " + status);
        }
        serverErrorStatus = status;
        return this;
    }

    /** Share (0..1) of requests whose connection is closed after the request was read, with no HTTP answer. */
    public SimulatorFaults resetAfterRequestRate(double rate) {
        resetAfterRequestRate = checkRate(rate, "resetAfterRequestRate");
        return this;
    }

    /** Share (0..1) of requests that are accepted and never answered. */
    public SimulatorFaults neverAnswerRate(double rate) {
        neverAnswerRate = checkRate(rate, "neverAnswerRate");
        return this;
    }

    /** Share (0..1) of 2xx answers whose body is replaced by malformed (truncated) JSON. */
    public SimulatorFaults malformedBodyRate(double rate) {
        malformedBodyRate = checkRate(rate, "malformedBodyRate");
        return this;
    }

    /** When true, a faulted request is still processed by the simulated API before its answer is lost or replaced. */
    public SimulatorFaults processBeforeFault(boolean process) {
        processBeforeFault = process;
        return this;
    }

    /**
     * Share (0..1) of accepted workflow-run cancels that lose the race with the run: they answer 200 with CANCELLING,
     * and when the cancel delay ends the run is its planned outcome (PROCESSED for a seeded run) instead of CANCELLED,
     * as {@link ExtendSimulator#cancelLosesRace(String, String)} does for one run. Whether a run loses is drawn from
     * the seed and the run ID, so the same runs lose whatever the order of the cancels.
     */
    public SimulatorFaults cancelLosesRaceRate(double rate) {
        cancelLosesRaceRate = checkRate(rate, "cancelLosesRaceRate");
        return this;
    }

    /**
     * Share (0..1) of webhook deliveries sent twice: the same event ID and body, as two separate deliveries with their
     * own signature timestamp and retries, as Extend may ("duplicates are possible; deduplicate on eventId"). For one
     * delivery see {@link ExtendSimulator#duplicateNextWebhook()}.
     */
    public SimulatorFaults duplicateWebhookRate(double rate) {
        duplicateWebhookRate = checkRate(rate, "duplicateWebhookRate");
        return this;
    }

    /**
     * Every category ({@link #RATE_CATEGORIES}) at this rate, each in a bucket of its own: see
     * {@link #rateLimit(String, int)}. 0 turns the limits off.
     */
    public SimulatorFaults rateLimit(int perSecond) {
        rateLimits.limitAll(checkLimit(perSecond));
        return this;
    }

    /**
     * At most {@code perSecond} requests of the category in any sliding second (real time) are let through to the API;
     * the others get 429 {@code RATE_LIMIT_EXCEEDED} with a {@code Retry-After} header in whole seconds. As Extend
     * counts, each category has its own bucket and hitting one limit does not affect the others:
     * <ul>
     * <li>{@code GET}: reads (get a run, list runs);</li>
     * <li>{@code WRITE}: calls that change something without submitting a file (cancel, update, delete);</li>
     * <li>{@code RUN}: calls that submit files ({@code POST /workflow_runs}, {@code POST /workflow_runs/batch}).</li>
     * </ul>
     * Refused requests take no place in the window. Setting a limit empties that category's window; 0 turns it off.
     * The limits are per API key, and the simulator has one.
     */
    public SimulatorFaults rateLimit(String category, int perSecond) {
        rateLimits.limit(category(category), checkLimit(perSecond));
        return this;
    }

    /** Turns every fault and the rate limits off, zeroes the rate-limit counters and re-seeds the random source. */
    public SimulatorFaults clear() {
        latency(Duration.ZERO);
        serverErrorRate = 0;
        serverErrorStatus = 500;
        resetAfterRequestRate = 0;
        neverAnswerRate = 0;
        malformedBodyRate = 0;
        processBeforeFault = false;
        cancelLosesRaceRate = 0;
        duplicateWebhookRate = 0;
        rateLimit(0);
        rateLimits.clearCounts();
        synchronized (this) {
            random = new Random(seed);
        }
        return this;
    }

    public Duration latencyMin() {
        return latencyMin;
    }

    public Duration latencyMax() {
        return latencyMax;
    }

    public double serverErrorRate() {
        return serverErrorRate;
    }

    public int serverErrorStatus() {
        return serverErrorStatus;
    }

    public double resetAfterRequestRate() {
        return resetAfterRequestRate;
    }

    public double neverAnswerRate() {
        return neverAnswerRate;
    }

    public double malformedBodyRate() {
        return malformedBodyRate;
    }

    public boolean processBeforeFault() {
        return processBeforeFault;
    }

    /** The limit every category has, or -1 when the categories have different limits. */
    public int rateLimit() {
        int get = rateLimits.limit(RateLimits.Category.GET);
        for (RateLimits.Category c : RateLimits.Category.values()) {
            if (rateLimits.limit(c) != get) {
                return -1;
            }
        }
        return get;
    }

    /** The category's limit per second; 0 when it has none. */
    public int rateLimit(String category) {
        return rateLimits.limit(category(category));
    }

    /** Requests refused with 429 since the counts were last zeroed ({@link #clear()}, {@code clearJournal()}). */
    public long rateLimitedCount() {
        return rateLimits.refusedTotal();
    }

    /** Requests of the category refused with 429. */
    public long rateLimitedCount(String category) {
        return rateLimits.refused(category(category));
    }

    /**
     * Requests of the category that reached the rate limit, let through or refused, whether a limit is set or not:
     * with {@link #rateLimitedCount(String)} the share of 429s. Requests that never reach it are not counted: those
     * refused before (401, missing version header) and those an injected fault takes instead.
     */
    public long requestCount(String category) {
        return rateLimits.requests(category(category));
    }

    public double cancelLosesRaceRate() {
        return cancelLosesRaceRate;
    }

    public double duplicateWebhookRate() {
        return duplicateWebhookRate;
    }

    @Override
    public String toString() {
        return "SimulatorFaults[latency=" + latencyMin + ".." + latencyMax + ", serverErrorRate=" + serverErrorRate
                + " (" + serverErrorStatus + "), resetAfterRequestRate=" + resetAfterRequestRate + ", neverAnswerRate="
                + neverAnswerRate + ", malformedBodyRate=" + malformedBodyRate + ", processBeforeFault="
                + processBeforeFault + ", cancelLosesRaceRate=" + cancelLosesRaceRate + ", duplicateWebhookRate="
                + duplicateWebhookRate + ", rateLimit GET="
                + rateLimit("GET") + "/s WRITE=" + rateLimit("WRITE") + "/s RUN=" + rateLimit("RUN") + "/s]";
    }

    // ---- used by the simulator ----

    enum ConnectionFault {
        NONE,
        NEVER_ANSWER,
        RESET,
        SERVER_ERROR
    }

    /** Draws the connection-level fault for one request, in the documented order. */
    ConnectionFault drawConnectionFault() {
        if (draw(neverAnswerRate)) {
            return ConnectionFault.NEVER_ANSWER;
        }
        if (draw(resetAfterRequestRate)) {
            return ConnectionFault.RESET;
        }
        if (draw(serverErrorRate)) {
            return ConnectionFault.SERVER_ERROR;
        }
        return ConnectionFault.NONE;
    }

    boolean drawMalformed() {
        return draw(malformedBodyRate);
    }

    boolean drawDuplicateWebhook() {
        return draw(duplicateWebhookRate);
    }

    synchronized Duration drawLatency() {
        Duration min = latencyMin;
        Duration max = latencyMax;
        if (max.isZero() || min.equals(max)) {
            return min;
        }
        long span = max.toMillis() - min.toMillis();
        return min.plusMillis((long) (random.nextDouble() * (span + 1)));
    }

    /** Whether an accepted cancel of {@code runId} loses the race: a draw of its own per run and seed. */
    boolean cancelLosesRace(String runId) {
        double rate = cancelLosesRaceRate;
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L ^ runId.hashCode()).nextDouble() < rate;
    }

    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private synchronized boolean draw(double rate) {
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || random.nextDouble() < rate;
    }

    /**
     * Counts a request of {@code category} against its limit.
     *
     * @return 0 when the request may pass, else the {@code Retry-After} value in whole seconds (at least 1)
     */
    long acquire(RateLimits.Category category, long nowNanos) {
        return rateLimits.acquire(category, nowNanos);
    }

    /** Zeroes the rate-limit counters; the limits stay. */
    void clearCounts() {
        rateLimits.clearCounts();
    }

    private static RateLimits.Category category(String name) {
        if (name == null || !RATE_CATEGORIES.contains(name)) {
            throw new IllegalArgumentException("Rate-limit category must be one of " + RATE_CATEGORIES + ", got '"
                    + name + "'");
        }
        return RateLimits.Category.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static int checkLimit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rateLimit must be >= 0, got " + perSecond);
        }
        return perSecond;
    }

    private static double checkRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + rate);
        }
        return rate;
    }
}
