package dev.camelextend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.WebhookEndpoint;
import dev.camelextend.model.WebhookSubscription;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.simulator.SimulatorClock;
import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.WebhookTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions as code against the simulator's webhook API: the management operations from a route (create, list and
 * delete endpoints and subscriptions; the creation's signing secret in the body only, never logged), and
 * extend:webhook's subscribeWorkflows, which subscribes at start - idempotently - and then receives the simulator's
 * real, signed deliveries of a cancel.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
class WebhookSubscriptionsTest {

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create()
            .configure(b -> b.clock(SimulatorClock.system()).cancelDelay(Duration.ofMillis(100)));

    @BeforeEach
    void clean() {
        SIM.simulator().clearWebhooks();
    }

    private static String api() {
        ExtendSimulator sim = SIM.simulator();
        return "apiKey=" + sim.apiKey() + "&baseUrl=" + sim.baseUrl();
    }

    private static CamelContext producers() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (ExtendOperation op : List.of(ExtendOperation.createWebhookEndpoint,
                        ExtendOperation.listWebhookEndpoints, ExtendOperation.deleteWebhookEndpoint,
                        ExtendOperation.createWebhookSubscription, ExtendOperation.listWebhookSubscriptions,
                        ExtendOperation.deleteWebhookSubscription, ExtendOperation.cancelRun)) {
                    from("direct:" + op).to("extend:" + op + "?pageSize=1&" + api());
                }
            }
        });
        context.start();
        return context;
    }

    private static Object call(ProducerTemplate template, ExtendOperation op, Object body, String header,
                               Object value) {
        Exchange done = template.request("direct:" + op, e -> {
            e.getIn().setBody(body);
            if (header != null) {
                e.getIn().setHeader(header, value);
            }
        });
        if (done.getException() != null) {
            throw new AssertionError(op + " failed", done.getException());
        }
        return done.getMessage().getBody();
    }

    private static List<?> subscriptionsOf(String endpointId) throws Exception {
        try (CamelContext admin = producers()) {
            return (List<?>) call(admin.createProducerTemplate(), ExtendOperation.listWebhookSubscriptions, null,
                    ExtendConstants.WEBHOOK_ENDPOINT_ID, endpointId);
        }
    }

    @Test
    void endpointsAndSubscriptionsAreCreatedListedAndDeletedFromARouteAndTheSecretIsNeverLogged() throws Exception {
        String workflow = ExtendSimulator.DEFAULT_WORKFLOW_ID;
        try (CapturedLogs logs = CapturedLogs.of(Level.ALL).level("dev.camelextend", Level.TRACE).quietConsole()
                .start(); CamelContext context = producers()) {
            ProducerTemplate t = context.createProducerTemplate();
            WebhookEndpoint endpoint = assertInstanceOf(WebhookEndpoint.class, call(t,
                    ExtendOperation.createWebhookEndpoint, null, ExtendConstants.WEBHOOK_URL,
                    "http://127.0.0.1:9/extend/webhook"));
            String secret = endpoint.getSigningSecret();
            assertTrue(secret != null && secret.startsWith("wss_"), "the creation's answer carries the secret once");

            WebhookSubscription first = assertInstanceOf(WebhookSubscription.class, call(t,
                    ExtendOperation.createWebhookSubscription, workflow, ExtendConstants.WEBHOOK_ENDPOINT_ID,
                    endpoint.getId()));
            WebhookSubscription again = assertInstanceOf(WebhookSubscription.class, call(t,
                    ExtendOperation.createWebhookSubscription, workflow, ExtendConstants.WEBHOOK_ENDPOINT_ID,
                    endpoint.getId()));
            assertEquals(first.getId(), again.getId(), "the create is an upsert");
            assertEquals("workflow", first.getResourceType());
            assertEquals(5, first.getEnabledEvents().size(), "every settled-run event by default");
            assertTrue(first.getEnabledEvents().contains("workflow_run.cancelled"));

            // a second endpoint, so that the endpoint listing (pageSize=1) takes two pages
            WebhookEndpoint other = (WebhookEndpoint) call(t, ExtendOperation.createWebhookEndpoint, null,
                    ExtendConstants.WEBHOOK_URL, "http://127.0.0.1:9/other");
            List<?> endpoints = assertInstanceOf(List.class, call(t, ExtendOperation.listWebhookEndpoints, null,
                    null, null));
            assertEquals(2, endpoints.size());
            assertTrue(endpoints.stream().allMatch(e -> ((WebhookEndpoint) e).getSigningSecret() == null),
                    "a listing carries no secret");

            List<?> subscriptions = assertInstanceOf(List.class, call(t, ExtendOperation.listWebhookSubscriptions,
                    null, ExtendConstants.WEBHOOK_ENDPOINT_ID, endpoint.getId()));
            assertEquals(List.of(first.getId()), subscriptions.stream().map(s -> ((WebhookSubscription) s).getId())
                    .toList());

            // a listed subscription as the body of a delete, as split(body()) hands it on
            assertEquals(first.getId(), call(t, ExtendOperation.deleteWebhookSubscription, subscriptions.get(0),
                    null, null));
            assertEquals(List.of(), call(t, ExtendOperation.listWebhookSubscriptions, null, null, null));
            assertEquals(endpoint.getId(), call(t, ExtendOperation.deleteWebhookEndpoint, endpoint.getId(), null,
                    null));
            assertEquals(other.getId(), call(t, ExtendOperation.deleteWebhookEndpoint, other, null, null));
            assertEquals(List.of(), call(t, ExtendOperation.listWebhookEndpoints, null, null, null));

            assertFalse(logs.text().contains(secret.substring(4)), "the signing secret reached a log line");
            assertTrue(logs.text().contains("createWebhookEndpoint"), "the calls were logged at TRACE");
        }
    }

    @Test
    void anIdThatIsNoIdFailsTheExchangeTypedAndSendsNothing() throws Exception {
        try (CamelContext context = producers()) {
            int before = SIM.simulator().journal().size();
            Exchange done = context.createProducerTemplate().request("direct:deleteWebhookEndpoint",
                    e -> e.getIn().setBody("wh_x/../../workflow_runs"));
            assertInstanceOf(ExtendInvalidRequestException.class, done.getException());
            Exchange none = context.createProducerTemplate().request("direct:createWebhookSubscription",
                    e -> e.getIn().setBody(ExtendSimulator.DEFAULT_WORKFLOW_ID));
            ExtendInvalidRequestException noEndpoint = assertInstanceOf(ExtendInvalidRequestException.class,
                    none.getException());
            assertTrue(noEndpoint.getMessage().contains(ExtendConstants.WEBHOOK_ENDPOINT_ID), noEndpoint.getMessage());
            assertEquals(before, SIM.simulator().journal().size(), "nothing was sent");
        }
    }

    @Test
    @EnabledIf("dev.camelextend.support.WebhookTestKit#platformHttpEngine")
    void subscribeWorkflowsSubscribesAtStartOnceAndTheSimulatorsSignedCancelledEventReachesTheRoute()
            throws Exception {
        ExtendSimulator sim = SIM.simulator();
        int port = WebhookTestKit.freePort();
        WebhookEndpoint endpoint;
        try (CamelContext admin = producers()) {
            endpoint = (WebhookEndpoint) call(admin.createProducerTemplate(), ExtendOperation.createWebhookEndpoint,
                    null, ExtendConstants.WEBHOOK_URL, "http://127.0.0.1:" + port + "/extend/webhook");
        }
        String runId = sim.seedRun("PROCESSING");
        CamelContext context = WebhookTestKit.context(port);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("extend:webhook?secret=RAW(" + endpoint.getSigningSecret() + ")&webhookEndpointId="
                         + endpoint.getId() + "&subscribeWorkflows=" + ExtendSimulator.DEFAULT_WORKFLOW_ID + "&"
                         + api()).routeId("hook").to("mock:events");
                    from("direct:cancel").to("extend:cancelRun?" + api());
                }
            });
            context.start();
            assertEquals(1, subscriptionsOf(endpoint.getId()).size(), "subscribed at start");

            context.getRouteController().stopRoute("hook");
            context.getRouteController().startRoute("hook");
            assertEquals(1, subscriptionsOf(endpoint.getId()).size(), "starting again changes nothing: an upsert");

            MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
            events.expectedMinimumMessageCount(1);
            context.createProducerTemplate().requestBody("direct:cancel", runId);
            events.assertIsSatisfied(TimeUnit.SECONDS.toMillis(20));

            Exchange delivered = events.getExchanges().get(0);
            ExtendWebhookEvent event = assertInstanceOf(ExtendWebhookEvent.class, delivered.getMessage().getBody());
            assertEquals("workflow_run.cancelled", event.getEventType());
            assertEquals(runId, delivered.getMessage().getHeader(ExtendConstants.WEBHOOK_RUN_ID));
            assertNotNull(delivered.getMessage().getHeader(ExtendConstants.WEBHOOK_EVENT_ID));
            Object eventId = delivered.getMessage().getHeader(ExtendConstants.WEBHOOK_EVENT_ID);
            // the answer follows the route's end: the simulator journals it a moment after the mock saw the event
            assertEquals(1, sim.awaitWebhookDeliveries(d -> d.delivered() && d.eventId().equals(eventId), 1,
                    Duration.ofSeconds(10)).size(), "the simulator's signed delivery was answered 2xx");
        } finally {
            context.stop();
        }
    }

    @Test
    @EnabledIf("dev.camelextend.support.WebhookTestKit#platformHttpEngine")
    void subscribeWorkflowsFailsTheStartWithoutAnEndpointAKeyOrAValidWorkflowAndWithAnUnknownEndpoint()
            throws Exception {
        int port = WebhookTestKit.freePort();
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("subscribeWorkflows=workflow_a&" + api(), "needs the webhookEndpointId option");
        expected.put("subscribeWorkflows=workflow_a&webhookEndpointId=wh_1", "The Extend API key is not set");
        expected.put("subscribeWorkflows=workflow%2Fa&webhookEndpointId=wh_1&" + api(),
                "The subscribeWorkflows option is invalid");
        expected.put("subscribeWorkflows=workflow_a&webhookEndpointId=wh_doesNotExist&" + api(), "404");
        for (java.util.Map.Entry<String, String> options : expected.entrySet()) {
            CamelContext context = WebhookTestKit.context(port);
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("extend:webhook?secret=wss_x&" + options.getKey()).to("mock:never");
                    }
                });
                Exception failed = assertThrows(Exception.class, context::start);
                StringBuilder message = new StringBuilder();
                for (Throwable t = failed; t != null; t = t.getCause()) {
                    message.append(t.getMessage()).append(" / ");
                }
                assertTrue(message.toString().contains(options.getValue()), options.getKey() + ": " + message);
                assertFalse(message.toString().contains("wss_x"), "the secret in a start failure: " + message);
            } finally {
                context.stop();
            }
        }
    }
}
