// Owns: one resource-scoped webhook subscription (an endpoint, one resource, its events) and its WebhookSubscription
// JSON.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.MAPPER;

/** Immutable; an upsert or update makes a new one with the same ID, sequence and creation time. */
record WebhookSubscription(String id, long seq, String endpointId, String resourceType, String resourceId,
        List<String> enabledEvents, Instant createdAt) {

    WebhookSubscription {
        enabledEvents = List.copyOf(enabledEvents);
    }

    /** What makes two subscriptions the same one: Extend updates instead of duplicating (an upsert). */
    static String key(String endpointId, String resourceType, String resourceId) {
        return endpointId + "|" + resourceType + "|" + resourceId;
    }

    String key() {
        return key(endpointId, resourceType, resourceId);
    }

    WebhookSubscription withEvents(List<String> events) {
        return new WebhookSubscription(id, seq, endpointId, resourceType, resourceId, events, createdAt);
    }

    ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("object", "webhook_subscription");
        n.put("id", id);
        n.put("webhookEndpointId", endpointId);
        n.put("resourceType", resourceType);
        n.put("resourceId", resourceId);
        enabledEvents.forEach(n.putArray("enabledEvents")::add);
        n.put("createdAt", SimSupport.formatTime(createdAt));
        return n;
    }
}
