package dev.camelextend.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendConstants;
import dev.camelextend.ExtendEndpoint;
import dev.camelextend.ExtendNotFoundException;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets of kamelets/, as the jar carries them (classpath:kamelets, where camel-kamelet looks), run without
 * camel-kamelet ({@link KameletComponentTest} runs them with it, in a version older than Camel's, as 4.22.0 is not to
 * be had here): camel-yaml-dsl's own Kamelet loader turns the file into a route template (its properties the
 * template's parameters), {@link TemplatedRouteBuilder} makes a route of it with the parameters a user would give, and
 * the {@code kamelet:} scheme is a direct: component, so {@code kamelet:source} is where the test sends. Then a cancel
 * returns the cancelled run, a refused one raises ExtendCancelNotAllowedException, and the definition and the template
 * agree with each other and with the component's metadata (extend.json).
 */
class KameletsTest {

    static final String CANCEL = "extend-cancel-run-action";
    static final String GET = "extend-get-run-action";
    /** {@code {{name}}} or the optional {@code {{?name}}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)(\\w+)}}");

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    static Stream<String> kamelets() {
        return Stream.of(CANCEL, GET);
    }

    @Test
    void theCancelActionReturnsTheCancelledRun() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        try (Instance cancel = new Instance(CANCEL, Map.of("apiKey", sim.apiKey(), "baseUrl", sim.baseUrl()))) {
            String running = sim.seedRun("PROCESSING");
            Exchange done = cancel.send(running);
            assertNull(done.getException());
            WorkflowRun run = assertInstanceOf(WorkflowRun.class, done.getMessage().getBody());
            assertEquals(running, run.getId());
            assertEquals("CANCELLED", sim.status(running));
            assertEquals(run.getRawStatus(), done.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        }
    }

    @Test
    void aRefusedCancelRaisesCancelNotAllowed() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        try (Instance cancel = new Instance(CANCEL, Map.of("apiKey", sim.apiKey(), "baseUrl", sim.baseUrl()))) {
            String finished = sim.seedRun("PROCESSED");
            ExtendCancelNotAllowedException e = assertInstanceOf(ExtendCancelNotAllowedException.class,
                    cancel.send(finished).getException());
            assertEquals(finished, e.getRunId());
            assertEquals("PROCESSED", sim.status(finished));
            String cancelled = sim.seedRun("CANCELLED");
            assertInstanceOf(ExtendCancelNotAllowedException.class, cancel.send(cancelled).getException(),
                    "alreadyCancelledIsSuccess is false by default");
        }
    }

    @Test
    void theParametersReachTheEndpoint() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        Map<String, Object> parameters = Map.of("apiKey", sim.apiKey(), "baseUrl", sim.baseUrl(),
                "workspaceId", "ws_kamelet", "maxRetries", "0", "requestTimeout", "4000",
                "alreadyCancelledIsSuccess", "true");
        try (Instance cancel = new Instance(CANCEL, parameters)) {
            String cancelled = sim.seedRun("CANCELLED");
            sim.clearJournal();
            Exchange done = cancel.send(cancelled);
            assertNull(done.getException(), "alreadyCancelledIsSuccess=true: the run is the result");
            assertEquals(cancelled, assertInstanceOf(WorkflowRun.class, done.getMessage().getBody()).getId());
            for (RecordedRequest r : sim.journal()) {
                assertEquals("ws_kamelet", r.header("x-extend-workspace-id"), r.requestLine());
            }
            ExtendEndpoint endpoint = cancel.extendEndpoint();
            assertEquals(0, endpoint.getConfiguration().getMaxRetries());
            assertEquals(4_000, endpoint.getConfiguration().getRequestTimeout());
        }
    }

    @Test
    void theDefaultsAreTheComponentsAndAnUnsetWorkspaceIsNotSent() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        JsonNode options = extendJson().path("properties");
        try (Instance get = new Instance(GET, Map.of("apiKey", sim.apiKey(), "baseUrl", sim.baseUrl()))) {
            String processed = sim.seedRun("PROCESSED");
            sim.clearJournal();
            Exchange read = get.send(processed);
            assertNull(read.getException());
            assertEquals("PROCESSED", assertInstanceOf(WorkflowRun.class, read.getMessage().getBody()).getRawStatus());
            assertEquals(1, sim.journal().size());
            assertNull(sim.journal().get(0).header("x-extend-workspace-id"), "{{?workspaceId}} unset: no header");
            ExtendEndpoint endpoint = get.extendEndpoint();
            assertEquals(options.path("maxRetries").path("defaultValue").asInt(), endpoint.getConfiguration().getMaxRetries());
            assertEquals(options.path("requestTimeout").path("defaultValue").asLong(),
                    endpoint.getConfiguration().getRequestTimeout());
            assertInstanceOf(ExtendNotFoundException.class, get.send("workflow_run_not_there").getException());
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void everyPropertyIsUsedAndEveryPlaceholderDefined(String name) throws IOException {
        Map<String, Object> kamelet = yaml(name);
        Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
        Map<String, Object> properties = map(definition, "properties");
        Map<String, Object> to = map(step(kamelet), "to");
        Map<String, String> placeholders = placeholders(map(to, "parameters"));
        assertEquals(new TreeSet<>(properties.keySet()), new TreeSet<>(placeholders.keySet()),
                "the properties of " + name + " and the placeholders of its template");
        @SuppressWarnings("unchecked")
        List<String> required = (List<String>) definition.get("required");
        assertTrue(properties.keySet().containsAll(required), "required properties are properties: " + required);
        properties.forEach((property, spec) -> {
            boolean mandatory = required.contains(property) || ((Map<?, ?>) spec).containsKey("default");
            assertEquals(mandatory ? "" : "?", placeholders.get(property), property
                         + ": a required property or one with a default is {{" + property + "}}, any other {{?"
                         + property + "}}, so an unset one leaves the option out");
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theDefinitionAgreesWithTheComponentsMetadata(String name) throws IOException {
        Map<String, Object> kamelet = yaml(name);
        JsonNode extend = extendJson();
        JsonNode component = extend.path("component");
        JsonNode options = extend.path("properties");
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));
        assertEquals(name, metadata.get("name"));
        assertEquals("action", map(metadata, "labels").get("camel.apache.org/kamelet.type"));
        assertEquals(component.path("version").asText(), map(metadata, "annotations").get("camel.apache.org/catalog.version"));
        Map<String, Object> spec = map(kamelet, "spec");
        assertEquals(List.of("camel:kamelet", "mvn:" + component.path("groupId").asText() + ":"
                                              + component.path("artifactId").asText() + ":" + component.path("version").asText()),
                spec.get("dependencies"));

        Map<String, Object> from = map(map(spec, "template"), "from");
        assertEquals("kamelet:source", from.get("uri"));
        assertEquals(1, ((List<?>) from.get("steps")).size(), "one step: the extend call");
        // extend-cancel-run-action calls extend:cancelRun, extend-get-run-action extend:getRun
        String operation = Pattern.compile("-(\\w)").matcher(name.substring("extend-".length(),
                name.length() - "-action".length())).replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
        String expected = "extend:" + operation;
        assertEquals(expected, map(step(kamelet), "to").get("uri"));
        assertTrue(castList(new ObjectMapper().convertValue(options.path("operation").path("enum"), List.class))
                .contains(operation), operation + " is an operation of extend.json");

        Map<String, Object> definition = map(spec, "definition");
        Map<String, Object> properties = map(definition, "properties");
        Set<String> requiredOptions = new TreeSet<>();
        options.properties().forEach(o -> {
            if (o.getValue().path("required").asBoolean() && !"path".equals(o.getValue().path("kind").asText())) {
                requiredOptions.add(o.getKey());
            }
        });
        assertEquals(requiredOptions, new TreeSet<>(castList(definition.get("required"))), "required as in extend.json");
        properties.forEach((property, value) -> {
            Map<?, ?> p = (Map<?, ?>) value;
            JsonNode option = options.path(property);
            assertTrue(option.isObject(), property + " is an endpoint option of extend.json");
            assertEquals(kameletType(option.path("type").asText()), p.get("type"), property + "'s type");
            assertNotNull(p.get("title"), property);
            assertNotNull(p.get("description"), property);
            if (option.has("defaultValue")) {
                assertEquals(option.path("defaultValue").asText(), String.valueOf(p.get("default")),
                        property + ": the component's default");
            } else {
                assertNull(p.get("default"), property + " has no default in the component");
            }
            if (option.path("secret").asBoolean()) {
                assertEquals("password", p.get("format"), property + " is a secret");
                assertEquals(List.of("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials"),
                        p.get("x-descriptors"), property);
            } else {
                assertNull(p.get("format"), property + " is no secret");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void camelsKameletLoaderMakesTheSameParametersOfIt(String name) throws Exception {
        Map<String, Object> definition = map(map(yaml(name), "spec"), "definition");
        Map<String, Object> properties = map(definition, "properties");
        List<String> required = castList(definition.get("required"));
        Map<String, String> expected = new TreeMap<>();
        properties.forEach((k, v) -> expected.put(k, required.contains(k) + "/" + ((Map<?, ?>) v).get("default")));
        CamelContext context = contextWith(name);
        try {
            RouteTemplateDefinition template = ((ModelCamelContext) context).getRouteTemplateDefinition(name);
            assertNotNull(template, "the loader names the template after metadata.name");
            Map<String, String> parameters = new TreeMap<>();
            for (RouteTemplateParameterDefinition p : template.getTemplateParameters()) {
                parameters.put(p.getName(), p.isRequired() + "/" + p.getDefaultValue());
            }
            assertEquals(expected, parameters);
        } finally {
            context.stop();
        }
    }

    /** One route made of a Kamelet's template, stopped with its context. */
    private static final class Instance implements AutoCloseable {
        private final CamelContext context;

