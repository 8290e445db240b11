package dev.camelextend.dsl;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.ExtendAuthenticationException;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendEndpoint;
import dev.camelextend.builder.component.ComponentsBuilderFactory;
import dev.camelextend.builder.component.dsl.ExtendComponentBuilderFactory;
import dev.camelextend.builder.endpoint.dsl.ExtendEndpointBuilderFactory;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Component DSL that Camel's generator writes into src/generated/java/dev/camelextend/builder/component: a
 * component built and registered with it is the one the routes use, with its options (the key among them, so no
 * endpoint URI carries one); two names give two independently configured components; the builder is a Camel
 * {@code ComponentBuilder}; and it has a setter for exactly the component options of extend.json.
 */
class ComponentDslTest {

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    static final class Routes extends EndpointRouteBuilder implements ExtendEndpointBuilderFactory.ExtendBuilders {
        @Override
        public void configure() {
            from(direct("cancel")).to(extend("cancelRun"));
            // the same DSL aimed at the component registered as "extend-other"
            from(direct("cancel-other")).to(extend("extend-other", "cancelRun"));
        }
    }

    @Test
    void aComponentRegisteredWithTheDslServesTheRoutes() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        try {
            ComponentsBuilderFactory.extend()
                .apiKey(sim.apiKey())
                .baseUrl(sim.baseUrl())
                .requestTimeout(4_000)
                .maxWorkerThreads(3)
                .register(context, "extend");
            ExtendComponentBuilderFactory.extend()
                .apiKey("sk_test_not_the_simulators")
                .baseUrl(sim.baseUrl())
                .maxRetries(0)
                .register(context, "extend-other");
            context.addRoutes(new Routes());
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            String running = sim.seedRun("PROCESSING");
            Exchange cancelled = template.request("direct:cancel", e -> e.getIn().setBody(running));
            assertNull(cancelled.getException());
            assertEquals("CANCELLED", sim.status(running));

            String other = sim.seedRun("PROCESSING");
            Exchange refused = template.request("direct:cancel-other", e -> e.getIn().setBody(other));
            assertInstanceOf(ExtendAuthenticationException.class, refused.getException(), "the other component's key");
            assertEquals("PROCESSING", sim.status(other));

            ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
            assertEquals(4_000, extend.getConfiguration().getRequestTimeout());
            assertEquals(3, extend.getMaxWorkerThreads());
            for (Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof ExtendEndpoint e) {
                    assertFalse(e.getEndpointUri().contains("apiKey"), "the key stays on the component: " + e);
                    if (e.getEndpointUri().startsWith("extend://")) {
                        assertSame(extend, e.getComponent());
                        assertEquals(4_000, e.getConfiguration().getRequestTimeout(), "inherited from the component");
                    }
                }
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void theBuilderIsACamelComponentBuilder() {
        Object builder = ExtendComponentBuilderFactory.extend();
        assertInstanceOf(org.apache.camel.builder.component.ComponentBuilder.class, builder);
        assertInstanceOf(org.apache.camel.builder.component.AbstractComponentBuilder.class, builder);
        ExtendComponent built = ExtendComponentBuilderFactory.extend().workspaceId("ws_built").build();
        assertEquals("ws_built", built.getConfiguration().getWorkspaceId());
    }

    @Test
    void theBuilderHasASetterForEveryComponentOptionOfExtendJson() throws IOException {
        Set<String> options = new TreeSet<>();
        new ObjectMapper().readTree(Path.of("src/generated/resources/META-INF/dev/camelextend/extend.json").toFile())
                .path("componentProperties").fieldNames().forEachRemaining(options::add);
        assertTrue(options.contains("apiKey") && options.contains("maxWorkerThreads"), "read extend.json: " + options);
        Set<String> setters = Arrays.stream(ExtendComponentBuilderFactory.ExtendComponentBuilder.class.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 1)
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(options, setters);
    }
}
