package dev.camelextend.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.camelextend.ExtendComponent;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.WebhookEndpoint;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.ExtendSimulatorExtension;
import dev.camelextend.support.WebhookTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.WebhookTestKit.SECRET;
import static dev.camelextend.support.WebhookTestKit.envelope;
import static dev.camelextend.support.WebhookTestKit.post;
import static dev.camelextend.support.WebhookTestKit.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference page's "Receiving webhooks" routes, and those of its subscriptions as code, as tagged regions (ReferenceSnippetsTest compares them with the
 * page), run on platform-http's Vert.x engine with the secret on the component as the page says, {@code jms:} a
 * direct: component, and the follow-up {@code extend:getRun} against the simulator. Deliveries are signed by the test's
 * own HMAC.
 */
@EnabledIf(value = "dev.camelextend.support.WebhookTestKit#platformHttpEngine",
           disabledReason = "needs camel-platform-http-vertx on the class path")
class ReferenceWebhookSnippetsTest {

    static final Path THIS = Path.of("src/test/java/dev/camelextend/docs/ReferenceWebhookSnippetsTest.java");

    @RegisterExtension
    static final ExtendSimulatorExtension SIM = ExtendSimulatorExtension.create();

    static final class ReceivingWebhooks extends RouteBuilder {
        @Override
        public void configure() {
            // tag::receiving-webhooks[]
            from("extend:webhook")
                .idempotentConsumer(header("CamelExtendWebhookEventId"),
                        MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
                .choice()
                    .when(header("CamelExtendWebhookEventType").isEqualTo("workflow_run.cancelled"))
                        .log("Run ${body.runId} was cancelled")
                        .to("jms:queue:cancelled-runs")
                    .when(header("CamelExtendWebhookEventType").isEqualTo("workflow_run.completed"))
                        .log("Run ${body.runId} is ${body.workflowRun.status}")
                    .otherwise()
                        .log("Event ${body.eventType} is not handled here");
            // end::receiving-webhooks[]
            from("jms:queue:cancelled-runs").to("mock:cancelled-runs");
        }
    }

    static final class ActingOnAnEvent extends RouteBuilder {
        @Override
        public void configure() {
            // tag::acting-on-an-event[]
            from("extend:webhook?path=/extend/needs-review")
                .filter(header("CamelExtendWebhookEventType").isEqualTo("workflow_run.needs_review"))
                .setHeader("CamelExtendRunId", header("CamelExtendWebhookRunId"))
                .to("extend:getRun")
                .log("Run ${body.id} of ${body.workflow.name} waits for a review")
                .to("jms:queue:reviews");
            // end::acting-on-an-event[]
            from("jms:queue:reviews").to("mock:reviews");
        }
    }

    /** Where the page's route keeps a new endpoint's signing secret: a vault in a real application. */
    public static final class SecretStore {
        final java.util.Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

        public void save(WebhookEndpoint endpoint) {
            secrets.put(endpoint.getId(), endpoint.getSigningSecret());
        }
    }

    static final class SubscriptionsAsCode extends RouteBuilder {
        @Override
        public void configure() {
            // tag::webhook-endpoints-as-code[]
            from("direct:create-webhook-endpoint")
                .to("extend:createWebhookEndpoint?webhookUrl=https://hooks.example.com/extend/webhook")
                .bean("secretStore", "save") // its signing secret: body.signingSecret, this once
                .log("Webhook endpoint ${body.id} created");

            from("direct:remove-webhook-subscriptions")
                .to("extend:listWebhookSubscriptions?webhookEndpointId={{extend.webhook-endpoint-id}}")
                .split(body())
                    .to("extend:deleteWebhookSubscription");
            // end::webhook-endpoints-as-code[]
        }
    }

    static final class SubscribedConsumer extends RouteBuilder {
        @Override
        public void configure() {
            // tag::subscribe-workflows[]
            from("extend:webhook?webhookEndpointId={{extend.webhook-endpoint-id}}"
                 + "&subscribeWorkflows=workflow_BMlfq_yWM3sT-ZzvCnA3f,workflow_Invoices2026")
                .to("jms:queue:run-events");
            // end::subscribe-workflows[]
            from("jms:queue:run-events").to("mock:run-events");
        }
    }

    @Test
    void subscriptionsAsCodeDoWhatThePageSays() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        sim.clearWebhooks();
        int port = WebhookTestKit.freePort();
        SecretStore store = new SecretStore();
        WebhookEndpoint created;
        try (CamelContext setup = setUp(store, "wh_not_created_yet")) {
            created = setup.createProducerTemplate().requestBody("direct:create-webhook-endpoint", null,
                    WebhookEndpoint.class);
        }
        assertTrue(created.getSigningSecret().startsWith("wss_"));
        assertEquals(created.getSigningSecret(), store.secrets.get(created.getId()), "the secret was stored");

