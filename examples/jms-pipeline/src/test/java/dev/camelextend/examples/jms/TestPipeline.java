package dev.camelextend.examples.jms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;

/**
 * The pipeline as the app wires it ({@link PipelineConfiguration} and {@link CancelPipelineRoutes}), on a plain
 * Camel context, with test settings: a fresh broker journal under target/, short redelivery delays.
 */
final class TestPipeline implements AutoCloseable {

    static final String REQUESTS = "extend.cancel.requests";
    static final String RESULTS = "extend.cancel.results";
    static final String REJECTED = "extend.cancel.rejected";
    static final String DLQ = "extend.cancel.dlq";
    static final int MAX_DELIVERY_ATTEMPTS = 4;

    final DefaultCamelContext context = new DefaultCamelContext();

    /** Configures (does not start) the pipeline against {@code baseUrl}. */
    TestPipeline(Properties settings) throws Exception {
        context.getPropertiesComponent().setInitialProperties(settings);
        context.getShutdownStrategy().setTimeout(10);
        new PipelineConfiguration().configure(context);
        context.addRoutes(new CancelPipelineRoutes());
    }

    /** The settings the tests share; {@code dataDir} is emptied first. */
    static Properties settings(Path dataDir, String baseUrl, String apiKey) throws IOException {
        deleteRecursively(dataDir);
        Properties p = new Properties();
        p.setProperty("broker.data-dir", dataDir.toString());
        p.setProperty("broker.tcp-port", "-1");
        p.setProperty("broker.max-delivery-attempts", Integer.toString(MAX_DELIVERY_ATTEMPTS));
        p.setProperty("broker.redelivery-delay", "100");
        p.setProperty("broker.redelivery-multiplier", "2.0");
        p.setProperty("broker.max-redelivery-delay", "1000");
        p.setProperty("pipeline.concurrent-consumers", "8");
        p.setProperty("extend.api-key", apiKey);
        p.setProperty("extend.base-url", baseUrl);
        p.setProperty("extend.retry-initial-delay", "50");
        return p;
    }

    TestPipeline start() {
        context.start();
        return this;
    }

    @Override
    public void close() {
        context.stop();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
