package dev.camelextend.client;

import java.time.Duration;

/**
 * How an {@link ExtendClient} talks to Extend: where, as whom, and how patiently. Immutable. The API key is kept but
 * never printed. Its defaults are {@link ExtendDefaults}; building it checks every value by {@link OptionRules}, with
 * the name of the component option that sets it, so a bad option fails the route at start and nowhere else.
 */
public final class ExtendClientSettings {

    private final String baseUrl;
    private final String apiKey;
    private final String apiVersion;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration maxRetryAfter;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean alreadyCancelledIsSuccess;
    private final int maxResponseBytes;

    private ExtendClientSettings(Builder b) {
        this.apiKey = OptionRules.apiKey(b.apiKey);
        this.baseUrl = OptionRules.baseUrl(b.baseUrl);
        if (b.apiVersion == null || b.apiVersion.isBlank()) {
            throw new IllegalArgumentException("The apiVersion option must not be blank");
        }
        this.apiVersion = b.apiVersion;
        this.requestTimeout = OptionRules.positive(b.requestTimeout, "requestTimeout");
        this.maxRetries = OptionRules.notNegative(b.maxRetries, "maxRetries");
        this.maxRetryAfter = OptionRules.notNegative(b.maxRetryAfter, "maxRetryAfter");
        this.initialBackoff = OptionRules.positive(b.initialBackoff, "retryInitialDelay");
        this.maxBackoff = OptionRules.positive(b.maxBackoff, "retryMaxDelay");
        this.alreadyCancelledIsSuccess = b.alreadyCancelledIsSuccess;
        this.maxResponseBytes = (int) OptionRules.positive(b.maxResponseBytes, "maxResponseSize");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * How long one call may take in all, waits for rate-limiter slots included: as long as its attempts could take
     * without a limiter, (maxRetries + 1) x requestTimeout.
     */
    public Duration callBudget() {
        return requestTimeout.multipliedBy(maxRetries + 1L);
    }

    public boolean alreadyCancelledIsSuccess() {
        return alreadyCancelledIsSuccess;
    }

    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    @Override
    public String toString() {
        return "ExtendClientSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
               + ", apiVersion=" + apiVersion + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries
               + "]";
    }

    public static final class Builder {
        private String baseUrl = ExtendDefaults.BASE_URL;
        private String apiKey;
        private String apiVersion = ExtendDefaults.API_VERSION;
        private Duration requestTimeout = Duration.ofMillis(ExtendDefaults.REQUEST_TIMEOUT_MILLIS);
        private int maxRetries = ExtendDefaults.MAX_RETRIES;
        private Duration maxRetryAfter = Duration.ofMillis(ExtendDefaults.MAX_RETRY_AFTER_MILLIS);
        private Duration initialBackoff = Duration.ofMillis(ExtendDefaults.RETRY_INITIAL_DELAY_MILLIS);
        private Duration maxBackoff = Duration.ofMillis(ExtendDefaults.RETRY_MAX_DELAY_MILLIS);
        private boolean alreadyCancelledIsSuccess;
        private int maxResponseBytes = ExtendDefaults.MAX_RESPONSE_SIZE;

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder alreadyCancelledIsSuccess(boolean alreadyCancelledIsSuccess) {
            this.alreadyCancelledIsSuccess = alreadyCancelledIsSuccess;
            return this;
        }

        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public ExtendClientSettings build() {
            return new ExtendClientSettings(this);
        }
    }
}
