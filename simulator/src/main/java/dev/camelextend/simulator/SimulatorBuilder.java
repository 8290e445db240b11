package dev.camelextend.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link ExtendSimulator} is set up before it starts: its key, port, run lifecycle, clock, seed, threads and
 * webhook deliveries. Each setter checks its value at once. Get one from {@link ExtendSimulator#builder()}.
 */
public final class SimulatorBuilder {
    String apiKey = ExtendSimulator.DEFAULT_API_KEY;
    int port;
    int cancelRefusalStatus = 400;
    Duration cancelDelay = Duration.ZERO;
    Duration pendingDuration = Duration.ZERO;
    Duration processingDuration = Duration.ofSeconds(10);
    String defaultOutcome = "PROCESSED";
    SimulatorClock clock;
    long seed = 42L;
    int httpThreads = 4;
    int journalCapacity = 100_000;
    final Map<String, String> workflows = new LinkedHashMap<>();
    Duration webhookTimeout = Duration.ofSeconds(30);
    int webhookRetries = 3;
    Duration webhookRetryDelay = Duration.ofSeconds(1);
    int webhookQueueCapacity = 1000;
    int webhookConcurrency = 4;

    SimulatorBuilder() {
    }

    /** The API key clients must send; default {@value ExtendSimulator#DEFAULT_API_KEY}. */
    public SimulatorBuilder apiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        this.apiKey = apiKey;
        return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public SimulatorBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /** Status of a refused cancel: 400 (default), 409 or 422. */
    public SimulatorBuilder cancelRefusalStatus(int status) {
        this.cancelRefusalStatus = SimulatorSettings.checkRefusalStatus(status);
        return this;
    }

    /** How long a cancelled run stays CANCELLING (zero by default: CANCELLED at once). */
    public SimulatorBuilder cancelDelay(Duration delay) {
        this.cancelDelay = SimulatorSettings.checkDuration(delay, "cancelDelay");
        return this;
    }

    /** How long a created run stays PENDING (zero by default). */
    public SimulatorBuilder pendingDuration(Duration d) {
        this.pendingDuration = SimulatorSettings.checkDuration(d, "pendingDuration");
        return this;
    }

    /** How long a created run stays PROCESSING (10 s by default). */
    public SimulatorBuilder processingDuration(Duration d) {
        this.processingDuration = SimulatorSettings.checkDuration(d, "processingDuration");
        return this;
    }

    /** Final status of created runs: PROCESSED (default), FAILED or NEEDS_REVIEW. */
    public SimulatorBuilder defaultOutcome(String status) {
        this.defaultOutcome = SimulatorSettings.checkOutcome(status);
        return this;
    }

    /** The lifecycle clock; default {@link SimulatorClock#manual()}. */
    public SimulatorBuilder clock(SimulatorClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Seed of the random sources (IDs, request IDs, faults); default 42. */
    public SimulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Size of the HTTP thread pool; default 4. */
    public SimulatorBuilder httpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("httpThreads must be >= 1");
        }
        this.httpThreads = threads;
        return this;
    }

    /** How many requests the journal keeps (the newest); default 100,000. 0 keeps none. */
    public SimulatorBuilder journalCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("journalCapacity must be >= 0");
        }
        this.journalCapacity = capacity;
        return this;
    }

    /** Names a workflow ID; runs of unknown workflows are named "Simulated workflow". */
    public SimulatorBuilder workflow(String workflowId, String name) {
        workflows.put(Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(name, "name"));
        return this;
    }

    /**
     * How long a webhook delivery waits for the endpoint's answer (and for the connection) before it counts as failed;
     * 30 s by default, as Extend documents. At most 10 minutes.
     */
    public SimulatorBuilder webhookTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "webhookTimeout");
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("webhookTimeout must be above 0 and at most 10 minutes: " + timeout);
        }
        this.webhookTimeout = timeout;
        return this;
    }

    /**
     * How many times a failed webhook delivery (a non-2xx answer, a timeout, a connection failure) is tried again,
     * 0..20; 3 by default, so at most 4 attempts. Extend retries with exponential backoff but does not document how
     * often.
     */
    public SimulatorBuilder webhookRetries(int retries) {
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("webhookRetries must be within 0..20, got " + retries);
        }
        this.webhookRetries = retries;
        return this;
    }

    /**
     * The wait before the first retry of a webhook delivery; each further retry waits twice as long as the one before
     * (at most an hour). 1 s by default; zero retries at once.
     */
    public SimulatorBuilder webhookRetryDelay(Duration delay) {
        this.webhookRetryDelay = SimulatorSettings.checkDuration(delay, "webhookRetryDelay");
        return this;
    }

    /**
     * How many webhook deliveries may be unfinished at once (waiting, in flight or waiting for a retry); a delivery
     * beyond that is dropped and journaled as {@link WebhookDelivery.Outcome#DROPPED}. 1000 by default.
     */
    public SimulatorBuilder webhookQueueCapacity(int capacity) {
        if (capacity < 1 || capacity > 1_000_000) {
            throw new IllegalArgumentException("webhookQueueCapacity must be within 1..1,000,000, got " + capacity);
        }
        this.webhookQueueCapacity = capacity;
        return this;
    }

    /** How many webhook deliveries are in flight at most, 1..64; 4 by default. */
    public SimulatorBuilder webhookConcurrency(int concurrency) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("webhookConcurrency must be within 1..64, got " + concurrency);
        }
        this.webhookConcurrency = concurrency;
        return this;
    }

    public ExtendSimulator build() {
        return new ExtendSimulator(this);
    }
}
