package dev.camelextend;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.WebhookTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static dev.camelextend.support.WebhookTestKit.SECRET;
import static dev.camelextend.support.WebhookTestKit.envelope;
import static dev.camelextend.support.WebhookTestKit.now;
import static dev.camelextend.support.WebhookTestKit.post;
import static dev.camelextend.support.WebhookTestKit.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook endpoint's configuration: mistakes fail the route's start naming the option, the producer operations and
 * the consumer operation stay on their side, a secret set on the component serves every webhook endpoint, and no
 * secret shows in a log line (at TRACE), a description or a startup failure.
 */
@EnabledIf(value = "dev.camelextend.support.WebhookTestKit#platformHttpEngine",
           disabledReason = "needs camel-platform-http-vertx on the class path")
class WebhookStartupTest {

    /** The distinctive part of the secrets below: if any fragment shows, this does. */
    static final String CANARY = "HOOK_CANARY";
    static final String COMPONENT_SECRET = "wss_" + CANARY + "_component_77";

    static String startFailure(String fromUri) throws Exception {
        try (CamelContext context = WebhookTestKit.context(WebhookTestKit.freePort())) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(fromUri).to("mock:x");
                }
            });
            Exception failure = assertThrows(Exception.class, context::start);
            return causes(failure);
        }
    }

    static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void aWebhookWithoutASecretFailsTheStartNamingTheOption() throws Exception {
        String failure = startFailure("extend:webhook");
        assertTrue(failure.contains("The secret option is required by extend:webhook"), failure);
    }

    @Test
    void badWebhookOptionsFailTheStartNamingThem() throws Exception {
        assertTrue(startFailure("extend:webhook?secret=" + SECRET + "&responseTimeout=30s")
                .contains("The responseTimeout option must be below Extend's delivery timeout of 30 s"));
        assertTrue(startFailure("extend:webhook?secret=" + SECRET + "&maxBodySize=0")
                .contains("The maxBodySize option must be positive"));
        assertTrue(startFailure("extend:webhook?secret=" + SECRET + "&path=no-slash")
                .contains("The path option must start with /"));
        assertTrue(startFailure("extend:webhook?secret=" + SECRET + "&tolerance=-1")
                .contains("The tolerance option must be 0 or more"));
        String badSecret = startFailure("extend:webhook?secret=RAW(wss_ok," + CANARY + " x)");
        assertTrue(badSecret.contains("position 2"), badSecret);
        assertFalse(badSecret.contains(CANARY), badSecret);
    }

    @Test
    void theOperationsStayOnTheirSide() throws Exception {
        try (CamelContext context = WebhookTestKit.context(WebhookTestKit.freePort())) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("extend:webhook?secret=" + SECRET);
                }
            });
            String failure = causes(assertThrows(Exception.class, context::start));
            assertTrue(failure.contains("extend:webhook receives Extend's webhook deliveries: use it in"
                                        + " from(\"extend:webhook?secret=...\"), not in to(...)"), failure);
        }
        String failure = startFailure("extend:getRun?apiKey=k");
        assertTrue(failure.contains("extend:getRun sends requests to Extend: use it in to(\"extend:getRun\");"
                                    + " from(...) takes extend:webhook"), failure);
    }

    @Test
    void theSecretOnTheComponentServesTheWebhookAndNoSecretIsEverShown() throws Exception {
        String uriSecret = "wss_URI_SECRET_uri_88";
        int port = WebhookTestKit.freePort();
        try (CapturedLogs logs = CapturedLogs.of(Level.ALL).level("", Level.TRACE)
                .level("dev.camelextend", Level.TRACE).level("org.apache.camel", Level.TRACE)
                .level("io.vertx", Level.TRACE).quietConsole().jdkAndStdStreams()
                .lines("%d %-5p [%t] %c - %m %X%n%throwable").start();
             CamelContext context = WebhookTestKit.context(port)) {
            context.getComponent("extend", ExtendComponent.class).getConfiguration().setSecret(COMPONENT_SECRET);
            context.setMessageHistory(true);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("extend:webhook").routeId("component-secret").to("log:events?showAll=true")
                            .to("mock:events");
                    from("extend:webhook?path=/uri&secret=" + uriSecret).routeId("uri-secret")
                            .to("mock:uri");
                }
            });
            context.start();
            byte[] body = envelope("evt_1", "workflow.deployed", "{\"id\":\"workflow_1\"}")
                    .getBytes(StandardCharsets.UTF_8);

            assertEquals(200, post(port, "/extend/webhook", signed(COMPONENT_SECRET, now(), body), body).statusCode());
            assertEquals(401, post(port, "/extend/webhook", signed(uriSecret, now(), body), body).statusCode());
            assertEquals(200, post(port, "/uri", signed(uriSecret, now(), body), body).statusCode());
            HttpResponse<String> forged = post(port, "/uri", signed("wss_other", now(), body), body);
            assertEquals(401, forged.statusCode());
            assertEquals(1, context.getEndpoint("mock:events", MockEndpoint.class).getReceivedCounter());

            for (Endpoint endpoint : context.getEndpoints()) {
                assertFalse(endpoint.toString().contains(CANARY), endpoint.toString());
                assertFalse(endpoint.toString().contains("URI_SECRET"), endpoint.toString());
            }
            for (ExtendEndpoint endpoint : List.of(context.getRoute("uri-secret").getEndpoint(),
                    context.getRoute("component-secret").getEndpoint()).stream().map(ExtendEndpoint.class::cast)
                    .toList()) {
                assertFalse(endpoint.getConfiguration().toString().contains(CANARY));
                assertFalse(endpoint.getConfiguration().toString().contains("URI_SECRET"));
            }
            context.stop();
            for (CapturedLogs.Event event : logs.events()) {
                String line = event.line() + event.message() + event.stackTrace();
                assertFalse(line.contains(CANARY), "the component-level secret: " + line);
                // Camel core's TRACE lines about a route or an endpoint print its URI as written, so a secret written
                // into a from(...) URI shows there (SecretLeakTest says the same of the API key in a to(...) URI):
                // the reference tells to set it on the component or through a placeholder. Nothing else prints it.
                boolean coreTrace = event.level() == Level.TRACE && event.logger().startsWith("org.apache.camel.")
                                    && !event.logger().startsWith("dev.camelextend");
                if (!coreTrace) {
                    assertFalse(line.contains("URI_SECRET"), "the secret of the URI: " + line);
                }
            }
            assertTrue(logs.events().stream().anyMatch(e -> e.logger().startsWith("dev.camelextend")),
                    "the capture saw the component's own lines");
        }
    }
}
