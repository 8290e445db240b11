package dev.camelextend.examples.jms;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The example's settings, read from Camel properties ({@code application.properties}, JVM system properties
 * {@code -Dkey=value}, or OS environment variables such as {@code BROKER_URL}). Every key and default is listed in
 * README.md.
 */
public record PipelineSettings(
        String requestsQueue,
        String resultsQueue,
        String rejectedQueue,
        String deadLetterQueue,
        int concurrentConsumers,
        String brokerUrl,
        String brokerUser,
        String brokerPassword,
        Path brokerDataDir,
        String brokerTcpHost,
        int brokerTcpPort,
        int maxDeliveryAttempts,
        long redeliveryDelayMillis,
        double redeliveryMultiplier,
        long maxRedeliveryDelayMillis,
        String extendApiKey,
        String extendBaseUrl,
        int extendMaxRetries,
        long extendRetryInitialDelayMillis,
        long extendRequestTimeoutMillis,
        int demoRequests) {

    /** Reads the settings from the context's properties, with the defaults of README.md. */
    public static PipelineSettings from(CamelContext context) {
        PropertiesComponent p = context.getPropertiesComponent();
        return new PipelineSettings(
                text(p, "pipeline.requests-queue", "extend.cancel.requests"),
                text(p, "pipeline.results-queue", "extend.cancel.results"),
                text(p, "pipeline.rejected-queue", "extend.cancel.rejected"),
                text(p, "pipeline.dead-letter-queue", "extend.cancel.dlq"),
                integer(p, "pipeline.concurrent-consumers", 8),
                text(p, "broker.url", ""),
                text(p, "broker.user", ""),
                text(p, "broker.password", ""),
                Path.of(text(p, "broker.data-dir", "target/artemis-data")),
                text(p, "broker.tcp-host", "127.0.0.1"),
                integer(p, "broker.tcp-port", -1),
                integer(p, "broker.max-delivery-attempts", 5),
                number(p, "broker.redelivery-delay", 1000),
                Double.parseDouble(text(p, "broker.redelivery-multiplier", "2.0")),
                number(p, "broker.max-redelivery-delay", 30_000),
                text(p, "extend.api-key", ""),
                text(p, "extend.base-url", "https://api.extend.ai"),
                integer(p, "extend.max-retries", 1),
                number(p, "extend.retry-initial-delay", 200),
                number(p, "extend.request-timeout", 10_000),
                integer(p, "pipeline.demo-requests", 0));
    }

    /** True when {@code broker.url} is set: connect to that broker instead of starting one in this JVM. */
    public boolean externalBroker() {
        return !brokerUrl.isBlank();
    }

    /** True when no API key is configured: the app then starts the Extend simulator. */
    public boolean simulatorMode() {
        return extendApiKey.isBlank();
    }

    private static String text(PropertiesComponent p, String key, String defaultValue) {
        Optional<String> v = p.resolveProperty(key);
        return v.map(String::strip).orElse(defaultValue);
    }

    private static int integer(PropertiesComponent p, String key, int defaultValue) {
        String v = text(p, key, "");
        return v.isEmpty() ? defaultValue : Integer.parseInt(v);
    }

    private static long number(PropertiesComponent p, String key, long defaultValue) {
        String v = text(p, key, "");
        return v.isEmpty() ? defaultValue : Long.parseLong(v);
    }
}
