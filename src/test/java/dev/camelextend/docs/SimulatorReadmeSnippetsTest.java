package dev.camelextend.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelextend.ExtendComponent;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java blocks of {@code simulator/README.md} are code that runs: the JUnit 5 example is {@link MyRouteTest} (a test
 * of this build), and the example without the extension is a tagged region here, run against a route.
 */
class SimulatorReadmeSnippetsTest {

    static final Path README = Path.of("simulator/README.md");
    static final Path THIS = Path.of("src/test/java/dev/camelextend/docs/SimulatorReadmeSnippetsTest.java");
    static final Path MY_ROUTE_TEST = Path.of("src/test/java/dev/camelextend/docs/MyRouteTest.java");

    @Test
    void theReadmesJavaBlocksAreTaggedRegionsOfTests() throws IOException {
        Map<String, String> regions = DocBlocks.taggedRegions(MY_ROUTE_TEST, THIS);
        assertEquals(List.copyOf(regions.values()), javaBlocks(), "the README's Java blocks, in order");
    }

    @Test
    void withoutTheExtension() throws Exception {
        // tag::without-extension[]
        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test").build().start()) {
            String runId = sim.seedRun("PROCESSING");
            cancelThroughYourRoute(sim.baseUrl(), sim.apiKey(), runId); // your code under test
            assertEquals("CANCELLED", sim.status(runId));
        }
        // end::without-extension[]
    }

    /** The README's "your code under test": a route that cancels through extend:cancelRun. */
    private static void cancelThroughYourRoute(String baseUrl, String apiKey, String runId) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
            extend.getConfiguration().setApiKey(apiKey);
            extend.getConfiguration().setBaseUrl(baseUrl);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel").to("extend:cancelRun");
                }
            });
            context.start();
            WorkflowRun run = context.createProducerTemplate().requestBody("direct:cancel", runId, WorkflowRun.class);
            assertEquals(runId, run.getId());
        }
    }

    private static List<String> javaBlocks() throws IOException {
        Matcher m = Pattern.compile("(?ms)^```java\n(.*?)^```$").matcher(Files.readString(README, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
