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

import dev.camelextend.ExtendCancelNotAllowedException;
import dev.camelextend.ExtendApiException;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendRateLimitException;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the reference page's code honest. Each Java block of the page is, character for character, a tagged region
 * of this class (the Usage routes, and the README's error-handling example), of
 * {@link ReferenceConfigurationSnippetsTest} (configuration, retries, redelivery) or of
 * {@link ReferenceDslSnippetsTest} (the Endpoint DSL and Component DSL); each YAML block is loaded as it is written
 * (the Kamelet route's by ReferenceDslSnippetsTest); the Usage routes in both DSLs run against the simulator (a
 * {@code jms:} consumer is a {@code direct:} one here, so no broker is needed) and do what the page says; the
 * dependency blocks name this build's artifacts.
 */
class ReferenceSnippetsTest {

    static final Path THIS = Path.of("src/test/java/dev/camelextend/docs/ReferenceSnippetsTest.java");
    /** The configuration, retry and redelivery blocks of the page, as tagged regions there. */
    static final Path CONFIGURATION = Path.of("src/test/java/dev/camelextend/docs/ReferenceConfigurationSnippetsTest.java");

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    /* The Java routes of the page, as tagged regions. */
    static final class CancellingARun extends RouteBuilder {
        @Override
        public void configure() {
            // tag::cancelling-a-run[]
            from("jms:queue:runs-to-cancel")
                .to("extend:cancelRun")
                .log("Run ${body.id} is now ${header.CamelExtendRunStatus}");
            // end::cancelling-a-run[]
        }
    }

    static final class ReadingARun extends RouteBuilder {
        @Override
        public void configure() {
            // tag::reading-a-run[]
            from("direct:check-run")
                .to("extend:getRun")
                .choice()
                    .when(simple("${body.status} == 'PROCESSED'"))
                        .log("Run ${body.id} of ${body.workflow.name} finished")
                    .when(simple("${body.status.terminal} == false"))
                        .log("Run ${body.id} is still ${body.status}")
                .end();
            // end::reading-a-run[]
        }
    }

    static final class ErrorHandling extends RouteBuilder {
        @Override
        public void configure() {
            // tag::error-handling[]
            onException(ExtendCancelNotAllowedException.class)
                .handled(true)
                .log("Run ${exception.runId} is ${exception.runStatus}; not cancelled");

            onException(ExtendRateLimitException.class)
                .handled(true)
                .log("Rate limited; Extend asked to wait ${exception.retryAfter}")
                .to("direct:retry-later");

            onException(ExtendApiException.class)
                .handled(true)
                .log("Extend answered HTTP ${exception.statusCode} ${exception.errorCode} (requestId ${exception.requestId})");

            from("direct:cancel-run")
                .to("extend:cancelRun");
            // end::error-handling[]
            from("direct:retry-later").log("retry later: ${body}"); // where the page's rate-limit handler sends to
        }
    }

    @Test
    void everyJavaBlockOfThePageIsATaggedRegionOfASnippetTest() throws IOException {
        Map<String, String> regions = DocBlocks.taggedRegions(THIS, CONFIGURATION, ReferenceDslSnippetsTest.THIS,
                Path.of("src/test/java/dev/camelextend/docs/ReferencePipelineSnippetsTest.java"),
                ReferenceWebhookSnippetsTest.THIS);
        List<String> blocks = DocBlocks.allBlocks().get("java");
        assertEquals(regions.size(), blocks.size(), "one region per Java block of " + DocBlocks.ADOC);
        for (String block : blocks) {
            assertTrue(regions.containsValue(block), "not a tagged region of " + THIS + ", " + CONFIGURATION + ", "
                                                     + ReferenceDslSnippetsTest.THIS + ", ReferencePipelineSnippetsTest"
                                                     + " or " + ReferenceWebhookSnippetsTest.THIS + ":\n" + block);
        }
    }

    @Test
    void everyBlockOfThePageIsOneTheSnippetTestsRead() throws IOException {
        Map<String, List<String>> all = DocBlocks.allBlocks();
        assertEquals(List.of("xml", "properties", "java", "yaml"), List.copyOf(all.keySet()),
                "a block in another language needs a test that reads it");
        List<String> read = new ArrayList<>(usageBlocks("yaml"));
        read.addAll(DocBlocks.blocks(DocBlocks.section("=== Kamelets", "=== Not included yet"), "yaml"));
        assertEquals(read, all.get("yaml"), "the YAML blocks are those of the Usage and Kamelets sections");
    }

    @Test
    void theDependencyBlocksNameThisBuildsArtifacts() throws IOException {
        String pom = Files.readString(Path.of("camel-extend.pom.xml"), StandardCharsets.UTF_8);
        Matcher project = Pattern.compile("(?s)</modelVersion>\\s*<groupId>(.*?)</groupId>\\s*<artifactId>(.*?)</artifactId>"
                                          + "\\s*<version>(.*?)</version>").matcher(pom);
        assertTrue(project.find(), "the component's coordinates in camel-extend.pom.xml");
        String coordinates = "<dependency>\n    <groupId>" + project.group(1) + "</groupId>\n    <artifactId>"
                             + project.group(2) + "</artifactId>\n    <version>" + project.group(3) + "</version>\n";
        String starterPom = Files.readString(Path.of("spring-boot/pom.xml"), StandardCharsets.UTF_8);
        Matcher starter = Pattern.compile("(?s)</modelVersion>.*?<groupId>(.*?)</groupId>\\s*<artifactId>(.*?)</artifactId>"
                                          + "\\s*<version>(.*?)</version>").matcher(starterPom);
        assertTrue(starter.find(), "the starter's coordinates in spring-boot/pom.xml");
        String starterCoordinates = "<dependency>\n    <groupId>" + starter.group(1) + "</groupId>\n    <artifactId>"
                                    + starter.group(2) + "</artifactId>\n    <version>" + starter.group(3)
                                    + "</version>\n</dependency>\n";
        assertEquals(List.of(coordinates + "</dependency>\n", starterCoordinates, ReferenceVersionsTest.boot3Boms()),
                     DocBlocks.allBlocks().get("xml"), "the page's XML blocks: the component's and the Spring Boot"
                                                        + " starter's coordinates, the BOM imports of Versions");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("## Install\n\n```xml\n" + coordinates + "</dependency>\n```"), "README's Install");
        String simulator = Files.readString(Path.of("simulator/README.md"), StandardCharsets.UTF_8);
        assertTrue(simulator.contains("```xml\n" + coordinates.replace("camel-extend<", "camel-extend-simulator<")
                                      + "    <scope>test</scope>\n</dependency>\n```"), "the simulator's README");
    }

    @Test
    void theReadmesErrorExampleIsTheErrorHandlingRegion() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String errors = readme.substring(readme.indexOf("\n## Errors in short\n"));
        Matcher m = Pattern.compile("(?ms)^```java\n(.*?)^```$").matcher(errors);
        assertTrue(m.find(), "README's Errors in short has a Java example");
        assertEquals(DocBlocks.taggedRegions(THIS).get("error-handling"), m.group(1));
    }

    @Test
    void theJavaRoutesDoWhatThePageSays() throws Exception {
        runAll(new CancellingARun(), new ReadingARun(), new ErrorHandling());
    }

    @Test
    void theYamlRoutesDoWhatThePageSays() throws Exception {
        List<String> blocks = usageBlocks("yaml");
        assertEquals(3, blocks.size(), "cancelling, reading, error handling");
        List<RoutesBuilder> routes = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            routes.add(yaml("snippet-" + i + ".camel.yaml", blocks.get(i)));
        }
        runAll(routes.toArray(RoutesBuilder[]::new));
    }

    /** Cancels through the first route, reads through the second, and is refused, handled, by the third. */
    private static void runAll(RoutesBuilder... routes) throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext context = new DefaultCamelContext();
        try {
            context.addComponent("jms", new DirectComponent()); // jms:queue:runs-to-cancel without a broker
            ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
            extend.getConfiguration().setApiKey(sim.apiKey());
            extend.getConfiguration().setBaseUrl(sim.baseUrl());
            for (RoutesBuilder r : routes) {
                context.addRoutes(r);
            }
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            String toCancel = sim.seedRun("PROCESSING");
            template.sendBody("jms:queue:runs-to-cancel", toCancel);
            assertEquals("CANCELLED", sim.status(toCancel));

            String processed = sim.seedRun("PROCESSED");
            Exchange read = template.request("direct:check-run", e -> e.getIn().setBody(processed));
            assertNull(read.getException());
            assertEquals(processed, assertInstanceOf(WorkflowRun.class, read.getMessage().getBody()).getId());

            String finished = sim.seedRun("FAILED");
            Exchange refused = template.request("direct:cancel-run", e -> e.getIn().setBody(finished));
            assertNull(refused.getException(), "the refusal is handled by onException");
            assertEquals("FAILED", sim.status(finished));
            String running = sim.seedRun("PROCESSING");
            template.sendBody("direct:cancel-run", running);
            assertEquals("CANCELLED", sim.status(running));
        } finally {
            context.stop();
        }
    }

    private static RoutesBuilder yaml(String name, String text) throws Exception {
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                PluginHelper.getRoutesLoader(getContext()).loadRoutes(ResourceHelper.fromString(name, text));
            }
        };
    }

    private static List<String> usageBlocks(String language) throws IOException {
        return DocBlocks.blocks(DocBlocks.section("== Usage", "=== Retries and Camel redelivery"), language);
    }
}
