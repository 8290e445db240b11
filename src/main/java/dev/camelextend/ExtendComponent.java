package dev.camelextend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.client.Accounts;
import dev.camelextend.client.ExtendDefaults;
import dev.camelextend.client.Transport;
import dev.camelextend.model.ExtendJson;
import org.apache.camel.Endpoint;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.StringHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code extend:} component. Holds the shared defaults ({@code camel.component.extend.*}) and the resources every
 * endpoint shares: one pooled HTTP client per distinct connection setup, one retry/deadline scheduler thread, the
 * worker threads that continue routes after a call, and one JSON mapper. They are created on first use and released when the component stops.
 */
@Component("extend")
public class ExtendComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendComponent.class);
    private static final String COMPONENT_NAME = "extend";

    @Metadata(description = "The shared configuration; every option can also be set on its own at component level and"
                            + " overridden per endpoint.")
    private ExtendConfiguration configuration = new ExtendConfiguration();

    @Metadata(label = "advanced", defaultValue = ExtendDefaults.MAX_WORKER_THREADS_TEXT,
              description = "The most threads that run the rest of a route after an Extend answer, a retry, a"
                            + " rate-limit wait or a timeout (the pool grows to this before it queues, and shrinks"
                            + " when idle). Route code never runs on the HTTP client's I/O threads, so a blocking step"
                            + " after an extend call cannot stop the thread that sends the next request.")
    private int maxWorkerThreads = ExtendDefaults.MAX_WORKER_THREADS;

    @Metadata(label = "advanced", defaultValue = ExtendDefaults.MAX_RESPONSE_BYTES_IN_FLIGHT_TEXT,
              description = "The most bytes that the bodies of all answers being read may hold at once, across every"
                            + " endpoint of the component (maxResponseSize bounds one answer). An answer that does not"
                            + " fit fails its attempt like a dropped connection and is retried; nothing is inflated:"
                            + " the component asks for uncompressed answers and refuses encoded ones.")
    private long maxResponseBytesInFlight = ExtendDefaults.MAX_RESPONSE_BYTES_IN_FLIGHT;

    private final SharedTransports transports = new SharedTransports();
    /** One health check per account digest; guarded by {@code this}. */
    private final Map<String, ExtendProducerHealthCheck> healthChecks = new HashMap<>();
    private final ObjectMapper objectMapper = ExtendJson.newObjectMapper();
    /** The paths the started extend:webhook consumers serve, with their maxBodySize. */
    private final Map<String, Integer> webhookBodyLimits = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile WorkerThreads workers;

    /** How long a stop waits for routes still running on worker threads. */
    private static final long WORKER_DRAIN_MILLIS = 10_000;

    public ExtendComponent() {
    }

    /**
     * The {@code maxBodySize} of the started extend:webhook consumer that serves {@code path}, or null when none does.
     * For an engine that reads the whole body before any consumer runs (Spring Boot's): a filter in front of it can
     * then refuse a larger body having read no more than the limit - the Spring Boot starter's does.
     */
    public Integer webhookBodyLimit(String path) {
        return path == null ? null : webhookBodyLimits.get(path);
    }

    /** A consumer serves {@code path} from now on; see {@link #webhookBodyLimit}. */
    void webhookServed(String path, int maxBodySize) {
        webhookBodyLimits.put(path, maxBodySize);
    }

    /** The consumer of {@code path} stopped. */
    void webhookNotServed(String path) {
        webhookBodyLimits.remove(path);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ExtendOperation operation = parseOperation(remaining);
        ExtendEndpoint endpoint = new ExtendEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private static ExtendOperation parseOperation(String remaining) {
        for (ExtendOperation op : ExtendOperation.values()) {
            if (op.name().equals(remaining)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown Extend operation '" + remaining + "' in extend:" + remaining
                                           + "; use one of " + Arrays.toString(ExtendOperation.values()));
    }

    public ExtendConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; every option can also be set on its own at component level. */
    public void setConfiguration(ExtendConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    public int getMaxWorkerThreads() {
        return maxWorkerThreads;
    }

    /** The most threads that run the rest of a route after an Extend answer, a retry, a wait or a timeout. */
    public void setMaxWorkerThreads(int maxWorkerThreads) {
        this.maxWorkerThreads = maxWorkerThreads;
    }

    /** The threads that continue routes after a call; created on first use, stopped with the component. */
    synchronized WorkerThreads getWorkers() {
        if (workers == null) {
            if (maxWorkerThreads < 1) {
                throw new IllegalArgumentException("The maxWorkerThreads option must be positive, was "
                                                   + maxWorkerThreads);
            }
            ExecutorServiceManager threads = getCamelContext().getExecutorServiceManager();
            AtomicInteger count = new AtomicInteger();
            workers = new WorkerThreads(maxWorkerThreads, task -> {
                Thread t = new Thread(task, threads.resolveThreadName("ExtendWorker") + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /**
     * The single thread that runs backoff waits, rate-limiter waits and the attempt-deadline sweeps: it only
     * schedules, never blocks. Its queue is unbounded on purpose: every call waiting for a retry or a rate-limit slot
     * keeps one task queued, so the queue is bounded by the caller's concurrency, not by a fixed number. Camel's
     * default profile would cap the queue at 1,000 tasks and fail calls with RejectedExecutionException beyond that
     * (1,000 cancels waiting for a retry, or 2,000 waiting for a rate-limit slot).
     */
    synchronized ScheduledExecutorService getScheduler() {
        if (scheduler == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("ExtendRetryScheduler");
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setKeepAliveTime(0L);
            profile.setAllowCoreThreadTimeOut(false);
            profile.setMaxQueueSize(-1);
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "ExtendRetryScheduler", profile);
        }
        return scheduler;
    }

    public long getMaxResponseBytesInFlight() {
        return maxResponseBytesInFlight;
    }

    /** The most bytes the bodies of all answers being read may hold at once. */
    public void setMaxResponseBytesInFlight(long maxResponseBytesInFlight) {
        this.maxResponseBytesInFlight = maxResponseBytesInFlight;
    }

    /**
     * The pooled client for this connection setup, shared by every started endpoint that has the same one; each
     * acquire is matched by one {@link #releaseTransport} (see {@link SharedTransports}).
     */
    Transport acquireTransport(ExtendConfiguration config) {
        return transports.acquire(config, getCamelContext(), maxResponseBytesInFlight);
    }

    /** Gives back a transport from {@link #acquireTransport}; the last user closes it. */
    void releaseTransport(Transport transport) {
        transports.release(transport);
    }

    /**
     * The health check of the endpoint's account (key, base URL, workspace), registered when its first producer
     * starts. Its ID is a prefix of the account's digest: distinct per account, and it reveals nothing of the key.
     */
    synchronized ExtendProducerHealthCheck acquireHealthCheck(ExtendEndpoint endpoint,
                                                              WritableHealthCheckRepository repository) {
        ExtendConfiguration c = endpoint.getConfiguration();
        String account = Accounts.digest(c.getApiKey(), c.getBaseUrl(), c.getWorkspaceId());
        ExtendProducerHealthCheck check = healthChecks.get(account);
        if (check == null) {
            check = new ExtendProducerHealthCheck(account.substring(0, 12));
            check.setEnabled(isHealthCheckProducerEnabled());
            repository.addHealthCheck(check);
            healthChecks.put(account, check);
        }
        check.addUser(endpoint);
        return check;
    }

    /** Gives back a check from {@link #acquireHealthCheck}; the account's last producer unregisters it. */
    synchronized void releaseHealthCheck(ExtendEndpoint endpoint, ExtendProducerHealthCheck check,
                                         WritableHealthCheckRepository repository) {
        if (check.removeUser(endpoint) == 0) {
            repository.removeHealthCheck(check);
            healthChecks.values().remove(check);
        }
    }

    /** How many HTTP clients are open now. */
    int openTransports() {
        return transports.openCount();
    }

    /**
     * Applies the {@code camel.component.extend.*} properties of the context. Camel Main binds them once, to the
     * component instance it finds at startup, but a context stop discards every component and a later start creates a
     * new one, which would come back unconfigured (and fail with "The Extend API key is not set"). Binding them here,
     * when the instance is initialised, gives every instance the same configuration; Main's own binding afterwards
     * sets the same values, and settings made in code after that still win.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String prefix = "camel.component." + COMPONENT_NAME + ".";
        Properties declared = getCamelContext().getPropertiesComponent().extractProperties(prefix, false);
        ExtendComponentConfigurer configurer = new ExtendComponentConfigurer();
        for (String option : declared.stringPropertyNames()) {
            Object value = getCamelContext().resolvePropertyPlaceholders(declared.getProperty(option));
            if (!configurer.configure(getCamelContext(), this, StringHelper.dashToCamelCase(option), value, true)) {
                // an unknown option: Camel Main reports it at startup (and fails when asked to)
                LOG.debug("Ignoring unknown option {}{}", prefix, option);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        transports.closeAll();
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(s);
        }
        WorkerThreads w;
        synchronized (this) {
            w = workers;
            workers = null;
        }
        if (w != null) {
            // the calls ended above; let their exchanges finish the route they are in
            w.shutdown(WORKER_DRAIN_MILLIS);
        }
        super.doStop();
    }
}
