// Owns: the webhook side of one simulator, wired together: the registry of endpoints and subscriptions, and clearing
// it.
package dev.camelextend.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Created with the simulator. */
final class Webhooks {

    private final WebhookRegistry registry;
    private final SimulatorClock clock;

    Webhooks(long seed, SimulatorClock clock) {
        this.registry = new WebhookRegistry(seed);
        this.clock = clock;
    }

    WebhookRegistry registry() {
        return registry;
    }

    /** @throws IllegalStateException when the registry is full */
    WebhookEndpoint createEndpoint(String url, String name, String status, List<String> events, String apiVersion,
            ObjectNode advancedOptions) {
        return registry.createEndpoint(url, name, status, events, apiVersion, advancedOptions, clock.now());
    }

    /** Forgets every endpoint and subscription. */
    void clear() {
        registry.clear();
    }
}
