// Owns: the webhook endpoints of the simulated API: POST/GET /webhook_endpoints, GET/POST/DELETE
// /webhook_endpoints/{id}, POST/GET /webhook_subscriptions (the create is an upsert), GET/POST/DELETE
// /webhook_subscriptions/{id}, with their list filters and cursor, and Extend's answers and refusals; and the way to
// the signed payload URLs (GET /webhook_payloads/{token}).
package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.ErrorReplies.invalid;
import static dev.camelextend.simulator.ErrorReplies.json;
import static dev.camelextend.simulator.ErrorReplies.notFound;
import static dev.camelextend.simulator.SimSupport.MAPPER;
import static dev.camelextend.simulator.SimSupport.parse;

/** Handlers called by {@link ApiRouter} once the request is authenticated and its route matched. */
final class WebhookApi {

    private static final String ENDPOINT = "Webhook endpoint";
    private static final String SUBSCRIPTION = "Webhook subscription";

    private final Webhooks webhooks;
    private final WebhookRegistry registry;
    private final SimulatorClock clock;

    WebhookApi(Webhooks webhooks, SimulatorClock clock) {
        this.webhooks = webhooks;
        this.registry = webhooks.registry();
        this.clock = clock;
    }

    /** The payload behind a signed URL; the router sends these requests here before any API rule. */
    Reply signedPayload(String token, SimRequest req) {
        return webhooks.signedPayload(token, req);
    }

    // ---- endpoints ----

    Reply createEndpoint(SimRequest req) {
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = WebhookChecks.checkEndpointCreate(body);
        if (problem != null) {
            return invalid(problem, req);
        }
        try {
            WebhookEndpoint e = webhooks.createEndpoint(body.get("url").asText(), body.get("name").asText(),
                    body.hasNonNull("status") ? body.get("status").asText() : "enabled",
                    WebhookChecks.events(body.get("enabledEvents")), body.get("apiVersion").asText(),
                    options(body.get("advancedOptions")));
            return json(200, e.toJson(true));
        } catch (IllegalStateException full) {
            return invalid(full.getMessage(), req);
        }
    }

    Reply getEndpoint(String id, SimRequest req) {
        WebhookEndpoint e = registry.endpoint(id);
        return e == null ? notFound(ENDPOINT, req) : json(200, e.toJson(false));
    }

    Reply updateEndpoint(String id, SimRequest req) {
        WebhookEndpoint e = registry.endpoint(id);
        if (e == null) {
            return notFound(ENDPOINT, req);
        }
        JsonNode body = req.body().length == 0 ? MAPPER.createObjectNode() : parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = WebhookChecks.checkEndpointUpdate(body, e.apiVersion());
        if (problem != null) {
            return invalid(problem, req);
        }
        WebhookEndpoint changed = e.withChanges(
                body.hasNonNull("url") ? body.get("url").asText() : e.url(),
                body.hasNonNull("name") ? body.get("name").asText() : e.name(),
                body.hasNonNull("status") ? body.get("status").asText() : e.status(),
                body.hasNonNull("enabledEvents") ? WebhookChecks.events(body.get("enabledEvents")) : e.enabledEvents(),
                body.has("advancedOptions") ? options(body.get("advancedOptions")) : e.advancedOptions());
        try {
            return json(200, registry.replace(changed).toJson(false));
        } catch (NoSuchElementException deletedMeanwhile) {
            return notFound(ENDPOINT, req);
        }
    }

    Reply deleteEndpoint(String id, SimRequest req) {
        return registry.deleteEndpoint(id) ? json(200, MAPPER.createObjectNode().put("id", id))
                : notFound(ENDPOINT, req);
    }

    /** Filters {@code status}; {@code sortDir}, {@code maxPageSize}, {@code nextPageToken}. */
    Reply listEndpoints(SimRequest req) {
        Map<String, String> q;
        try {
            q = SimSupport.parseQuery(req.rawQuery());
        } catch (IllegalArgumentException e) {
            return invalid("Malformed query string", req);
        }
        String status = q.get("status");
        if (status != null && !WebhookChecks.STATUSES.contains(status)) {
            return invalid("status must be one of " + WebhookChecks.STATUSES + "; Path: status", req);
        }
        return page(registry.endpoints(), e -> status == null || status.equals(e.status()), WebhookEndpoint::seq,
                e -> e.toJson(false), q, req);
    }

    // ---- subscriptions ----