        Instance(String kamelet, Map<String, Object> parameters) throws Exception {
            context = contextWith(kamelet);
            TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context, kamelet).routeId(kamelet);
            parameters.forEach(builder::parameter);
            builder.add();
            context.start();
        }

        Exchange send(String body) {
            return context.createProducerTemplate().request("kamelet:source", e -> e.getIn().setBody(body));
        }

        ExtendEndpoint extendEndpoint() {
            for (Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof ExtendEndpoint extend) {
                    return extend;
                }
            }
            throw new AssertionError("no extend endpoint in " + context.getEndpoints());
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    /** A context with the Kamelet loaded from the classpath as a route template, and kamelet: served by direct:. */
    private static CamelContext contextWith(String kamelet) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DirectComponent source = new DirectComponent();
        // camel-kamelet is on the test classpath too: without this, Camel would autowire this "kamelet" component
        // through camel-kamelet's configurer (found by the name) and fail on the type
        source.setAutowiredEnabled(false);
        context.addComponent("kamelet", source);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:kamelets/" + kamelet + ".kamelet.yaml"));
        return context;
    }

    private static Map<String, Object> yaml(String kamelet) throws IOException {
        try (InputStream in = KameletsTest.class.getClassLoader()
                .getResourceAsStream("kamelets/" + kamelet + ".kamelet.yaml")) {
            assertNotNull(in, kamelet + " on the classpath, under kamelets/");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            return map;
        }
    }

    private static Map<String, Object> step(Map<String, Object> kamelet) {
        List<?> steps = (List<?>) map(map(map(kamelet, "spec"), "template"), "from").get("steps");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) steps.get(0);
        return first;
    }

    /** Property name to "" ({{name}}) or "?" ({{?name}}), for every placeholder of the parameters' values. */
    private static Map<String, String> placeholders(Map<String, Object> parameters) {
        Map<String, String> found = new LinkedHashMap<>();
        parameters.forEach((option, value) -> {
            Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
            assertTrue(m.matches(), option + " is set from one placeholder: " + value);
            assertEquals(option, m.group(2), "the parameter " + option + " is set from the property of its name");
            found.put(m.group(2), m.group(1));
        });
        return found;
    }

    /** A Kamelet property's JSON-schema type for an extend.json option type (durations are given in milliseconds). */
    private static String kameletType(String extendType) {
        return switch (extendType) {
            case "duration", "integer" -> "integer";
            case "boolean" -> "boolean";
            case "string" -> "string";
            default -> throw new AssertionError("no Kamelet type for " + extendType);
        };
    }

    private static JsonNode extendJson() throws IOException {
        return new ObjectMapper().readTree(Path.of("src/generated/resources/META-INF/dev/camelextend/extend.json").toFile());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertInstanceOf(Map.class, child, key);
        return (Map<String, Object>) child;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return new ArrayList<>((List<String>) list);
    }
}