        try (CamelContext context = WebhookTestKit.context(port)) {
            context.addComponent("jms", new DirectComponent());
            ExtendComponent receiving = context.getComponent("extend", ExtendComponent.class);
            receiving.getConfiguration().setSecret(store.secrets.get(created.getId()));
            receiving.getConfiguration().setApiKey(sim.apiKey());
            receiving.getConfiguration().setBaseUrl(sim.baseUrl());
            context.getPropertiesComponent().addInitialProperty("extend.webhook-endpoint-id", created.getId());
            context.addRoutes(new SubscribedConsumer());
            context.start();
            assertEquals(2, subscriptions(context, created.getId()).size(), "both workflows subscribed at start");
        }

        try (CamelContext setup = setUp(store, created.getId())) {
            setup.createProducerTemplate().requestBody("direct:remove-webhook-subscriptions", (Object) null);
            assertEquals(0, subscriptions(setup, created.getId()).size(), "every subscription removed");
        }
    }

    private static CamelContext setUp(SecretStore store, String endpointId) throws Exception {
        ExtendSimulator sim = SIM.simulator();
        CamelContext setup = new org.apache.camel.impl.DefaultCamelContext();
        setup.getRegistry().bind("secretStore", store);
        ExtendComponent extend = setup.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setApiKey(sim.apiKey());
        extend.getConfiguration().setBaseUrl(sim.baseUrl());
        setup.getPropertiesComponent().addInitialProperty("extend.webhook-endpoint-id", endpointId);
        setup.addRoutes(new SubscriptionsAsCode());
        setup.start();
        return setup;
    }

    private static java.util.List<?> subscriptions(CamelContext context, String endpointId) {
        return context.createProducerTemplate().requestBodyAndHeader("extend:listWebhookSubscriptions", null,
                "CamelExtendWebhookEndpointId", endpointId, java.util.List.class);
    }

    @Test
    void theWebhookRoutesDoWhatThePageSays() throws Exception {
        ExtendSimulator sim = SIM.simulator();
        int port = WebhookTestKit.freePort();
        try (CamelContext context = WebhookTestKit.context(port)) {
            context.addComponent("jms", new DirectComponent());
            ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
            extend.getConfiguration().setSecret(SECRET);
            extend.getConfiguration().setApiKey(sim.apiKey());
            extend.getConfiguration().setBaseUrl(sim.baseUrl());
            context.addRoutes(new ReceivingWebhooks());
            context.addRoutes(new ActingOnAnEvent());
            context.start();

            String runJson = WebhookRoutes.run("workflow_run_cancelled_1", "CANCELLED");
            byte[] cancelled = envelope("evt_1", "workflow_run.cancelled", runJson).getBytes(StandardCharsets.UTF_8);
            assertEquals(200, post(port, "/extend/webhook", signed(cancelled), cancelled).statusCode());
            assertEquals(200, post(port, "/extend/webhook", signed(cancelled), cancelled).statusCode(),
                    "a redelivery is answered 200 too");
            MockEndpoint cancelledRuns = context.getEndpoint("mock:cancelled-runs", MockEndpoint.class);
            cancelledRuns.expectedMessageCount(1);
            cancelledRuns.assertIsSatisfied(TimeUnit.SECONDS.toMillis(5));
            ExtendWebhookEvent event = cancelledRuns.getExchanges().get(0).getMessage().getBody(ExtendWebhookEvent.class);
            assertEquals("workflow_run_cancelled_1", event.getRunId());

            String inReview = sim.seedRun("NEEDS_REVIEW");
            byte[] review = envelope("evt_2", "workflow_run.needs_review", WebhookRoutes.run(inReview, "NEEDS_REVIEW"))
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(200, post(port, "/extend/needs-review", signed(review), review).statusCode());
            MockEndpoint reviews = context.getEndpoint("mock:reviews", MockEndpoint.class);
            reviews.expectedMessageCount(1);
            reviews.assertIsSatisfied(TimeUnit.SECONDS.toMillis(5));
            Exchange read = reviews.getExchanges().get(0);
            assertEquals(inReview, assertInstanceOf(WorkflowRun.class, read.getMessage().getBody()).getId(),
                    "the run read back from Extend");
        }
    }

    /** A minimal workflow-run payload. */
    static final class WebhookRoutes {
        static String run(String id, String status) {
            return "{\"object\":\"workflow_run\",\"id\":\"" + id + "\",\"status\":\"" + status + "\","
                   + "\"workflow\":{\"object\":\"workflow\",\"id\":\"workflow_1\",\"name\":\"Invoices\"}}";
        }
    }
}
