// Owns: the webhook endpoints and subscriptions of one simulator by ID: their IDs and signing secrets, the limits on
// how many there are, the subscription upsert, deleting an endpoint with its subscriptions, and which endpoints an
// event of a workflow's run goes to.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.ALNUM;
import static dev.camelextend.simulator.SimSupport.randomString;

/**
 * One lock guards everything: the collections are small (bounded below) and changed rarely. Whoever holds a run's lock
 * may call {@link #targets}, so nothing here ever takes a run's lock. IDs and secrets come from a random source of
 * their own, so that using webhooks changes no run ID a seed gives.
 */
final class WebhookRegistry {

    /** Bounds that keep a simulator's memory and every lookup small; Extend does not document its own. */
    static final int MAX_ENDPOINTS = 100;
    static final int MAX_SUBSCRIPTIONS = 1000;

    private final Random random;
    /** insertion order is creation order; replaced values keep their place */
    private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, WebhookSubscription> subscriptions = new LinkedHashMap<>();
    /** {@link WebhookSubscription#key()} to subscription ID: what the upsert finds */
    private final Map<String, String> byKey = new HashMap<>();
    private long seq;
    /** read without the lock: a run settling with no subscription anywhere costs one volatile read */
    private volatile int subscriptionCount;

    WebhookRegistry(long seed) {
        this.random = new Random(seed ^ 0x7765_6268_6f6f_6b73L);
    }

    /** @throws IllegalStateException when {@link #MAX_ENDPOINTS} exist already */
    synchronized WebhookEndpoint createEndpoint(String url, String name, String status, List<String> events,
            String apiVersion, ObjectNode advancedOptions, Instant now) {
        if (endpoints.size() >= MAX_ENDPOINTS) {
            throw new IllegalStateException("The simulator keeps at most " + MAX_ENDPOINTS
                    + " webhook endpoints; delete one first");
        }
        String id;
        do {
            id = "wh_" + randomString(random, ALNUM, 20);
        } while (endpoints.containsKey(id));
        WebhookEndpoint e = new WebhookEndpoint(id, ++seq, url, name, status, events, apiVersion, advancedOptions, now,
                "wss_" + randomString(random, ALNUM, 32));
        endpoints.put(id, e);
        return e;
    }

    synchronized WebhookEndpoint endpoint(String id) {
        return endpoints.get(id);
    }

    /** Replaces the endpoint of the same ID; NoSuchElementException when it was deleted meanwhile. */
    synchronized WebhookEndpoint replace(WebhookEndpoint changed) {
        if (!endpoints.containsKey(changed.id())) {
            throw new NoSuchElementException(changed.id());
        }
        endpoints.put(changed.id(), changed);
        return changed;
    }

    /** Deletes the endpoint and every subscription of it, as Extend does; false when there was none. */
    synchronized boolean deleteEndpoint(String id) {
        if (endpoints.remove(id) == null) {
            return false;
        }
        subscriptions.values().removeIf(s -> {
            if (s.endpointId().equals(id)) {
                byKey.remove(s.key());
                return true;
            }
            return false;
        });
        subscriptionCount = subscriptions.size();
        return true;
    }

    /** Every endpoint, oldest first. */
    synchronized List<WebhookEndpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * Creates the subscription, or updates the events of the one this endpoint already has for this resource.
     *
     * @return the subscription, or null when there is no such endpoint
     * @throws IllegalStateException when a new one would exceed {@link #MAX_SUBSCRIPTIONS}
     */
    synchronized WebhookSubscription upsert(String endpointId, String resourceType, String resourceId,
            List<String> events, Instant now) {
        if (!endpoints.containsKey(endpointId)) {
            return null;
        }
        String existing = byKey.get(WebhookSubscription.key(endpointId, resourceType, resourceId));
        if (existing != null) {
            WebhookSubscription updated = subscriptions.get(existing).withEvents(events);
            subscriptions.put(existing, updated);
            return updated;
        }
        if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            throw new IllegalStateException("The simulator keeps at most " + MAX_SUBSCRIPTIONS
                    + " webhook subscriptions; delete one first");
        }
        String id;
        do {
            id = "whes_" + randomString(random, ALNUM, 20);
        } while (subscriptions.containsKey(id));
        WebhookSubscription s = new WebhookSubscription(id, ++seq, endpointId, resourceType, resourceId, events, now);
        subscriptions.put(id, s);
        byKey.put(s.key(), id);
        subscriptionCount = subscriptions.size();
        return s;
    }

    synchronized WebhookSubscription subscription(String id) {
        return subscriptions.get(id);
    }

    /** @return the updated subscription, or null when there is none of that ID */
    synchronized WebhookSubscription updateEvents(String id, List<String> events) {
        WebhookSubscription s = subscriptions.get(id);
        if (s == null) {
            return null;
        }
        WebhookSubscription updated = s.withEvents(events);
        subscriptions.put(id, updated);
        return updated;
    }

    synchronized boolean deleteSubscription(String id) {
        WebhookSubscription s = subscriptions.remove(id);
        if (s == null) {
            return false;
        }
        byKey.remove(s.key());
        subscriptionCount = subscriptions.size();
        return true;
    }

    /** Every subscription, oldest first. */
    synchronized List<WebhookSubscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /**
     * The enabled endpoints with a subscription to {@code workflowId} that has {@code eventType}, oldest first; each
     * endpoint once, since it has at most one subscription per resource. Called while a run's lock is held.
     */
    List<WebhookEndpoint> targets(String workflowId, String eventType) {
        if (subscriptionCount == 0) {
            return List.of();
        }
        List<WebhookEndpoint> out = new ArrayList<>();
        synchronized (this) {
            for (WebhookSubscription s : subscriptions.values()) {
                if ("workflow".equals(s.resourceType()) && s.resourceId().equals(workflowId)
                        && s.enabledEvents().contains(eventType)) {
                    WebhookEndpoint e = endpoints.get(s.endpointId());
                    if (e != null && e.enabled()) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    synchronized boolean isEmpty() {
        return endpoints.isEmpty();
    }

    /** Forgets every endpoint and subscription; IDs keep coming from the same random source. */
    synchronized void clear() {
        endpoints.clear();
        subscriptions.clear();
        byKey.clear();
        subscriptionCount = 0;
    }
}
