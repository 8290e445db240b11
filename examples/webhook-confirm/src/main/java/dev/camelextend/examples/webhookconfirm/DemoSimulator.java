// Owns: the demo's embedded Extend simulator: how it is started (system clock, a cancel delay), the runs it is seeded
// with, and the webhook endpoint made there for this application's events (duplicates included).
package dev.camelextend.examples.webhookconfirm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendConstants;
import dev.camelextend.model.WebhookEndpoint;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The simulator runs on the system clock, as deliveries need: an accepted cancel answers CANCELLING and turns
 * CANCELLED after {@link #CANCEL_DELAY}, and only then is its {@code workflow_run.cancelled} event delivered, as
 * Extend does. Seeded runs count as runs created through the API (none is marked as started from the dashboard, which
 * would emit nothing) and keep their status until they are cancelled, so the outcomes below do not depend on timing.
 */
final class DemoSimulator {

    /** An ID in the format of the simulator's that it does not know: shows NOT FOUND. */
    static final String UNKNOWN_RUN_ID = "workflow_run_doesNotExist000000000";

    /** How long a cancelled run stays CANCELLING: the event comes that much after the cancel's answer. */
    static final Duration CANCEL_DELAY = Duration.ofMillis(300);

    /**
     * The seeded runs' statuses, in order: PENDING and PROCESSING runs can be cancelled, the finished ones are refused
     * and need no confirmation.
     */
    static final List<String> STATUSES = List.of("PROCESSING", "PROCESSED", "PENDING", "PROCESSING", "FAILED",
            "PENDING");

    /**
     * The position in {@link #STATUSES} (a PROCESSING run) whose cancel loses the race: Extend accepts it, and the
     * run finishes PROCESSED anyway, so its event is {@code workflow_run.completed}, not {@code .cancelled}.
     */
    static final int LOSES_RACE = 3;

    private DemoSimulator() {
    }

    /** A started simulator on 127.0.0.1 (any free port); the caller closes it. */
    static ExtendSimulator start() {
        return ExtendSimulator.builder()
                .clock(SimulatorClock.system())
                .cancelDelay(CANCEL_DELAY)
                .build()
                .start();
    }

    /** Seeds the runs of {@link #STATUSES} in the default workflow; returns their IDs in seeding order. */
    static List<String> seed(ExtendSimulator sim) {
        List<String> ids = new ArrayList<>(STATUSES.size());
        for (int i = 0; i < STATUSES.size(); i++) {
            String id = sim.seedRun(STATUSES.get(i), ExtendSimulator.DEFAULT_WORKFLOW_ID, null, Map.of("demo", true));
            if (i == LOSES_RACE) {
                sim.cancelLosesRace(id, "PROCESSED");
            }
            ids.add(id);
        }
        return ids;
    }

    /** How many of the seeded runs can still be cancelled. */
    static long cancellable() {
        return STATUSES.stream().filter(s -> s.equals("PENDING") || s.equals("PROCESSING")).count();
    }

    /**
     * Makes the webhook endpoint for {@code url} as an application does, through {@code extend:createWebhookEndpoint}
     * ({@code POST /webhook_endpoints}): its answer holds the endpoint's signing secret, this once. The consumer then
     * subscribes the endpoint to the default workflow at start ({@code subscribeWorkflows}). The next event is
     * delivered twice, as Extend's at-least-once delivery may.
     */
    static WebhookEndpoint createEndpoint(ExtendSimulator sim, String url) throws Exception {
        try (CamelContext setup = new DefaultCamelContext()) {
            ExtendComponent extend = setup.getComponent("extend", ExtendComponent.class);
            extend.getConfiguration().setApiKey(sim.apiKey());
            extend.getConfiguration().setBaseUrl(sim.baseUrl());
            setup.start();
            WebhookEndpoint endpoint = setup.createProducerTemplate().requestBodyAndHeader(
                    "extend:createWebhookEndpoint?webhookName=webhook-confirm", null, ExtendConstants.WEBHOOK_URL,
                    url, WebhookEndpoint.class);
            sim.duplicateNextWebhook();
            return endpoint;
        }
    }
}
