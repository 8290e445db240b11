package dev.camelextend.docs;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConfiguration;
import dev.camelextend.ExtendConnectionException;
import dev.camelextend.ExtendEndpoint;
import dev.camelextend.ExtendRateLimitException;
import dev.camelextend.ExtendServerException;
import dev.camelextend.ExtendTimeoutException;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.util.TimeUtils;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfiguration;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the configuration blocks of the reference page honest: every {@code camel.component.extend.*} properties block
 * binds on Camel Main as written (the {@code env:} function answers with the simulator's key) and lands on the
 * component; the endpoint-override, dead-letter and redelivery routes are tagged regions here and run against the
 * simulator; the HttpClient logger block is a Log4j 2 configuration that keeps the header and wire loggers at INFO.
 */
class ReferenceConfigurationSnippetsTest {

    private static final String PREFIX = "camel.component.extend.";

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create().resetRunsBetweenTests(true);

    @Test
    void everyComponentPropertiesBlockBindsOnCamelMainAsWritten() throws Exception {
        List<String> blocks = DocBlocks.allBlocks().get("properties").stream()
                .filter(b -> b.contains(PREFIX)).toList();
        assertEquals(5, blocks.size(), "component options, max-retries=0, rate limit, Camel Main, Spring Boot");
        for (String block : blocks) {
            Properties written = DocBlocks.properties(block);
            try (RunningMain main = RunningMain.start(written, new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:any").to("extend:getRun");
                }
            })) {
                ExtendConfiguration bound = main.component().getConfiguration();
                for (String key : written.stringPropertyNames()) {
                    String value = written.getProperty(key).replace("{{env:EXTEND_API_KEY}}", SIM.simulator().apiKey());
                    assertBound(value, option(bound, key), key + " as written in:\n" + block);
                }
            }
        }
    }

    @Test
    void anEndpointOverrideChangesThatEndpointOnly() throws Exception {
        try (RunningMain main = RunningMain.start(new Properties(), new RouteBuilder() {
            @Override
            public void configure() {
                // tag::endpoint-options[]
                from("direct:cancel-eu-run")
                    .to("extend:cancelRun?baseUrl=https://api.eu1.extend.ai&maxRetries=0");
                // end::endpoint-options[]
                from("direct:cancel-run").to("extend:cancelRun");
            }
        })) {
            CamelContext context = main.context();
            ExtendConfiguration eu = context.getEndpoint(
                    "extend:cancelRun?baseUrl=https://api.eu1.extend.ai&maxRetries=0", ExtendEndpoint.class).getConfiguration();
            assertEquals("https://api.eu1.extend.ai", eu.getBaseUrl());
            assertEquals(0, eu.getMaxRetries());
            ExtendConfiguration other = context.getEndpoint("extend:cancelRun", ExtendEndpoint.class).getConfiguration();
            assertEquals(SIM.simulator().baseUrl(), other.getBaseUrl());
            assertEquals(2, other.getMaxRetries());
            assertEquals(2, main.component().getConfiguration().getMaxRetries());
        }
    }

    @Test
    void withTheDeadLetterChannelTheBuiltInRetriesRunAndTheOriginalMessageIsParked() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        Properties fastRetries = new Properties();
        fastRetries.setProperty(PREFIX + "retry-initial-delay", "1");
        fastRetries.setProperty(PREFIX + "retry-max-delay", "2");
        try (RunningMain main = RunningMain.start(fastRetries, new RouteBuilder() {
            @Override
            public void configure() {
                // tag::dead-letter[]
                errorHandler(deadLetterChannel("jms:queue:extend-failed")
                    .useOriginalMessage()
                    .maximumRedeliveries(0));
                // end::dead-letter[]
                from("direct:cancel-run").setHeader("note", constant("changed")).to("extend:cancelRun");
                from("jms:queue:extend-failed").to("mock:parked");
            }
        })) {
            String runId = sim.seedRun("PROCESSING");
            sim.faults().serverErrorRate(1.0);
            MockEndpoint parked = main.context().getEndpoint("mock:parked", MockEndpoint.class);
            // the List overload: Camel 4.22 added a String... one, which a test compiled on 4.22 would not find on
            // older Camel (the version matrix runs this class there too)
            parked.expectedBodiesReceived(List.of(runId));
            main.context().createProducerTemplate().sendBody("direct:cancel-run", runId);
            parked.assertIsSatisfied(10_000);
            assertNull(parked.getExchanges().get(0).getMessage().getHeader("note"), "the original message is parked");
            assertEquals(3, sim.requestCount(), "maxRetries=2: three requests, and no Camel redelivery on top");
        }
    }

    @Test
    void withCamelRedeliveryExtendsRetryAfterSetsTheRedeliveryDelay() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        String properties = DocBlocks.blocks(DocBlocks.section("=== Retries and Camel redelivery", "=== Threads and timeouts"),
                "properties").get(0);
        try (RunningMain main = RunningMain.start(DocBlocks.properties(properties), new RouteBuilder() {
            @Override
            public void configure() {
                // tag::camel-redelivery[]
                onException(ExtendServerException.class, ExtendTimeoutException.class,
                            ExtendConnectionException.class, ExtendRateLimitException.class)
                    .maximumRedeliveries(4)
                    .redeliveryDelay(1000)
                    .useExponentialBackOff()
                    .asyncDelayedRedelivery()
                    .onExceptionOccurred(exchange -> {
                        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                        if (e instanceof ExtendRateLimitException rl && rl.getRetryAfter() != null) {
                            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, rl.getRetryAfter().toMillis());
                        }
                    });
                // end::camel-redelivery[]
                from("direct:cancel-run").to("extend:cancelRun");
            }
        })) {
            assertEquals(0, main.component().getConfiguration().getMaxRetries());
            String runId = sim.seedRun("PROCESSING");
            sim.respondNext(429, "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}", Map.of("Retry-After", "2"));
            Exchange done = main.context().createProducerTemplate().request("direct:cancel-run",
                    e -> e.getIn().setBody(runId));
            assertNull(done.getException());
            assertEquals(1, done.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
            List<RecordedRequest> requests = sim.journal();
            assertEquals(2, requests.size(), "one 429, then one redelivery that cancelled");
            Duration waited = Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt());
            assertTrue(waited.compareTo(Duration.ofMillis(1900)) >= 0,
                    "the redelivery waited Extend's Retry-After (2 s), not the policy's first delay (1 s): " + waited);
            assertEquals("CANCELLED", sim.status(runId));
        }
    }

    @Test
    void theHttpClientLoggerBlockKeepsHeadersAndWireAtInfoUnderADebugRoot() throws Exception {
        String block = DocBlocks.blocks(DocBlocks.section("=== Security", "=== Rate limiting"), "properties").get(0);
        Properties log4j = DocBlocks.properties(block);
        log4j.setProperty("rootLogger.level", "DEBUG");
        log4j.setProperty("logger.hc.name", "org.apache.hc");
        log4j.setProperty("logger.hc.level", "DEBUG");
        PropertiesConfiguration config = new PropertiesConfigurationBuilder()
                .setConfigurationSource(ConfigurationSource.NULL_SOURCE).setRootProperties(log4j).build();
        config.initialize();
        for (String logger : List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")) {
            assertEquals(Level.INFO, config.getLoggerConfig(logger).getLevel(), logger);
        }
        assertEquals(Level.DEBUG, config.getLoggerConfig("org.apache.hc.client5.http.async").getLevel());
    }

    /** Numbers compare as numbers, and a duration text ({@code 30s}) as the milliseconds the component holds. */
    private static void assertBound(String written, Object bound, String what) {
        if (bound instanceof Number n) {
            double expected = written.matches("[0-9.]+") ? Double.parseDouble(written) : TimeUtils.toMilliSeconds(written);
            assertEquals(expected, n.doubleValue(), what);
        } else {
            assertEquals(written, String.valueOf(bound), what);
        }
    }

    /** The value of the configuration option a {@code camel.component.extend.kebab-case} key names, durations as text. */
    private static Object option(ExtendConfiguration config, String key) throws Exception {
        String[] words = key.substring(PREFIX.length()).split("-");
        StringBuilder name = new StringBuilder();
        for (String w : words) {
            name.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        Method getter;
        try {
            getter = ExtendConfiguration.class.getMethod("get" + name);
        } catch (NoSuchMethodException e) {
            getter = ExtendConfiguration.class.getMethod("is" + name);
        }
        return getter.invoke(config);
    }

    /**
     * Camel Main with the page's properties as its {@code application.properties}, the simulator as the base URL
     * unless the properties name one, and an {@code env:} function that gives the simulator's key for
     * {@code EXTEND_API_KEY} ({@code jms:} is {@code direct:}, so no broker is needed).
     */
    private record RunningMain(Main main) implements AutoCloseable {

        static RunningMain start(Properties written, RouteBuilder routes) throws Exception {
            ExtendSimulator sim = SIM.simulator();
            Properties props = new Properties();
            props.setProperty(PREFIX + "api-key", "{{env:EXTEND_API_KEY}}"); // as the page recommends
            props.setProperty(PREFIX + "base-url", sim.baseUrl());
            props.putAll(written);
            Main main = new Main();
            main.setInitialProperties(props);
            main.bind("jms", new DirectComponent());
            main.configure().addRoutesBuilder(routes);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeConfigure(BaseMainSupport m) {
                    m.getCamelContext().getPropertiesComponent().addPropertiesFunction(new SimulatorKeyEnv(sim.apiKey()));
                }
            });
            main.start();
            return new RunningMain(main);
        }

        CamelContext context() {
            return main.getCamelContext();
        }

        ExtendComponent component() {
            return context().getComponent("extend", ExtendComponent.class);
        }

        @Override
        public void close() {
            main.stop();
        }
    }
}
