// Owns: validation of the webhook management bodies (endpoint create and update: url, name, status, enabledEvents,
// apiVersion, advancedOptions; subscription create and update: endpoint, resource, events), with the "...; Path: field"
// messages of Extend's INVALID_REQUEST answers.
package dev.camelextend.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Each check returns null when the part is valid, else the error message. */
final class WebhookChecks {

    static final List<String> STATUSES = List.of("enabled", "disabled");
    static final List<String> PAYLOAD_FORMATS = List.of("json", "url");
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_NAME_LENGTH = 256;
    private static final int MAX_HEADERS = 20;
    private static final int MAX_HEADER_VALUE = 1024;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    /**
     * Headers a delivery sets itself (the signature must not be forgeable from an endpoint's options) and those the
     * JDK client refuses to let anyone set.
     */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "transfer-encoding", "user-agent");

    private WebhookChecks() {
    }

    /** The whole body of {@code POST /webhook_endpoints}. */
    static String checkEndpointCreate(JsonNode body) {
        String problem = checkUrl(body.get("url"));
        if (problem == null) {
            problem = checkName(body.get("name"));
        }
        if (problem == null) {
            problem = body.has("enabledEvents") ? checkGlobalEvents(body.get("enabledEvents"))
                    : "enabledEvents is required (an empty array for an endpoint with resource-scoped subscriptions"
                            + " only); Path: enabledEvents";
        }
        if (problem == null) {
            JsonNode v = body.get("apiVersion");
            if (v == null || v.isNull()) {
                problem = "apiVersion is required; Path: apiVersion";
            } else if (!v.isTextual() || !ExtendSimulator.API_VERSION.equals(v.asText())) {
                problem = "apiVersion must be " + ExtendSimulator.API_VERSION
                        + ": the simulator renders the payloads of this version only; Path: apiVersion";
            }
        }
        if (problem == null) {
            problem = checkStatus(body.get("status"));
        }
        if (problem == null) {
            problem = checkAdvancedOptions(body.get("advancedOptions"));
        }
        return problem;
    }

    /** The body of {@code POST /webhook_endpoints/{id}}: every field optional; the API version cannot change. */
    static String checkEndpointUpdate(JsonNode body, String apiVersion) {
        String problem = null;
        if (body.has("url")) {
            problem = checkUrl(body.get("url"));
        }
        if (problem == null && body.has("name")) {
            problem = checkName(body.get("name"));
        }
        if (problem == null && body.has("enabledEvents")) {
            problem = checkGlobalEvents(body.get("enabledEvents"));
        }
        if (problem == null) {
            problem = checkStatus(body.get("status"));
        }
        if (problem == null && body.has("advancedOptions")) {
            problem = checkAdvancedOptions(body.get("advancedOptions"));
        }
        JsonNode v = body.get("apiVersion");
        if (problem == null && v != null && !v.isNull() && !apiVersion.equals(v.asText())) {
            problem = "The apiVersion of a webhook endpoint cannot be changed after creation; Path: apiVersion";
        }
        return problem;
    }

    /** The body of {@code POST /webhook_subscriptions}, up to whether the endpoint exists. */
    static String checkSubscriptionCreate(JsonNode body) {
        String problem = checkText(body.get("webhookEndpointId"), "webhookEndpointId");
        JsonNode type = body.get("resourceType");
        if (problem == null && (type == null || !type.isTextual()
                || !WebhookEventTypes.RESOURCE_TYPES.contains(type.asText()))) {
            problem = "resourceType must be one of " + WebhookEventTypes.RESOURCE_TYPES + "; Path: resourceType";
        }
        if (problem == null) {
            problem = checkText(body.get("resourceId"), "resourceId");
        }
        if (problem == null) {
            problem = checkScopedEvents(body.get("enabledEvents"), type.asText());
        }
        return problem;
    }

    /** The events of a resource-scoped subscription: at least one, each valid for the resource type. */
    static String checkScopedEvents(JsonNode events, String resourceType) {
        if (events == null || !events.isArray() || events.isEmpty()) {
            return "enabledEvents must be a non-empty array of event types; Path: enabledEvents";
        }
        List<String> allowed = WebhookEventTypes.BY_RESOURCE_TYPE.get(resourceType);
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (!e.isTextual() || !allowed.contains(e.asText())) {
                return "'" + e.asText() + "' is not an event of a " + resourceType + " subscription; expected one of "
                        + allowed + "; Path: enabledEvents[" + i + "]";
            }
        }
        return null;
    }

    /** The events in order, each once (the checks above have passed). */
    static List<String> events(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return new ArrayList<>(out);
    }

    private static String checkGlobalEvents(JsonNode events) {
        if (events == null || !events.isArray()) {
            return "enabledEvents must be an array of event types; Path: enabledEvents";
        }
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String path = "; Path: enabledEvents[" + i + "]";
            if (e.isTextual() && WebhookEventTypes.WORKFLOW_RUN.contains(e.asText())) {
                return e.asText() + " is only available as a resource-scoped subscription: create the endpoint, then"
                        + " POST /webhook_subscriptions with resourceType workflow and the workflow's ID" + path;
            }
            if (!e.isTextual() || !WebhookEventTypes.GLOBAL.contains(e.asText())) {
                return "'" + e.asText() + "' is not a global webhook event type" + path;
            }
        }
        return null;
    }

    static String checkUrl(JsonNode url) {
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            return "url is required; Path: url";
        }
        String u = url.asText();
        URI uri;
        try {
            uri = new URI(u);
        } catch (Exception e) {
            return "url must be an absolute http or https URL; Path: url";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || u.length() > MAX_URL_LENGTH) {
            return "url must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters; Path: url";
        }
        return null;
    }

    private static String checkName(JsonNode name) {
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > MAX_NAME_LENGTH) {
            return "name must be a non-empty string of at most " + MAX_NAME_LENGTH + " characters; Path: name";
        }
        return null;
    }

    private static String checkStatus(JsonNode status) {
        if (status != null && !status.isNull() && !(status.isTextual() && STATUSES.contains(status.asText()))) {
            return "status must be one of " + STATUSES + "; Path: status";
        }
        return null;
    }

    private static String checkText(JsonNode n, String field) {
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            return field + " is required; Path: " + field;
        }
        return null;
    }

    private static String checkAdvancedOptions(JsonNode options) {
        if (options == null || options.isNull()) {
            return null;
        }
        if (!options.isObject()) {
            return "advancedOptions must be an object; Path: advancedOptions";
        }
        JsonNode headers = options.get("headers");
        if (headers != null && !headers.isNull()) {
            String problem = checkHeaders(headers);
            if (problem != null) {
                return problem;
            }
        }
        JsonNode payload = options.get("payload");
        if (payload != null && !payload.isNull()) {
            if (!payload.isObject()) {
                return "advancedOptions.payload must be an object; Path: advancedOptions.payload";
            }
            JsonNode format = payload.get("format");
            if (format == null || !format.isTextual() || !PAYLOAD_FORMATS.contains(format.asText())) {
                return "advancedOptions.payload.format must be one of " + PAYLOAD_FORMATS
                        + "; Path: advancedOptions.payload.format";
            }
            JsonNode threshold = payload.get("urlThresholdBytes");
            if (threshold != null && !threshold.isNull()
                    && !(threshold.isIntegralNumber() && threshold.canConvertToLong() && threshold.asLong() >= 0)) {
                return "advancedOptions.payload.urlThresholdBytes must be a non-negative integer"
                        + "; Path: advancedOptions.payload.urlThresholdBytes";
            }
        }
        return null;
    }

    private static String checkHeaders(JsonNode headers) {
        String path = "advancedOptions.headers";
        if (!headers.isObject() || headers.size() > MAX_HEADERS) {
            return path + " must be an object of at most " + MAX_HEADERS + " string values; Path: " + path;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            String name = h.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(lower)
                    || lower.startsWith("x-extend-")) {
                return "'" + name + "' cannot be a custom header: deliveries set it themselves, or it is not a valid"
                        + " header name; Path: " + path + "." + name;
            }
            String value = h.getValue().isTextual() ? h.getValue().asText() : null;
            if (value == null || value.length() > MAX_HEADER_VALUE
                    || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                return "The value of header '" + name + "' must be a string of at most " + MAX_HEADER_VALUE
                        + " characters without control characters; Path: " + path + "." + name;
            }
        }
        return null;
    }
}