    /** Creates the subscription, or updates the events of the endpoint's subscription to the same resource. */
    Reply createSubscription(SimRequest req) {
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = WebhookChecks.checkSubscriptionCreate(body);
        if (problem != null) {
            return invalid(problem, req);
        }
        try {
            WebhookSubscription s = registry.upsert(body.get("webhookEndpointId").asText(),
                    body.get("resourceType").asText(), body.get("resourceId").asText(),
                    WebhookChecks.events(body.get("enabledEvents")), clock.now());
            return s == null ? notFound(ENDPOINT, req) : json(200, s.toJson());
        } catch (IllegalStateException full) {
            return invalid(full.getMessage(), req);
        }
    }

    Reply getSubscription(String id, SimRequest req) {
        WebhookSubscription s = registry.subscription(id);
        return s == null ? notFound(SUBSCRIPTION, req) : json(200, s.toJson());
    }

    /** Only {@code enabledEvents} can change, and it is required. */
    Reply updateSubscription(String id, SimRequest req) {
        WebhookSubscription s = registry.subscription(id);
        if (s == null) {
            return notFound(SUBSCRIPTION, req);
        }
        JsonNode body = parse(req.body());
        if (body == null || !body.isObject()) {
            return invalid("Request body must be a JSON object", req);
        }
        String problem = WebhookChecks.checkScopedEvents(body.get("enabledEvents"), s.resourceType());
        if (problem != null) {
            return invalid(problem, req);
        }
        WebhookSubscription updated = registry.updateEvents(id, WebhookChecks.events(body.get("enabledEvents")));
        return updated == null ? notFound(SUBSCRIPTION, req) : json(200, updated.toJson());
    }

    Reply deleteSubscription(String id, SimRequest req) {
        return registry.deleteSubscription(id) ? json(200, MAPPER.createObjectNode().put("id", id))
                : notFound(SUBSCRIPTION, req);
    }

    /** Filters {@code webhookEndpointId}, {@code resourceId}; {@code sortDir}, {@code maxPageSize}, the cursor. */
    Reply listSubscriptions(SimRequest req) {
        Map<String, String> q;
        try {
            q = SimSupport.parseQuery(req.rawQuery());
        } catch (IllegalArgumentException e) {
            return invalid("Malformed query string", req);
        }
        String endpointId = q.get("webhookEndpointId");
        String resourceId = q.get("resourceId");
        return page(registry.subscriptions(), s -> (endpointId == null || endpointId.equals(s.endpointId()))
                && (resourceId == null || resourceId.equals(s.resourceId())), WebhookSubscription::seq,
                WebhookSubscription::toJson, q, req);
    }

    // ---- shared ----

    /**
     * One page of {@code {"object":"list","data":[...],"nextPageToken":"..."}}, newest first unless
     * {@code sortDir=asc}; the token (left out on the last page) is a keyset: the sequence number of the last item.
     */
    private static <T> Reply page(List<T> oldestFirst, Predicate<T> filter, ToLongFunction<T> seq,
            Function<T, ObjectNode> render, Map<String, String> q, SimRequest req) {
        PageParams params;
        try {
            params = PageParams.of(q);
        } catch (PageParams.Invalid e) {
            return invalid(e.getMessage(), req);
        }
        String sortDir = params.sortDir();
        int size = params.size();
        boolean asc = sortDir.equals("asc");
        long after = asc ? Long.MIN_VALUE : Long.MAX_VALUE;
        String token = q.get("nextPageToken");
        if (token != null && !token.isEmpty()) {
            Long decoded = decodeToken(token, sortDir);
            if (decoded == null) {
                return invalid("Invalid nextPageToken; Path: nextPageToken", req);
            }
            after = decoded;
        }
        List<T> ordered = new ArrayList<>(oldestFirst);
        if (!asc) {
            Collections.reverse(ordered);
        }
        ObjectNode answer = MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = answer.putArray("data");
        long last = 0;
        boolean more = false;
        for (T item : ordered) {
            long s = seq.applyAsLong(item);
            if ((asc ? s <= after : s >= after) || !filter.test(item)) {
                continue;
            }
            if (data.size() == size) {
                more = true;
                break;
            }
            data.add(render.apply(item));
            last = s;
        }
        if (more) {
            answer.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("wh1|" + sortDir + "|" + last).getBytes(StandardCharsets.UTF_8)));
        }
        return json(200, answer);
    }

    private static Long decodeToken(String token, String sortDir) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            return parts.length == 3 && parts[0].equals("wh1") && parts[1].equals(sortDir) ? Long.valueOf(parts[2])
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ObjectNode options(JsonNode n) {
        return n == null || n.isNull() ? null : (ObjectNode) n;
    }
}
