package dev.camelextend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.client.SignedPayloadFetcher;
import dev.camelextend.client.WebhookEvents;
import dev.camelextend.client.WebhookEvents.Envelope;
import dev.camelextend.client.WebhookEvents.WebhookFormatException;
import dev.camelextend.client.WebhookSettings;
import dev.camelextend.client.WebhookSignature;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.WorkflowRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("extend:webhook?secret=wss_...")}: serves one POST path on the runtime's platform-http server and runs the
 * route once per delivery Extend signed. Each request is answered by what happened to it, and nothing reaches the route
 * before the first four checks passed:
 * <ol>
 * <li>413 for a body above {@code maxBodySize} (read no further: {@link WebhookRequestBody});</li>
 * <li>401 for a missing, malformed, stale, future or wrong signature ({@link WebhookSignature}, on the raw bytes);</li>
 * <li>400 for a verified body that is no Extend envelope ({@link WebhookEvents});</li>
 * <li>503 when {@code maxConcurrentDeliveries} deliveries are being handled, or the consumer is suspended;</li>
 * <li>502 when a signed payload URL cannot be fetched, or holds no payload;</li>
 * <li>then the route runs, on an exchange of its own (body {@link ExtendWebhookEvent}, the {@code CamelExtendWebhook*}
 * headers and the request's headers but no {@code Camel*} one: {@link WebhookHeaderFilter}): 200 when it completed,
 * 500 when it failed, 503 when the whole delivery took longer than {@code responseTimeout}, so that Extend retries.</li>
 * </ol>
 * The route runs on the consumer's own threads while the server's thread waits at most until the delivery's deadline;
 * a route that is still running then goes on, and one that had not started yet never does. The consumer needs no
 * platform-http class: it asks Camel for a {@code platform-http:} endpoint by its URI, so whichever engine the runtime
 * has (Camel Main's, Spring Boot's, Quarkus') serves it.
 */
final class ExtendWebhookConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(ExtendWebhookConsumer.class);
    static final String PLATFORM_HTTP = "platform-http";

    private static final int WAITING = 0;
    private static final int ROUTING = 1;
    private static final int ABANDONED = 2;

    private final ExtendEndpoint endpoint;
    private final ObjectMapper mapper;
    private volatile WebhookSettings settings;
    private volatile WebhookSignature signature;
    private volatile SignedPayloadFetcher fetcher;
    private volatile ExecutorService deliveries;
    private volatile Consumer httpConsumer;

    ExtendWebhookConsumer(ExtendEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.mapper = endpoint.getComponent().getObjectMapper();
    }

    /** The checked options of the endpoint: every mistake fails the route's start, naming the option. */
    static WebhookSettings settings(ExtendConfiguration c) {
        return new WebhookSettings(WebhookSettings.secrets(c.getSecret()), c.getPath(),
                Duration.ofMillis(c.getTolerance()), c.getMaxBodySize(), Duration.ofMillis(c.getResponseTimeout()),
                c.getMaxConcurrentDeliveries(), c.getMaxResponseSize(), Duration.ofMillis(c.getRequestTimeout()),
                c.getMaxRetries());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ExtendConfiguration c = endpoint.getConfiguration();
        settings = settings(c);
        WorkflowSubscriptions subscriptions = WorkflowSubscriptions.of(c);
        signature = new WebhookSignature(settings.secrets(), settings.tolerance());
        CamelContext context = endpoint.getCamelContext();
        if (context.getComponent(PLATFORM_HTTP, true, false) == null) {
            throw new IllegalStateException("extend:webhook is served by Camel's platform-http, which is not on the"
                                            + " class path: add the runtime's platform-http engine"
                                            + " (camel-platform-http-main on Camel Main, camel-platform-http-starter on"
                                            + " Spring Boot, camel-quarkus-platform-http on Quarkus, or"
                                            + " camel-platform-http-vertx)");
        }
        fetcher = new SignedPayloadFetcher(endpoint.getComponent().getScheduler(), settings.maxPayloadSize(),
                Duration.ofMillis(c.getConnectTimeout()), settings.fetchTimeout(), settings.fetchRetries(),
                Duration.ofMillis(c.getRetryInitialDelay()), Duration.ofMillis(c.getRetryMaxDelay()));
        ThreadPoolProfile profile = new ThreadPoolProfile("ExtendWebhook");
        profile.setPoolSize(settings.maxConcurrentDeliveries());
        profile.setMaxPoolSize(settings.maxConcurrentDeliveries());
        profile.setMaxQueueSize(0); // a delivery beyond the pool is answered 503 at once, not queued past its deadline
        profile.setAllowCoreThreadTimeOut(true);
        profile.setKeepAliveTime(60L);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        deliveries = context.getExecutorServiceManager().newThreadPool(this, "ExtendWebhook", profile);
        try {
            Map<String, Object> options = new HashMap<>();
            options.put("httpMethodRestrict", "POST");
            options.put("headerFilterStrategy", new WebhookHeaderFilter());
            options.put("muteException", true);
            Endpoint http = context.getEndpoint(PLATFORM_HTTP + ":" + settings.path(), options);
            ServiceHelper.startService(http);
            httpConsumer = http.createConsumer(this::onRequest);
            ServiceHelper.startService(httpConsumer);
            endpoint.getComponent().webhookServed(settings.path(), settings.maxBodySize());
            if (subscriptions != null) {
                // listening first: the deliveries a new subscription starts are taken from its first one on
                subscriptions.ensure(endpoint.getClient(), endpoint.getClient().settings().callBudget().toMillis());
            }
        } catch (Exception | LinkageError e) {
            stopAll();
            throw e;
        }
        LOG.debug("Extend webhook consumer listening on POST {} ({})", settings.path(), settings);
    }

    @Override
    protected void doStop() throws Exception {
        stopAll();
        super.doStop();
    }

    private void stopAll() {
        WebhookSettings served = settings;
        if (served != null) {
            endpoint.getComponent().webhookNotServed(served.path());
        }
        Consumer http = httpConsumer;
        httpConsumer = null;
        ServiceHelper.stopService(http);
        ExecutorService pool = deliveries;
        deliveries = null;
        if (pool != null) {
            // routes still running finish: the context's shutdown strategy waits for their exchanges
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(pool);
        }
    }

    /** The answer to one request: its status and a short text that quotes nothing of the request. */
    record Answer(int status, String text) {

        void writeTo(Message message) {
            message.getHeaders().clear(); // the request's headers are not echoed back
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Runs on the platform-http server's thread: answers the request, whatever happens. */
    private void onRequest(Exchange http) {
        long started = System.nanoTime();
        Answer answer;
        try {
            answer = answer(http.getMessage(), started + settings.responseTimeout().toNanos());
        } catch (RuntimeException e) {
            LOG.warn("An Extend webhook delivery could not be handled: {}", e.toString());
            answer = new Answer(500, "the delivery could not be handled");
        }
        answer.writeTo(http.getMessage());
    }

    private Answer answer(Message request, long deadlineNanos) {
        if (!isRunAllowed() || isSuspendingOrSuspended()) {
            return refused(new Answer(503, "the webhook consumer is not accepting deliveries now"));
        }
        byte[] body;
        try {
            body = WebhookRequestBody.read(request, settings.maxBodySize());
        } catch (IOException unreadable) {
            return refused(new Answer(400, "the request body could not be read"));
        }
        if (body == null) {
            return refused(new Answer(413, "the request body is larger than maxBodySize (" + settings.maxBodySize()
                                           + " bytes)"));
        }
        WebhookSignature.Verdict verdict = signature.verify(header(request, WebhookSignature.TIMESTAMP_HEADER),
                header(request, WebhookSignature.SIGNATURE_HEADER), body, System.currentTimeMillis() / 1000);
        if (verdict != WebhookSignature.Verdict.VALID) {
            return refused(new Answer(401, verdict.reason()));
        }
        Envelope envelope;
        try {
            envelope = WebhookEvents.envelope(body, mapper);
        } catch (WebhookFormatException notAnEnvelope) {
            return refused(new Answer(400, notAnEnvelope.getMessage()));
        }
        Delivery delivery = new Delivery(envelope, requestHeaders(request), deadlineNanos);
        ExecutorService pool = deliveries;
        if (pool == null) {
            return refused(new Answer(503, "the webhook consumer is not accepting deliveries now"));
        }
        Future<Answer> outcome;
        try {
            outcome = pool.submit(delivery::run);
        } catch (RejectedExecutionException busy) {
            LOG.warn("Answered the Extend webhook delivery of event {} with 503: {} deliveries are being handled"
                     + " (maxConcurrentDeliveries)", envelope.eventId(), settings.maxConcurrentDeliveries());
            return new Answer(503, "too many deliveries are being handled");
        }
        Answer answer = delivery.await(outcome);
        LOG.debug("Extend webhook delivery of event {} ({}): {} {}", envelope.eventId(), envelope.eventType(),
                answer.status(), answer.text());
        return answer;
    }

    private static Answer refused(Answer answer) {
        LOG.debug("Refused an Extend webhook request: {} {}", answer.status(), answer.text());
        return answer;
    }

    /** One header's value as text: null when absent, empty (so malformed) when repeated or not text. */
    private static String header(Message request, String name) {
        Object value = request.getHeader(name);
        if (value instanceof List<?> values) {
            value = values.size() == 1 ? values.get(0) : "";
        }
        return value == null ? null : value instanceof String text ? text : "";
    }

    /** The request's headers (and query parameters) without any Camel one, copied before the answer clears them. */
    private static Map<String, Object> requestHeaders(Message request) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> h : request.getHeaders().entrySet()) {
            if (!WebhookHeaderFilter.isCamelHeader(h.getKey())) {
                headers.put(h.getKey(), h.getValue());
            }
        }
        return headers;
    }

    /** One verified delivery: fetched if need be, then routed on the consumer's threads within its deadline. */
    private final class Delivery {

        private final Envelope envelope;
        private final Map<String, Object> headers;
        private final long deadlineNanos;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Delivery(Envelope envelope, Map<String, Object> headers, long deadlineNanos) {
            this.envelope = envelope;
            this.headers = headers;
            this.deadlineNanos = deadlineNanos;
        }

        /** Waits for the delivery until its deadline; a route not started by then never starts. */
        Answer await(Future<Answer> outcome) {
            try {
                return outcome.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                boolean started = !state.compareAndSet(WAITING, ABANDONED);
                LOG.warn("Answered the Extend webhook delivery of event {} with 503: not handled within responseTimeout"
                         + " ({} ms){}", envelope.eventId(), settings.responseTimeout().toMillis(),
                         started ? "; its route goes on, and Extend will deliver the event again" : "");
                return new Answer(503, "the delivery was not handled within responseTimeout");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                state.compareAndSet(WAITING, ABANDONED);
                return new Answer(503, "the server is stopping");
            } catch (ExecutionException failed) {
                LOG.warn("An Extend webhook delivery of event {} failed: {}", envelope.eventId(),
                        String.valueOf(failed.getCause()));
                return new Answer(500, "the delivery could not be handled");
            }
        }

        Answer run() {
            JsonNode payload = envelope.payload();
            if (envelope.signedUrl() != null) {
                try {
                    byte[] fetched = fetcher.fetch(envelope.signedUrl(), deadlineNanos)
                            .get(Math.max(0, deadlineNanos - System.nanoTime()) + 1, TimeUnit.NANOSECONDS);
                    payload = WebhookEvents.fetchedPayload(fetched, mapper);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Answer(503, "the server is stopping");
                } catch (ExecutionException | TimeoutException | WebhookFormatException failed) {
                    Throwable why = failed instanceof ExecutionException ? failed.getCause() : failed;
                    LOG.warn("Answered the Extend webhook delivery of event {} with 502: its signed payload: {}",
                            envelope.eventId(), why.getMessage());
                    return new Answer(502, "the signed payload could not be fetched");
                }
            }
            ExtendWebhookEvent event;
            try {
                event = WebhookEvents.event(envelope, payload, mapper);
            } catch (WebhookFormatException wrongPayload) {
                return new Answer(envelope.signedUrl() != null ? 502 : 400, wrongPayload.getMessage());
            }
            if (!state.compareAndSet(WAITING, ROUTING)) {
                return new Answer(503, "the delivery was not handled within responseTimeout");
            }
            return route(event);
        }

        private Answer route(ExtendWebhookEvent event) {
            Exchange exchange = createExchange(false);
            try {
                Message message = exchange.getMessage();
                message.getHeaders().putAll(headers);
                describe(message, event);
                message.setBody(event);
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            try {
                if (exchange.getException() != null) {
                    LOG.debug("The route of Extend webhook event {} failed: {}", event.getEventId(),
                            String.valueOf(exchange.getException()));
                    return new Answer(500, "the route failed");
                }
                return new Answer(200, "");
            } finally {
                releaseExchange(exchange, false);
            }
        }
    }

    /** The CamelExtendWebhook* headers of an event; only those it has. */
    private static void describe(Message message, ExtendWebhookEvent event) {
        message.setHeader(ExtendConstants.WEBHOOK_EVENT_TYPE, event.getEventType());
        message.setHeader(ExtendConstants.WEBHOOK_EVENT_ID, event.getEventId());
        if (event.getRunId() != null) {
            message.setHeader(ExtendConstants.WEBHOOK_RUN_ID, event.getRunId());
        }
        WorkflowRun run = event.getWorkflowRun();
        if (run != null && run.getBatchId() != null) {
            message.setHeader(ExtendConstants.WEBHOOK_BATCH_ID, run.getBatchId());
        }
        if (run != null && run.getWorkflow() != null && run.getWorkflow().getId() != null) {
            message.setHeader(ExtendConstants.WEBHOOK_WORKFLOW_ID, run.getWorkflow().getId());
        }
    }
}
