package dev.camelextend.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelextend.model.ExtendJson;
import dev.camelextend.model.WorkflowRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultProducerTemplate;
import org.apache.camel.model.dataformat.JsonDataFormat;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * (b) What a user writes without the component: a camel-http route to {@code /workflow_runs/${id}/cancel}, their own
 * status check, then {@code unmarshal().json(WorkflowRun.class)} (with {@code autoDiscoverObjectMapper}). camel-http's producer blocks its thread for the
 * whole call (classic HttpClient 5), so the template's async API needs one thread per request in flight: the
 * template gets a fixed pool of {@code concurrency} threads, and the HTTP pool allows that many connections per route
 * (camel-http's default is 20 per route, which would cap it).
 */
public final class CamelHttpClient implements CancelClient {

    private final CamelContext context;
    private final DefaultProducerTemplate template;
    private final ExecutorService senders;

    private CamelHttpClient(CamelContext context, DefaultProducerTemplate template, ExecutorService senders) {
        this.context = context;
        this.template = template;
        this.senders = senders;
    }

    public static CamelHttpClient create(String baseUrl, int concurrency, int maxConnections) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("bench-b");
        // Camel's Jackson data format finds this mapper in the registry (it knows OffsetDateTime and unknown fields)
        context.getRegistry().bind("extendMapper", ExtendJson.newObjectMapper());
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(maxConnections);
        http.setConnectionsPerRoute(maxConnections);
        context.addComponent("http", http);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel").routeId("cancel-via-http")
                            .setProperty("runId", body())
                            .removeHeaders("*")
                            .setBody(constant(null))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader("Authorization", constant("Bearer " + API_KEY))
                            .setHeader("x-extend-api-version", constant(API_VERSION))
                            .setHeader("Accept", constant("application/json"))
                            .toD(baseUrl + "/workflow_runs/${exchangeProperty.runId}/cancel"
                                 + "?throwExceptionOnFailure=false")
                            .process(CamelHttpClient::checkStatus)
                            // = unmarshal().json(WorkflowRun.class), plus the one option that makes Camel use the
                            // registry's mapper: the default mapper has no JSR-310 module and fails on OffsetDateTime
                            .unmarshal(new JsonDataFormat(JsonLibrary.Jackson).unmarshalType(WorkflowRun.class)
                                    .autoDiscoverObjectMapper(true));
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context.start();
        AtomicInteger n = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "bench-b-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        DefaultProducerTemplate template = new DefaultProducerTemplate(context, senders);
        template.start();
        return new CamelHttpClient(context, template, senders);
    }

    /** The user's own error check: anything but 2xx fails the exchange with the status and body. */
    private static void checkStatus(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status < 200 || status > 299) {
            throw new IllegalStateException("Extend answered HTTP " + status + ": "
                                            + exchange.getMessage().getBody(String.class));
        }
    }

    public CamelContext context() {
        return context;
    }

    @Override
    public String label() {
        return "b";
    }

    @Override
    public CompletableFuture<WorkflowRun> cancel(String runId) {
        return template.asyncRequestBody("direct:cancel", runId, WorkflowRun.class);
    }

    @Override
    public void close() {
        template.stop();
        context.stop();
        senders.shutdownNow();
    }
}
