package dev.camelextend;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendClientSettings;
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
import org.apache.hc.core5.net.InetAddressUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancel or read Extend (extend.ai) workflow runs. Send a run ID; get the {@code WorkflowRun} back as the body.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "extend", title = "Extend", syntax = "extend:operation",
             producerOnly = true, category = { Category.SAAS, Category.API }, headersClass = ExtendConstants.class)
public class ExtendEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendEndpoint.class);

    @UriPath(enums = "cancelRun,getRun", description = "What to do with the workflow run: cancelRun or getRun.")
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
        return new ExtendProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The Extend component only sends: use it in to(\"extend:...\")");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
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
        if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
            LOG.warn("The Extend baseUrl {} uses plain http to a non-loopback host: the API key travels unencrypted",
                    baseUrl);
        }
    }

    /**
     * Whether the host is this machine, decided on what the host is, not how its name starts ({@code 127.evil.com} is
     * a name like any other). An IP literal is loopback when its address is; of names only {@code localhost} is, by
     * RFC 6761. No name is resolved: that would cost a DNS lookup at every route start and prove nothing later.
     */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h)) {
            return true;
        }
        if (InetAddressUtils.isIPv4Address(h) || InetAddressUtils.isIPv6Address(h)) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
        return false;
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

    /** What to do with the workflow run: cancelRun or getRun. */
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
