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
     * Exponential backoff with jitter: for the n-th retry (1-based), {@code initial * 2^(n-1)} capped at the maximum,
     * then spread by +/-25% so many exchanges that failed together do not retry together.
     */
    Duration backoff(int retryNumber) {
        int shift = Math.min(Math.max(retryNumber - 1, 0), 20);
        long exp = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << shift);
        double spread = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, Math.round(exp * spread)));
    }
}
