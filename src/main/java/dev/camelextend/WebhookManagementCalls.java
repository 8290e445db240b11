package dev.camelextend;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendResponse;
import dev.camelextend.client.ServerText;
import dev.camelextend.client.WebhookIds;
import dev.camelextend.model.WebhookEndpoint;
import dev.camelextend.model.WebhookSubscription;
import org.apache.camel.Message;

/**
 * Subscriptions as code: what the webhook management operations ({@code createWebhookEndpoint},
 * {@code listWebhookEndpoints}, {@code deleteWebhookEndpoint}, {@code createWebhookSubscription},
 * {@code listWebhookSubscriptions}, {@code deleteWebhookSubscription}) read from an exchange - header, then option,
 * then body, as the run operations do - and what their answer puts on the message. Checked on the caller's thread,
 * before anything is sent. The signing secret a creation returns stays in the body's {@link WebhookEndpoint}: never a
 * header, which routes log and forward.
 */
final class WebhookManagementCalls {

    private static final String ENDPOINT_ID = "webhook endpoint ID";
    private static final String SUBSCRIPTION_ID = "webhook subscription ID";
    private static final String WORKFLOW_ID = "workflow ID";

    private WebhookManagementCalls() {
    }

    static StartedCall start(ExtendOperation operation, ExtendConfiguration config, ExtendClient client,
                                        Message in) throws ExtendInvalidRequestException {
        String workspaceId = config.getWorkspaceId();
        try {
            return switch (operation) {
                case createWebhookEndpoint -> started(client.createWebhookEndpoint(
                        text(in, ExtendConstants.WEBHOOK_URL, config.getWebhookUrl()), config.getWebhookName(),
                        events(config.getEndpointEvents(), "endpointEvents"), workspaceId), null);
                case listWebhookEndpoints -> started(client.listAllWebhookEndpoints(config.getPageSize(), workspaceId),
                        null);
                case deleteWebhookEndpoint -> {
                    String id = id(in, ExtendConstants.WEBHOOK_ENDPOINT_ID, config.getWebhookEndpointId(),
                            "webhookEndpointId", ENDPOINT_ID, true);
                    yield started(client.deleteWebhookEndpoint(id, workspaceId), id);
                }
                case createWebhookSubscription -> {
                    String endpointId = id(in, ExtendConstants.WEBHOOK_ENDPOINT_ID, config.getWebhookEndpointId(),
                            "webhookEndpointId", ENDPOINT_ID, false);
                    String workflowId = id(in, ExtendConstants.WORKFLOW_ID, config.getWorkflowId(), "workflowId",
                            WORKFLOW_ID, true);
                    yield started(client.subscribeWorkflow(endpointId, workflowId,
                            events(config.getWebhookEvents(), "webhookEvents"), workspaceId), workflowId);
                }
                case listWebhookSubscriptions -> started(client.listAllWebhookSubscriptions(
                        optionalId(in, ExtendConstants.WEBHOOK_ENDPOINT_ID, config.getWebhookEndpointId(), ENDPOINT_ID),
                        optionalId(in, ExtendConstants.WORKFLOW_ID, config.getWorkflowId(), WORKFLOW_ID),
                        config.getPageSize(), workspaceId), null);
                case deleteWebhookSubscription -> {
                    String id = id(in, ExtendConstants.WEBHOOK_SUBSCRIPTION_ID, null, null, SUBSCRIPTION_ID, true);
                    yield started(client.deleteWebhookSubscription(id, workspaceId), id);
                }
                default -> throw new IllegalStateException(operation + " is not a webhook management operation");
            };
        } catch (IllegalArgumentException invalid) {
            // the client's own checks of a URL, name or event; the IDs were checked here
            throw new ExtendInvalidRequestException("Extend " + operation + ": " + invalid.getMessage(), null);
        }
    }

    /** The events of an option, comma-separated, without repeats; checked again by the client. */
    static List<String> events(String option, String name) {
        if (option == null || option.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String part : option.split(",")) {
            if (!part.isBlank()) {
                events.add(part.strip());
            }
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("the " + name + " option names no event");
        }
        return List.copyOf(events);
    }

    private static StartedCall started(CompletableFuture<ExtendResponse> call, String subject) {
        return new StartedCall(call.thenApply(response -> out -> {
            Object answer = response.webhook();
            out.setBody(answer);
            out.setHeader(ExtendConstants.ATTEMPTS, response.attempts());
            if (response.requestId() != null) {
                out.setHeader(ExtendConstants.REQUEST_ID, response.requestId());
            } else {
                out.removeHeader(ExtendConstants.REQUEST_ID);
            }
        }), subject);
    }

    private static String text(Message in, String header, String option) {
        String value = in.getHeader(header, String.class);
        return value != null ? value.strip() : option;
    }

    /**
     * Header, then option, then (when {@code bodyToo}) the body: text, UTF-8 bytes, or the object itself.
     *
     * @param optionName the option's name for the message, or null when the operation has none
     */
    private static String id(Message in, String header, String option, String optionName, String what,
                             boolean bodyToo) throws ExtendInvalidRequestException {
        String id = optionalId(in, header, option, what);
        if (id == null && bodyToo) {
            Object body = in.getBody();
            String fromBody = body instanceof CharSequence cs ? cs.toString().strip()
                    : body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8).strip()
                    : body instanceof WebhookEndpoint e && what.equals(ENDPOINT_ID) ? e.getId()
                    : body instanceof WebhookSubscription s && what.equals(SUBSCRIPTION_ID) ? s.getId() : null;
            if (fromBody != null) {
                return checked(fromBody, what, "the body");
            }
        }
        if (id == null) {
            throw new ExtendInvalidRequestException("No " + what + ": set the header " + header
                                                    + (optionName != null ? " or the option " + optionName : "")
                                                    + (bodyToo ? ", or send it as the body" : ""), null);
        }
        return id;
    }

    private static String optionalId(Message in, String header, String option, String what)
            throws ExtendInvalidRequestException {
        String value = in.getHeader(header, String.class);
        if (value != null) {
            return checked(value.strip(), what, "the header " + header);
        }
        return option == null ? null : checked(option.strip(), what, "the option");
    }

    private static String checked(String id, String what, String source) throws ExtendInvalidRequestException {
        String problem = WebhookIds.problem(id, what);
        if (problem != null) {
            throw new ExtendInvalidRequestException("Invalid " + what + " in " + source + ": " + problem + " (got '"
                                                    + ServerText.clean(id, 64, null) + "')", null);
        }
        return id;
    }
}
