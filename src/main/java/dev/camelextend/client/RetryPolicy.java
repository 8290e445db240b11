package dev.camelextend.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.camelextend.model.ErrorAnswer;

/**
 * How long to wait before the next attempt. Which statuses are worth one is {@link ErrorAnswer#isRetryableStatus}.
 */
final class RetryPolicy {

    private final Duration initialBackoff;
    private final Duration maxBackoff;

    RetryPolicy(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
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
