package dev.camelextend.bench;

import java.util.concurrent.CompletableFuture;

import dev.camelextend.ExtendComponent;
import dev.camelextend.model.WorkflowRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultProducerTemplate;

/**
 * (a) The component: {@code extend:cancelRun} through a {@code ProducerTemplate}'s async API. The extend producer is
 * an AsyncProducer, so the template's "threaded async mode" is switched off: the send starts on the caller's thread
 * and returns at once, and the future completes on an HttpClient I/O thread. No thread pool is involved.
 */
public final class ComponentClient implements CancelClient {

    private final CamelContext context;
    private final DefaultProducerTemplate template;
    private final Endpoint endpoint;

    private ComponentClient(CamelContext context, DefaultProducerTemplate template, Endpoint endpoint) {
        this.context = context;
        this.template = template;
        this.endpoint = endpoint;
    }

    /** @param maxConnections the pool size ({@code maxConnections} option; the component's default is 200) */
    public static ComponentClient create(String baseUrl, int maxConnections) {
        return create(baseUrl, "maxConnections=" + maxConnections);
    }

    /** @param options extra endpoint options, e.g. {@code rateLimit=50} */
    public static ComponentClient create(String baseUrl, String options) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("bench-a");
        ExtendComponent extend = new ExtendComponent();
        extend.getConfiguration().setApiKey(API_KEY);
        extend.getConfiguration().setBaseUrl(baseUrl);
        context.addComponent("extend", extend);
        context.start();
        Endpoint endpoint = context.getEndpoint("extend:cancelRun" + (options.isEmpty() ? "" : "?" + options));
        DefaultProducerTemplate template = new DefaultProducerTemplate(context);
        template.setThreadedAsyncMode(false);
        template.start();
        return new ComponentClient(context, template, endpoint);
    }

    public CamelContext context() {
        return context;
    }

    @Override
    public String label() {
        return "a";
    }

    @Override
    public CompletableFuture<WorkflowRun> cancel(String runId) {
        return template.asyncRequestBody(endpoint, runId, WorkflowRun.class);
    }

    @Override
    public void close() {
        template.stop();
        context.stop();
    }
}
