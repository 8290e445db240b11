package dev.camelextend;

import dev.camelextend.client.BatchProgressListener;
import dev.camelextend.client.ExtendDefaults;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the Extend component. Set on the component ({@code camel.component.extend.*}), each one can be
 * overridden per endpoint URI. {@link #toString()} never prints secrets. The defaults are {@link ExtendDefaults}; the
 * values are checked where the settings they become are built (the client's settings, the transport's).
 */
@UriParams
@Configurer
public class ExtendConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = ExtendDefaults.BASE_URL;
    public static final String DEFAULT_API_VERSION = ExtendDefaults.API_VERSION;

    @UriParam(label = "security", secret = true,
              description = "The Extend API key, sent in the Authorization header as a Bearer token. Required by every"
                            + " operation but the webhook consumer, which needs none. Prefer setting it on"
                            + " the component (camel.component.extend.api-key) or through a property placeholder such as"
                            + " {{env:EXTEND_API_KEY}}, so it never appears in an endpoint URI.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(label = "producer", defaultValue = DEFAULT_BASE_URL,
              description = "The Extend API base URL. Use https://api.us2.extend.app (US2) or https://api.eu1.extend.ai (EU1) for"
                            + " those regions, or a local simulator's URL in tests.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "producer", defaultValue = DEFAULT_API_VERSION,
              description = "The Extend API version, sent as x-extend-api-version. The response model of this"
                            + " component follows 2026-02-09.")
    private String apiVersion = DEFAULT_API_VERSION;

    @UriParam(label = "producer", description = "The Extend workspace, sent as x-extend-workspace-id. Required with organization-scoped"
                            + " API keys, optional with workspace keys. The CamelExtendWorkspaceId header wins over it.")
    private String workspaceId;

    @UriParam(label = "producer", description = "A fixed workflow run for this endpoint. The CamelExtendRunId header wins over it; the"
                            + " message body is used when neither is set.")
    private String runId;

    @UriParam(label = "timeout", defaultValue = ExtendDefaults.CONNECT_TIMEOUT, javaType = "java.time.Duration",
              description = "How long to wait for a TCP/TLS connection to Extend, in milliseconds or as a duration"
                            + " text such as 10s.")
    private long connectTimeout = ExtendDefaults.CONNECT_TIMEOUT_MILLIS;

    @UriParam(label = "timeout", defaultValue = ExtendDefaults.REQUEST_TIMEOUT, javaType = "java.time.Duration",
              description = "How long one attempt may take, from sending the request to the last byte of the answer,"
                            + " in milliseconds or as a duration text such as 30s. With retries the whole call can take"
                            + " up to maxRetries plus one times this plus the waits between attempts.")
    private long requestTimeout = ExtendDefaults.REQUEST_TIMEOUT_MILLIS;

    @UriParam(label = "retry", defaultValue = ExtendDefaults.MAX_RETRIES_TEXT,
              description = "How many times to retry a call after a 408, 429, 5xx, timeout or dropped connection,"
                            + " without blocking a thread. Counted per exchange. 0 leaves all retrying to Camel's error"
                            + " handler.")
    private int maxRetries = ExtendDefaults.MAX_RETRIES;

    @UriParam(label = "retry", defaultValue = ExtendDefaults.MAX_RETRY_AFTER, javaType = "java.time.Duration",
              description = "The longest Retry-After the component waits for before retrying. When Extend asks for"
                            + " more, the call fails at once with ExtendRateLimitException (carrying the delay) so the"
                            + " route's error handler decides.")
    private long maxRetryAfter = ExtendDefaults.MAX_RETRY_AFTER_MILLIS;

    @UriParam(label = "retry", defaultValue = ExtendDefaults.RETRY_INITIAL_DELAY, javaType = "java.time.Duration",
              description = "The first backoff between attempts when Extend sent no Retry-After; it doubles on each"
                            + " retry (with jitter) up to retryMaxDelay.")
    private long retryInitialDelay = ExtendDefaults.RETRY_INITIAL_DELAY_MILLIS;

    @UriParam(label = "retry", defaultValue = ExtendDefaults.RETRY_MAX_DELAY, javaType = "java.time.Duration",
              description = "The longest backoff between attempts when Extend sent no Retry-After.")
    private long retryMaxDelay = ExtendDefaults.RETRY_MAX_DELAY_MILLIS;

    @UriParam(label = "producer", defaultValue = "false",
              description = "When a cancel is refused because the run is already CANCELLED or CANCELLING, return the"
                            + " run as the result instead of throwing ExtendCancelNotAllowedException. Makes cancelRun"
                            + " idempotent for redelivered messages.")
    private boolean alreadyCancelledIsSuccess;

    @UriParam(label = "producer", defaultValue = "0",
              description = "Client-side rate limit in requests per second for each request category, as Extend counts"
                            + " them (0 = off): reads (GET: getRun and the health check) and writes (cancelRun) each get"
                            + " their own budget of this many requests per second; readRateLimit and writeRateLimit"
                            + " override it for theirs. Each budget is shared by every endpoint and route in this JVM"
                            + " that uses the same apiKey, baseUrl and workspaceId (the lowest configured rate wins),"
                            + " and adaptive: a 429 with Retry-After seen by one exchange holds back every exchange of"
                            + " that category, and only of that one, so reads and polling never hold back cancels."
                            + " Requests wait for their slot without blocking a thread. When several JVMs share one"
                            + " Extend organization, give each its share of the plan's limit.")
    private double rateLimit;

    @UriParam(label = "producer",
              description = "Client-side rate limit for reads (GET requests: getRun and the health check), in requests"
                            + " per second. Unset, rateLimit applies; 0 leaves this endpoint's reads unlimited. Shared"
                            + " like rateLimit by every endpoint in this JVM with the same apiKey, baseUrl and"
                            + " workspaceId (the lowest rate wins); a 429 with Retry-After on a read pauses reads only."
                            + " Set it lower than rateLimit when an admin capped the workspace's GET limit lower.")
    private Double readRateLimit;

    @UriParam(label = "producer",
              description = "Client-side rate limit for writes (calls that change a run without submitting files:"
                            + " cancelRun), in requests per second. Unset, rateLimit applies; 0 leaves this endpoint's"
                            + " writes unlimited. Shared like rateLimit by every endpoint in this JVM with the same"
                            + " apiKey, baseUrl and workspaceId (the lowest rate wins); a 429 with Retry-After on a"
                            + " write pauses writes only, so reads go on.")
    private Double writeRateLimit;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "Wait for each call on the calling thread instead of continuing the route on one of"
                            + " the component's worker threads. Transacted exchanges always wait this way, so error handling and later"
                            + " steps stay inside the transaction's thread.")
    private boolean synchronous;

    @UriParam(label = "advanced", defaultValue = ExtendDefaults.MAX_CONNECTIONS_TEXT,
              description = "The most HTTP connections to Extend kept open at once (the pool size). Calls beyond it"
                            + " wait for a free connection within their requestTimeout.")
    private int maxConnections = ExtendDefaults.MAX_CONNECTIONS;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "The number of HttpClient I/O threads; 0 means one per CPU core.")
    private int ioThreadCount;

    @UriParam(label = "advanced", defaultValue = ExtendDefaults.MAX_RESPONSE_SIZE_TEXT,
              description = "The largest response body accepted, in bytes; a longer one fails the attempt instead of"
                            + " filling the heap.")
    private int maxResponseSize = ExtendDefaults.MAX_RESPONSE_SIZE;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to Extend, as Camel"
                            + " SSLContextParameters. Without it the JVM's default trust applies.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "The HTTP proxy host to reach Extend through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https",
              description = "The scheme used to talk to the proxy itself.")
    private String proxyScheme = "http";

    @UriParam(label = "proxy,security", secret = true, description = "The proxy user name, when the proxy needs"
                                                                     + " authentication.")
    private String proxyAuthUsername;

    @UriParam(label = "proxy,security", secret = true, description = "The proxy password.")
    private String proxyAuthPassword;

    /* -- which run, and waiting for it to settle -- */

    @UriParam(label = "producer", defaultValue = "auto", enums = "auto,workflow,extract,classify,split,parse",
              description = "The kind of run acted on: a workflow run or an extract, classify, split or parse"
                            + " (processor) run. auto picks it from the ID's prefix as Extend documents them"
                            + " (workflow_run_, exr_, clr_, splr_, pr_) and takes a workflow run for any other ID; for"
                            + " listRuns and cancelBatch, auto means workflow runs. The CamelExtendRunKind header wins.")
    private String runKind = "auto";

    @UriParam(label = "producer", defaultValue = "false",
              description = "cancelRun: after the cancel, wait for the run to settle (not PENDING, PROCESSING or"
                            + " CANCELLING) by polling it without holding a thread, within waitTimeout. The body is"
                            + " then the settled run and CamelExtendCancelWon says whether the cancel won. cancelBatch:"
                            + " wait for each cancelled run the same way.")
    private boolean waitForOutcome;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.WAIT_TIMEOUT, javaType = "java.time.Duration",
              description = "How long awaitRun (or a cancel with waitForOutcome) waits for the run to settle before it"
                            + " fails with ExtendWaitTimeoutException, which carries the status last seen.")
    private long waitTimeout = ExtendDefaults.WAIT_TIMEOUT_MILLIS;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.POLL_INTERVAL, javaType = "java.time.Duration",
              description = "While waiting: the delay before the first poll, and between polls during the first 30"
                            + " seconds; after that each delay grows by 15% up to maxPollInterval. Every delay is spread"
                            + " by +/-25%.")
    private long pollInterval = ExtendDefaults.POLL_INTERVAL_MILLIS;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.MAX_POLL_INTERVAL, javaType = "java.time.Duration",
              description = "While waiting: the longest delay between two polls.")
    private long maxPollInterval = ExtendDefaults.MAX_POLL_INTERVAL_MILLIS;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.MAX_FAILED_POLLS_TEXT,
              description = "While waiting: how many polls in a row may fail transiently (no answer, 429 or 5xx after"
                            + " the poll's own retries) before the wait fails with the last failure. A 401, 404 or a"
                            + " body that is not the run fails the wait at once.")
    private int maxFailedPolls = ExtendDefaults.MAX_FAILED_POLLS;

    /* -- listing -- */

    @UriParam(label = "producer",
              description = "listRuns and cancelBatch: only runs of this workflow. The CamelExtendWorkflowId header wins.")
    private String workflowId;

    @UriParam(label = "producer",
              description = "listRuns and cancelBatch: only runs of this batch. The CamelExtendBatchId header wins; for"
                            + " cancelBatch the body (text or UTF-8 bytes) is the batch when neither is set.")
    private String batchId;

    @UriParam(label = "producer",
              description = "listRuns of processor runs: only runs started by this source, such as a workflow run ID."
                            + " The CamelExtendSourceId header wins.")
    private String sourceId;

    @UriParam(label = "producer",
              description = "listRuns: only runs in these statuses, comma-separated (e.g. PENDING,PROCESSING). Extend"
                            + " lists one status per request, so several are listed one after the other. The"
                            + " CamelExtendListStatus header wins.")
    private String status;

    @UriParam(label = "producer",
              description = "listRuns and cancelBatch: only runs whose file name contains this text.")
    private String fileNameContains;

    @UriParam(label = "producer", enums = "updatedAt,createdAt",
              description = "listRuns: the order, by updatedAt (Extend's default) or createdAt.")
    private String sortBy;

    @UriParam(label = "producer", enums = "asc,desc", description = "listRuns: asc or desc (Extend's default).")
    private String sortDir;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.PAGE_SIZE_TEXT,
              description = "listRuns and cancelBatch: how many runs each page request asks for (1 to 1000).")
    private int pageSize = ExtendDefaults.PAGE_SIZE;

    @UriParam(label = "producer", defaultValue = "false",
              description = "listRuns: return one page (a List of runs) with the next page's token in"
                            + " CamelExtendNextPageToken, and ask for the page in CamelExtendPageToken. Without it the"
                            + " body is an Iterable over every matching run that fetches pages as it is walked, for"
                            + " split(body()).streaming().")
    private boolean singlePage;

    /* -- cancelling a batch -- */

    @UriParam(label = "producer", defaultValue = ExtendDefaults.BATCH_CONCURRENCY_TEXT,
              description = "cancelBatch: how many cancels may be under way at once. They also wait for the write"
                            + " rate limit, so a higher value only helps when Extend's latency, not the limit, is what"
                            + " holds them back.")
    private int batchConcurrency = ExtendDefaults.BATCH_CONCURRENCY;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.MAX_PASSES_TEXT,
              description = "cancelBatch: how many times at most the batch is listed. A pass that cancelled anything"
                            + " is followed by another (runs may change status while they are listed); the job is"
                            + " complete when a pass finds nothing left to cancel.")
    private int maxPasses = ExtendDefaults.MAX_PASSES;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.PROGRESS_INTERVAL, javaType = "java.time.Duration",
              description = "cancelBatch: how often progress is logged (INFO) and told to the progressListener.")
    private long progressInterval = ExtendDefaults.PROGRESS_INTERVAL_MILLIS;

    @UriParam(label = "producer,advanced",
              description = "cancelBatch: a dev.camelextend.client.BatchProgressListener told the counts at each"
                            + " progressInterval and at the end, e.g. to print a progress line.")
    private BatchProgressListener progressListener;

    /* -- webhook subscriptions as code -- */

    @UriParam(label = "producer",
              description = "createWebhookEndpoint: the public URL Extend delivers to (the extend:webhook consumer's"
                            + " path on your server). The CamelExtendWebhookUrl header wins.")
    private String webhookUrl;

    @UriParam(label = "producer", defaultValue = ExtendDefaults.WEBHOOK_ENDPOINT_NAME,
              description = "createWebhookEndpoint: the endpoint's name, as the dashboard shows it.")
    private String webhookName = ExtendDefaults.WEBHOOK_ENDPOINT_NAME;

    @UriParam(label = "producer",
              description = "createWebhookEndpoint: account-wide events for the new endpoint, comma-separated (such as"
                            + " extract_run.processed). None by default: workflow-run events are never account-wide,"
                            + " they come through a subscription per workflow.")
    private String endpointEvents;

    @UriParam(label = "common",
              description = "The webhook endpoint in Extend (wh_...): the endpoint createWebhookSubscription subscribes,"
                            + " listWebhookSubscriptions lists and deleteWebhookEndpoint deletes (the"
                            + " CamelExtendWebhookEndpointId header wins); and, on extend:webhook, the endpoint whose"
                            + " subscriptions subscribeWorkflows ensures at start.")
    private String webhookEndpointId;

    @UriParam(label = "common", defaultValue = ExtendDefaults.WORKFLOW_RUN_EVENTS,
              description = "The workflow-run events a subscription delivers, comma-separated: createWebhookSubscription"
                            + " and extend:webhook's subscribeWorkflows.")
    private String webhookEvents = ExtendDefaults.WORKFLOW_RUN_EVENTS;

    @UriParam(label = "consumer",
              description = "extend:webhook: workflows (comma-separated IDs) whose run events the endpoint"
                            + " webhookEndpointId must get. At route start, each is subscribed with webhookEvents"
                            + " (POST /webhook_subscriptions, an upsert: starting again changes nothing) before a"
                            + " delivery is taken; a failure fails the route's start. Needs apiKey and"
                            + " webhookEndpointId.")
    private String subscribeWorkflows;

    /* -- receiving webhooks (extend:webhook) -- */

    @UriParam(label = "consumer,security", secret = true,
              description = "extend:webhook: the signing secret (wss_...) of the webhook endpoint in Extend, shown once"
                            + " when the endpoint is created. Several, comma-separated, while a secret is rotated: a"
                            + " delivery signed with any of them passes. Required by the webhook consumer. Prefer a"
                            + " property placeholder such as {{env:EXTEND_WEBHOOK_SECRET}}, so it never appears in an"
                            + " endpoint URI.")
    private String secret;

    @UriParam(label = "consumer", defaultValue = ExtendDefaults.WEBHOOK_PATH,
              description = "extend:webhook: the path the consumer serves on the runtime's platform-http server (Camel"
                            + " Main's, Spring Boot's or Quarkus' web server); Extend POSTs the deliveries there.")
    private String path = ExtendDefaults.WEBHOOK_PATH;

    @UriParam(label = "consumer", defaultValue = ExtendDefaults.WEBHOOK_TOLERANCE, javaType = "java.time.Duration",
              description = "extend:webhook: how old a delivery's x-extend-request-timestamp may be, as Extend's SDKs"
                            + " check it (5 minutes); an older one is answered 401, as a replay. 0 turns the age check"
                            + " off; a timestamp more than 60 seconds in the future is refused either way.")
    private long tolerance = ExtendDefaults.WEBHOOK_TOLERANCE_MILLIS;

    @UriParam(label = "consumer", defaultValue = ExtendDefaults.WEBHOOK_MAX_BODY_SIZE_TEXT,
              description = "extend:webhook: the largest request body read, in bytes; a larger one is answered 413"
                            + " and not read on. Extend sends large payloads as a signed URL, which the consumer"
                            + " fetches within maxResponseSize.")
    private int maxBodySize = ExtendDefaults.WEBHOOK_MAX_BODY_SIZE;

    @UriParam(label = "consumer", defaultValue = ExtendDefaults.WEBHOOK_RESPONSE_TIMEOUT,
              javaType = "java.time.Duration",
              description = "extend:webhook: how long a delivery may take, from the request to the end of the route"
                            + " (with the fetch of a signed payload), before it is answered 503 so that Extend retries"
                            + " it; the route goes on. Must be below Extend's delivery timeout of 30 seconds.")
    private long responseTimeout = ExtendDefaults.WEBHOOK_RESPONSE_TIMEOUT_MILLIS;

    @UriParam(label = "consumer,advanced", defaultValue = ExtendDefaults.WEBHOOK_MAX_CONCURRENT_DELIVERIES_TEXT,
              description = "extend:webhook: how many deliveries' routes may run at once on the consumer's threads;"
                            + " one more is answered 503 at once, and Extend retries it later.")
    private int maxConcurrentDeliveries = ExtendDefaults.WEBHOOK_MAX_CONCURRENT_DELIVERIES;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isAlreadyCancelledIsSuccess() {
        return alreadyCancelledIsSuccess;
    }

    public void setAlreadyCancelledIsSuccess(boolean alreadyCancelledIsSuccess) {
        this.alreadyCancelledIsSuccess = alreadyCancelledIsSuccess;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Double getReadRateLimit() {
        return readRateLimit;
    }

    public void setReadRateLimit(Double readRateLimit) {
        this.readRateLimit = readRateLimit;
    }

    public Double getWriteRateLimit() {
        return writeRateLimit;
    }

    public void setWriteRateLimit(Double writeRateLimit) {
        this.writeRateLimit = writeRateLimit;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getIoThreadCount() {
        return ioThreadCount;
    }

    public void setIoThreadCount(int ioThreadCount) {
        this.ioThreadCount = ioThreadCount;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getRunKind() {
        return runKind;
    }

    public void setRunKind(String runKind) {
        this.runKind = runKind;
    }

    public boolean isWaitForOutcome() {
        return waitForOutcome;
    }

    public void setWaitForOutcome(boolean waitForOutcome) {
        this.waitForOutcome = waitForOutcome;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public int getMaxFailedPolls() {
        return maxFailedPolls;
    }

    public void setMaxFailedPolls(int maxFailedPolls) {
        this.maxFailedPolls = maxFailedPolls;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFileNameContains() {
        return fileNameContains;
    }

    public void setFileNameContains(String fileNameContains) {
        this.fileNameContains = fileNameContains;
    }

    public String getSortBy() {
        return sortBy;
    }

    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    public String getSortDir() {
        return sortDir;
    }

    public void setSortDir(String sortDir) {
        this.sortDir = sortDir;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isSinglePage() {
        return singlePage;
    }

    public void setSinglePage(boolean singlePage) {
        this.singlePage = singlePage;
    }

    public int getBatchConcurrency() {
        return batchConcurrency;
    }

    public void setBatchConcurrency(int batchConcurrency) {
        this.batchConcurrency = batchConcurrency;
    }

    public int getMaxPasses() {
        return maxPasses;
    }

    public void setMaxPasses(int maxPasses) {
        this.maxPasses = maxPasses;
    }

    public long getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(long progressInterval) {
        this.progressInterval = progressInterval;
    }

    public BatchProgressListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(BatchProgressListener progressListener) {
        this.progressListener = progressListener;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public long getTolerance() {
        return tolerance;
    }

    public void setTolerance(long tolerance) {
        this.tolerance = tolerance;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConcurrentDeliveries() {
        return maxConcurrentDeliveries;
    }

    public void setMaxConcurrentDeliveries(int maxConcurrentDeliveries) {
        this.maxConcurrentDeliveries = maxConcurrentDeliveries;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookName() {
        return webhookName;
    }

    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getEndpointEvents() {
        return endpointEvents;
    }

    public void setEndpointEvents(String endpointEvents) {
        this.endpointEvents = endpointEvents;
    }

    public String getWebhookEndpointId() {
        return webhookEndpointId;
    }

    public void setWebhookEndpointId(String webhookEndpointId) {
        this.webhookEndpointId = webhookEndpointId;
    }

    public String getWebhookEvents() {
        return webhookEvents;
    }

    public void setWebhookEvents(String webhookEvents) {
        this.webhookEvents = webhookEvents;
    }

    public String getSubscribeWorkflows() {
        return subscribeWorkflows;
    }

    public void setSubscribeWorkflows(String subscribeWorkflows) {
        this.subscribeWorkflows = subscribeWorkflows;
    }

    /** A copy, so an endpoint's overrides never change the component's defaults. */
    public ExtendConfiguration copy() {
        try {
            return (ExtendConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "ExtendConfiguration[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "none" : "***")
               + ", apiVersion=" + apiVersion + ", workspaceId=" + workspaceId + ", runId=" + runId
               + ", secret=" + (secret == null || secret.isEmpty() ? "none" : "***") + ", path=" + path
               + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxRetries="
               + maxRetries + ", proxyHost=" + proxyHost + "]";
    }
}
