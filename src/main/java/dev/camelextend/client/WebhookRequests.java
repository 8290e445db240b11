package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.Method;

/**
 * The requests of Extend's webhook management API, {@code /webhook_endpoints} and {@code /webhook_subscriptions}:
 * their URLs and JSON bodies, from values already checked here (IDs path-safe, events and URLs bounded), so that what
 * is sent is exactly what was asked for. Pure: no call rule lives here ({@link CallExecution} sends them).
 */
final class WebhookRequests {

    /** The resource type of the subscriptions {@code workflow_run.*} events come through. */
    static final String WORKFLOW_RESOURCE = "workflow";
    /** Far above any URL Extend accepts for an endpoint. */
    static final int MAX_URL_LENGTH = 2048;
    /** Far above any event name. */
    private static final int MAX_EVENT_LENGTH = 100;

    private final String baseUrl;
    private final String apiVersion;
    private final ObjectMapper mapper;

    WebhookRequests(String baseUrl, String apiVersion, ObjectMapper mapper) {
        this.baseUrl = baseUrl;
        this.apiVersion = apiVersion;
        this.mapper = mapper;
    }

    /**
     * {@code POST /webhook_endpoints}, pinned to the client's API version (the version the consumer reads).
     *
     * @param enabledEvents account-wide events; empty for an endpoint that gets only resource-scoped subscriptions
     *                      (every {@code workflow_run.*} event)
     */
    ApiRequest createEndpoint(String url, String name, List<String> enabledEvents, String workspaceId) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no webhook URL was given");
        }
        if (url.length() > MAX_URL_LENGTH || !(url.startsWith("https://") || url.startsWith("http://"))
            || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException("the webhook URL must be an http(s) URL of printable ASCII, at most "
                                               + MAX_URL_LENGTH + " characters");
        }
        if (name == null || name.isBlank() || name.length() > 256) {
            throw new IllegalArgumentException("the webhook endpoint's name must be 1 to 256 characters");
        }
        ObjectNode body = mapper.createObjectNode().put("url", url).put("name", name);
        events(body, enabledEvents, false);
        body.put("apiVersion", apiVersion);
        return new ApiRequest(Method.POST, baseUrl + "/webhook_endpoints", workspaceId, bytes(body));
    }

    /** {@code GET /webhook_endpoints}: one page, optionally only the endpoints of one status. */
    ApiRequest listEndpoints(String status, String pageToken, int pageSize, String workspaceId) {
        StringBuilder url = new StringBuilder(baseUrl).append("/webhook_endpoints");
        char sep = RunListQuery.param(url, '?', "status", status);
        sep = RunListQuery.param(url, sep, "maxPageSize", Integer.toString(pageSize));
        RunListQuery.param(url, sep, "nextPageToken", pageToken);
        return ApiRequest.of(Method.GET, url.toString(), workspaceId);
    }

    ApiRequest deleteEndpoint(String endpointId, String workspaceId) {
        return ApiRequest.of(Method.DELETE, baseUrl + "/webhook_endpoints/"
                + WebhookIds.check(endpointId, "webhook endpoint ID"), workspaceId);
    }

    /**
     * {@code POST /webhook_subscriptions} of a workflow's run events: an upsert, so asking twice leaves one
     * subscription with these events.
     */
    ApiRequest subscribeWorkflow(String endpointId, String workflowId, List<String> events, String workspaceId) {
        ObjectNode body = mapper.createObjectNode()
                .put("webhookEndpointId", WebhookIds.check(endpointId, "webhook endpoint ID"))
                .put("resourceType", WORKFLOW_RESOURCE)
                .put("resourceId", WebhookIds.check(workflowId, "workflow ID"));
        events(body, events, true);
        return new ApiRequest(Method.POST, baseUrl + "/webhook_subscriptions", workspaceId, bytes(body));
    }

    /** {@code GET /webhook_subscriptions}: one page, optionally of one endpoint and one resource. */
    ApiRequest listSubscriptions(String endpointId, String resourceId, String pageToken, int pageSize,
                                 String workspaceId) {
        StringBuilder url = new StringBuilder(baseUrl).append("/webhook_subscriptions");
        char sep = RunListQuery.param(url, '?', "webhookEndpointId",
                endpointId == null ? null : WebhookIds.check(endpointId, "webhook endpoint ID"));
        sep = RunListQuery.param(url, sep, "resourceId",
                resourceId == null ? null : WebhookIds.check(resourceId, "workflow ID"));
        sep = RunListQuery.param(url, sep, "maxPageSize", Integer.toString(pageSize));
        RunListQuery.param(url, sep, "nextPageToken", pageToken);
        return ApiRequest.of(Method.GET, url.toString(), workspaceId);
    }

    ApiRequest deleteSubscription(String subscriptionId, String workspaceId) {
        return ApiRequest.of(Method.DELETE, baseUrl + "/webhook_subscriptions/"
                + WebhookIds.check(subscriptionId, "webhook subscription ID"), workspaceId);
    }

    private static void events(ObjectNode body, List<String> events, boolean atLeastOne) {
        if (atLeastOne && events.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one event");
        }
        var array = body.putArray("enabledEvents");
        for (String event : events) {
            if (event == null || event.isBlank() || event.length() > MAX_EVENT_LENGTH
                || !event.chars().allMatch(c -> c == '.' || c == '_' || Character.isLetterOrDigit(c) && c < 0x80)) {
                throw new IllegalArgumentException("'" + ServerText.clean(String.valueOf(event), ServerText.TEXT_CHARS, null)
                                                   + "' is not an event type");
            }
            array.add(event);
        }
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings always writes", e);
        }
    }
}
