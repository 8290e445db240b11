package dev.camelextend.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Which answers are worth another attempt, and how long to wait before it. */
final class RetryPolicy {

    private final Duration initialBackoff;
    private final Duration maxBackoff;

    RetryPolicy(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** 408, 429 and every 5xx may succeed later; other statuses will not change by asking again. */
    static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status <= 599;
    }

    /**
     * Exponential backoff with "equal jitter": for the n-th retry (1-based), half of {@code initial * 2^(n-1)} (capped)
     * plus a random share of the other half. Jitter keeps many exchanges that failed together from retrying together.
     */
    Duration backoff(int retryNumber) {
        long base = initialBackoff.toMillis();
        int shift = Math.min(Math.max(retryNumber - 1, 0), 20);
        long exp = Math.min(maxBackoff.toMillis(), base << shift);
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
