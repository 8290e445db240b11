package dev.camelextend.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link ExtendClient} talks to Extend: where, as whom, and how patiently. Immutable. The API key is kept but
 * never printed.
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
        String url = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = b.apiKey;
        this.apiVersion = Objects.requireNonNull(b.apiVersion, "apiVersion");
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        if (b.maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + b.maxRetries);
        }
        this.maxRetries = b.maxRetries;
        this.maxRetryAfter = Objects.requireNonNull(b.maxRetryAfter, "maxRetryAfter");
        this.initialBackoff = positive(b.initialBackoff, "initialBackoff");
        this.maxBackoff = positive(b.maxBackoff, "maxBackoff");
        this.alreadyCancelledIsSuccess = b.alreadyCancelledIsSuccess;
        if (b.maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + b.maxResponseBytes);
        }
        this.maxResponseBytes = b.maxResponseBytes;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
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
        private String baseUrl = "https://api.extend.ai";
        private String apiKey;
        private String apiVersion = "2026-02-09";
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private boolean alreadyCancelledIsSuccess;
        private int maxResponseBytes = 16 * 1024 * 1024;

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
