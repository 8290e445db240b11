// Owns: one webhook endpoint as the simulator keeps it, its delivery settings (enabled, payload format, threshold,
// custom headers) and its WebhookEndpoint JSON, with the signing secret only where the create answer has it.
package dev.camelextend.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.camelextend.simulator.SimSupport.MAPPER;

/**
 * Immutable: an update makes a new one, so that a delivery reads one consistent version of the URL, secret and
 * options. {@code seq} orders lists (endpoints made in the same instant of a manual clock keep their order).
 * {@link #toString()} leaves the secret out.
 *
 * @param advancedOptions a private copy, or null
 */
record WebhookEndpoint(String id, long seq, String url, String name, String status, List<String> enabledEvents,
        String apiVersion, ObjectNode advancedOptions, Instant createdAt, String signingSecret) {

    WebhookEndpoint {
        enabledEvents = List.copyOf(enabledEvents);
        advancedOptions = advancedOptions == null ? null : advancedOptions.deepCopy();
    }

    boolean enabled() {
        return "enabled".equals(status);
    }

    /**
     * Whether a payload of {@code bytes} goes out as a signed URL: with {@code payload.format} {@code url}, payloads
     * above {@code urlThresholdBytes} do, and all of them when no threshold is set (the SDK: "only applicable when
     * format is url").
     */
    boolean deliversAsUrl(int bytes) {
        JsonNode payload = advancedOptions == null ? null : advancedOptions.get("payload");
        if (payload == null || !"url".equals(payload.path("format").asText())) {
            return false;
        }
        JsonNode threshold = payload.get("urlThresholdBytes");
        return threshold == null || threshold.isNull() || bytes > threshold.asLong();
    }

    /** The custom headers of {@code advancedOptions.headers}, in the order given. */
    Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode h = advancedOptions == null ? null : advancedOptions.get("headers");
        if (h != null && h.isObject()) {
            h.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** The {@code WebhookEndpoint} object; with {@code withSecret} the {@code WebhookEndpointCreate} one. */
    ObjectNode toJson(boolean withSecret) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("object", "webhook_endpoint");
        n.put("id", id);
        n.put("url", url);
        n.put("name", name);
        n.put("status", status);
        enabledEvents.forEach(n.putArray("enabledEvents")::add);
        n.put("apiVersion", apiVersion);
        n.set("advancedOptions", advancedOptions == null ? MAPPER.nullNode() : advancedOptions.deepCopy());
        if (withSecret) {
            n.put("signingSecret", signingSecret);
        }
        n.put("createdAt", SimSupport.formatTime(createdAt));
        // the simulator has one API key; Extend names the key that created the endpoint (CreatedBy.ApiKey)
        n.putObject("createdBy").put("type", "api_key").put("name", "Simulator API key");
        return n;
    }

    WebhookEndpoint withChanges(String newUrl, String newName, String newStatus, List<String> newEvents,
            ObjectNode newOptions) {
        return new WebhookEndpoint(id, seq, newUrl, newName, newStatus, newEvents, apiVersion, newOptions, createdAt,
                signingSecret);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + " " + url + " " + status + ", events=" + enabledEvents + "]";
    }
}
