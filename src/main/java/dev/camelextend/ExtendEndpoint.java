package dev.camelextend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendClientSettings;
import dev.camelextend.client.Hosts;
import dev.camelextend.client.RateLimiter;
import dev.camelextend.client.RateLimiters;
import dev.camelextend.client.RequestCategory;
import dev.camelextend.client.RunId;
import dev.camelextend.client.Transport;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancel, read and list Extend (extend.ai) workflow runs, manage and receive Extend's webhooks. Send a run ID; get the
 * {@code WorkflowRun} back as the body.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "extend", title = "Extend", syntax = "extend:operation",
             category = { Category.SAAS, Category.API }, headersClass = ExtendConstants.class)
public class ExtendEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendEndpoint.class);

    @UriPath(enums = "cancelRun,getRun,awaitRun,listRuns,cancelBatch,createWebhookEndpoint,listWebhookEndpoints,"
                     + "deleteWebhookEndpoint,createWebhookSubscription,listWebhookSubscriptions,"
                     + "deleteWebhookSubscription,webhook",
             description = "What to do: cancelRun, getRun, awaitRun, listRuns or cancelBatch, or manage webhook"
                           + " endpoints and subscriptions (createWebhookEndpoint, listWebhookEndpoints,"
                           + " deleteWebhookEndpoint, createWebhookSubscription, listWebhookSubscriptions,"
                           + " deleteWebhookSubscription) in to(...); or receive Extend's webhook deliveries with"
                           + " webhook in from(...).")
    @Metadata(required = true)
    private ExtendOperation operation;

    @UriParam
    private ExtendConfiguration configuration;

    private volatile ExtendClient client;
    private volatile RateLimiters.Leases limiterLeases;
    private volatile Transport transport;

    public ExtendEndpoint(String uri, ExtendComponent component, ExtendOperation operation,
                          ExtendConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public ExtendComponent getComponent() {
        return (ExtendComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation.isConsumer()) {
            throw new IllegalArgumentException("extend:" + operation + " receives Extend's webhook deliveries: use it in"
                                               + " from(\"extend:webhook?secret=...\"), not in to(...)");
        }
        return new ExtendProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!operation.isConsumer()) {
            throw new IllegalArgumentException("extend:" + operation + " sends requests to Extend: use it in"
                                               + " to(\"extend:" + operation + "\"); from(...) takes extend:webhook");
        }
        ExtendWebhookConsumer consumer = new ExtendWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (operation.isConsumer() && configuration.getSubscribeWorkflows() == null) {
            return; // the consumer checks its options and needs no API client (createProducer refuses a producer)
        }
        ExtendClientSettings settings = validatedSettings();
        warnOnPlainHttp(settings.baseUrl());
        transport = getComponent().acquireTransport(configuration);
        try {
            // one pace per account, workspace and request category (reads, writes), shared with every live endpoint
            // of it in this JVM, released at stop; every rate is checked before any lease is taken
            limiterLeases = RateLimiters.forOptions(configuration.getApiKey(), settings.baseUrl(),
                    configuration.getWorkspaceId(), configuration.getRateLimit(), configuration.getReadRateLimit(),
                    configuration.getWriteRateLimit());
        } catch (RuntimeException badRate) {
            getComponent().releaseTransport(transport);
            transport = null;
            throw badRate;
        }
        client = new ExtendClient(settings, transport, getComponent().getScheduler(), getComponent().getObjectMapper(),
                limiterLeases.limiter(RequestCategory.READ), limiterLeases.limiter(RequestCategory.WRITE));
    }

    @Override
    protected void doStop() throws Exception {
        ExtendClient c = client;
        if (c != null) {
            // Calls still in flight end now, with a failure, and nothing more is sent: the component stops the shared
            // scheduler and HTTP client next, which would drop their retries and deadlines and leave them hanging.
            c.close();
        }
        Transport t = transport;
        transport = null;
        if (t != null) {
            getComponent().releaseTransport(t);
        }
        RateLimiters.Leases leases = limiterLeases;
        limiterLeases = null;
        if (leases != null) {
            leases.close();
        }
        super.doStop();
    }

    /**
     * Configuration mistakes fail the route at start, with the option's name, not the first message. The client's
     * settings check their own values; only the options the client does not hold are checked here.
     */
    private ExtendClientSettings validatedSettings() {
        ExtendConfiguration c = configuration;
        String workspaceProblem = c.getWorkspaceId() == null ? null : RunId.workspaceProblem(c.getWorkspaceId());
        if (workspaceProblem != null) {
            throw new IllegalArgumentException("The workspaceId option is invalid: " + workspaceProblem);
        }
        if (c.getRunId() != null && RunId.problem(c.getRunId().strip()) != null) {
            throw new IllegalArgumentException("The runId option is invalid: " + RunId.problem(c.getRunId().strip()));
        }
        OperationOptions.check(c);
        return ExtendClientSettings.builder()
                .baseUrl(c.getBaseUrl())
                .apiKey(c.getApiKey())
                .apiVersion(c.getApiVersion())
                .requestTimeout(Duration.ofMillis(c.getRequestTimeout()))
                .maxRetries(c.getMaxRetries())
                .maxRetryAfter(Duration.ofMillis(c.getMaxRetryAfter()))
                .initialBackoff(Duration.ofMillis(c.getRetryInitialDelay()))
                .maxBackoff(Duration.ofMillis(c.getRetryMaxDelay()))
                .alreadyCancelledIsSuccess(c.isAlreadyCancelledIsSuccess())
                .maxResponseBytes(c.getMaxResponseSize())
                .build();
    }

    private static void warnOnPlainHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if ("http".equalsIgnoreCase(uri.getScheme()) && !Hosts.isLoopback(uri.getHost())) {
            LOG.warn("The Extend baseUrl {} uses plain http to a non-loopback host: the API key travels unencrypted",
                    baseUrl);
        }
    }

    ExtendClient getClient() {
        return client;
    }

    /** The shared limiter of this started endpoint's requests of the category, or null when it has none. For tests. */
    RateLimiter rateLimiter(RequestCategory category) {
        RateLimiters.Leases leases = limiterLeases;
        return leases == null ? null : leases.limiter(category);
    }

    public ExtendOperation getOperation() {
        return operation;
    }

    /** What to do: a producer operation, or webhook for the consumer. */
    public void setOperation(ExtendOperation operation) {
        this.operation = operation;
    }

    public ExtendConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's configuration. */
    public void setConfiguration(ExtendConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getWorkspaceId() != null ? Map.of("workspaceId", configuration.getWorkspaceId()) : null;
    }
}
