package dev.camelextend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ordinary stop is quiet and complete, and a context configured the documented way (Camel Main,
 * {@code camel.component.extend.*}) keeps working across a stop and a start.
 */
class LifecycleTest {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    private static Main main(String routeUri) {
        Main main = new Main();
        main.addInitialProperty("camel.component.extend.api-key", "sk_lifecycle");
        main.addInitialProperty("camel.component.extend.base-url", FAKE.baseUrl());
        main.addInitialProperty("camel.component.extend.max-retries", "0");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(routeUri);
            }
        });
        return main;
    }

    @Test
    void aContextConfiguredAtComponentLevelWorksAgainAfterStopAndStart() throws Exception {
        FAKE.otherwise(r -> Reply.runFor(r, "workflow-run-processing.json"));
        Main main = main("extend:getRun");
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            ProducerTemplate template = camel.createProducerTemplate();
            assertNull(template.request("direct:call", e -> e.getIn().setBody(ExtendTestKit.RUN)).getException());

            camel.stop();
            camel.start();

            Exchange again = camel.createProducerTemplate()
                    .request("direct:call", e -> e.getIn().setBody(ExtendTestKit.RUN));
            assertNull(again.getException(), () -> "after a restart: " + again.getException());
            assertEquals("Bearer sk_lifecycle", FAKE.requests().get(1).header("Authorization"));
        } finally {
            main.stop();
        }
    }

    @Test
    void stoppingWithCallsInFlightLogsNoErrorOfTheComponentOrItsClient() throws Exception {
        FAKE.otherwise(r -> Reply.neverAnswer());
        Main main = main("extend:getRun?requestTimeout=30s");
        // Camel waits this long for exchanges in flight, then stops the endpoints, which end the calls
        main.addInitialProperty("camel.main.shutdown-timeout", "2");
        main.start();
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs(Level.WARN)) {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (int i = 0; i < 20; i++) {
                calls.add(template.asyncSend("direct:call", e -> e.getIn().setBody(ExtendTestKit.RUN)));
            }
            ExtendTestKit.waitUntil(() -> FAKE.requestCount() >= 20, Duration.ofSeconds(10));
            main.stop();
            for (CompletableFuture<Exchange> c : calls) {
                assertNotNull(c.get(10, TimeUnit.SECONDS).getException(), "every call ends, with a failure");
            }
            List<CapturedLogs.Event> noisy = logs.events().stream()
                    .filter(e -> e.level().isMoreSpecificThan(Level.ERROR))
                    .filter(e -> e.logger().startsWith("org.apache.hc") || e.logger().startsWith("dev.camelextend")
                                 || String.valueOf(e.thrown()).contains("ClosedSelectorException")
                                 || e.message().contains("ClosedSelectorException"))
                    .toList();
            assertTrue(noisy.isEmpty(), "an ordinary stop is not an ERROR: " + noisy);
        }
    }
}
