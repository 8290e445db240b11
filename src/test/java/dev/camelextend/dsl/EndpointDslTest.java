package dev.camelextend.dsl;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.ExtendConstants;
import dev.camelextend.ExtendEndpoint;
import dev.camelextend.builder.endpoint.StaticEndpointBuilders;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory.AdvancedExtendEndpointBuilder;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory.AdvancedExtendEndpointConsumerBuilder;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory.AdvancedExtendEndpointProducerBuilder;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory.ExtendEndpointBuilder;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory.ExtendEndpointConsumerBuilder;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory.ExtendEndpointProducerBuilder;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.support.CancelChecks;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.LeakChecks.assertNoKeyFragment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Endpoint DSL that Camel's generator writes into src/generated/java/dev/camelextend/builder/endpoint: routes
 * written in it cancel and read runs against the simulator, the options set through it reach the endpoint, the URIs
 * Camel shows for such an endpoint have the key masked, and the builder has a method for exactly the endpoint options
 * of extend.json (so a builder generated from an older extend.json fails here, not only in CI's diff).
 */
class EndpointDslTest {

    /** Distinctive, so that any fragment of it in a dump is found. */
    static final String KEY = "sk_test_DSL_CANARY_7311";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().configure(b -> b.apiKey(KEY));

    /** Camel's EndpointRouteBuilder brings direct(...); ExtendBuilders adds extend(...) beside it. */
    static final class Routes extends EndpointRouteBuilder implements ExtendEndpointBuilderFactory.ExtendBuilders {
        private final String baseUrl;

        Routes(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public void configure() {
            from(direct("cancel")).routeId("cancel")
                .to(extend("cancelRun").baseUrl(baseUrl).apiKey(KEY).requestTimeout("5s").maxRetries(1)
                        .advanced().maxConnections(7));
            from(direct("get")).routeId("get")
                .setHeader(extend().extendRunId(), body())
                .setBody(constant("not_the_run"))
                .to(extend("getRun").baseUrl(baseUrl).apiKey(KEY).workspaceId("ws_dsl"));
        }
    }

    @Test
    void aRouteInTheEndpointDslCancelsAndReadsRuns() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new Routes(sim.baseUrl()));
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            CancelChecks.cancelsARunningRun(template, sim, "direct:cancel");
            String finished = CancelChecks.refusesAFinishedRun(template, sim, "direct:cancel");

            // the header name comes from the DSL's header builder and wins over the body, as ExtendConstants says
            sim.clearJournal();
            Exchange read = template.request("direct:get", x -> x.getIn().setBody(finished));
            assertNull(read.getException());
            assertEquals(finished, assertInstanceOf(WorkflowRun.class, read.getMessage().getBody()).getId());
            RecordedRequest get = sim.journal().get(sim.journal().size() - 1);
            assertEquals("ws_dsl", get.header("x-extend-workspace-id"));
            assertEquals("Bearer " + KEY, get.header("Authorization"));
        } finally {
            context.stop();
        }
    }

    @Test
    void theOptionsSetInTheDslReachTheEndpoint() throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new Routes(SIM.baseUrl()));
            context.start();
            ExtendEndpoint cancel = extendEndpointOf(context, "cancel");
            assertEquals(5_000, cancel.getConfiguration().getRequestTimeout(), "requestTimeout(\"5s\")");
            assertEquals(1, cancel.getConfiguration().getMaxRetries());
            assertEquals(7, cancel.getConfiguration().getMaxConnections(), "advanced().maxConnections(7)");
            assertEquals(KEY, cancel.getConfiguration().getApiKey());
            assertEquals("ws_dsl", extendEndpointOf(context, "get").getConfiguration().getWorkspaceId());
        } finally {
            context.stop();
        }
    }

    @Test
    void theUrisCamelShowsMaskTheKeyGivenThroughTheDsl() throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new Routes(SIM.baseUrl()));
            context.start();
            StringBuilder shown = new StringBuilder();
            for (Route route : context.getRoutes()) {
                shown.append(route).append('\n').append(route.getEndpoint()).append('\n');
                processors(route.navigate(), shown);
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                shown.append(endpoint).append('\n').append(URISupport.sanitizeUri(endpoint.getEndpointUri())).append('\n');
            }
            shown.append(((ModelCamelContext) context).getRouteDefinitions()).append('\n');
            ExtendEndpoint cancel = extendEndpointOf(context, "cancel");
            assertTrue(cancel.toString().contains("apiKey=xxxxxx"), "the key is in the URI, masked: " + cancel);
            assertTrue(shown.toString().contains("extend://cancelRun"), "the dump shows the endpoints: " + shown);
            assertNoKeyFragment("what Camel shows of routes and endpoints", shown.toString(), KEY);
        } finally {
            context.stop();
        }
    }

    @Test
    void theStaticBuildersServeAPlainRouteBuilder() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:static")
                        .to(StaticEndpointBuilders.extend("cancelRun").baseUrl(sim.baseUrl()).apiKey(KEY));
                }
            });
            context.start();
            String running = sim.seedRun("PENDING");
            context.createProducerTemplate().sendBody("direct:static", running);
            assertEquals("CANCELLED", sim.status(running));
        } finally {
            context.stop();
        }
    }

    @Test
    void theBuilderHasAMethodForEveryEndpointOptionOfExtendJson() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(
                Path.of("src/generated/resources/META-INF/dev/camelextend/extend.json").toFile());
        Set<String> basic = new TreeSet<>();
        Set<String> advanced = new TreeSet<>();
        metadata.path("properties").properties().forEach(option -> {
            JsonNode o = option.getValue();
            if (!"path".equals(o.path("kind").asText())) {
                (o.path("label").asText().contains("advanced") ? advanced : basic).add(option.getKey());
            }
        });
        assertTrue(basic.contains("apiKey") && advanced.contains("synchronous"), "read extend.json: " + basic + advanced);
        // the consumer's options, the producer's and those of both, each on its builder
        assertEquals(basic, optionMethods(ExtendEndpointBuilder.class, ExtendEndpointConsumerBuilder.class,
                ExtendEndpointProducerBuilder.class));
        assertEquals(advanced, optionMethods(AdvancedExtendEndpointBuilder.class,
                AdvancedExtendEndpointConsumerBuilder.class, AdvancedExtendEndpointProducerBuilder.class));
        Set<String> headers = new TreeSet<>();
        metadata.path("headers").properties().forEach(h -> headers.add(h.getKey()));
        Set<String> fromBuilder = Arrays.stream(ExtendEndpointBuilderFactory.ExtendHeaderNameBuilder.class.getDeclaredMethods())
                .map(m -> invoke(m))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(headers, fromBuilder);
        assertTrue(fromBuilder.contains(ExtendConstants.RUN_ID));
    }

    /** The option setters the interface itself declares (not advanced()/basic(), nor Camel's inherited methods). */
    private static Set<String> optionMethods(Class<?>... builders) {
        return Arrays.stream(builders).flatMap(b -> Arrays.stream(b.getDeclaredMethods()))
                .filter(m -> m.getParameterCount() == 1)
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String invoke(Method m) {
        try {
            return (String) m.invoke(ExtendEndpointBuilderFactory.ExtendHeaderNameBuilder.INSTANCE);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static ExtendEndpoint extendEndpointOf(CamelContext context, String routeId) {
        StringBuilder all = new StringBuilder();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof ExtendEndpoint extend
                && extend.getEndpointUri().startsWith("extend://" + ("cancel".equals(routeId) ? "cancelRun" : "getRun"))) {
                return extend;
            }
            all.append(endpoint).append(' ');
        }
        throw new AssertionError("no extend endpoint for route " + routeId + " among " + all);
    }

    private static void processors(Navigate<Processor> nav, StringBuilder shown) {
        if (nav == null || nav.next() == null) {
            return;
        }
        for (Processor p : nav.next()) {
            shown.append(p).append('\n');
            if (p instanceof Navigate<?> child) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> next = (Navigate<Processor>) child;
                processors(next, shown);
            }
        }
    }
}
