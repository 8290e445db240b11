package dev.camelextend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.camelextend.client.ExtendClient;
import dev.camelextend.client.ExtendResponse;
import dev.camelextend.client.WebhookIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * extend:webhook's {@code subscribeWorkflows}: at route start, each named workflow's run events are subscribed to the
 * endpoint {@code webhookEndpointId} ({@code POST /webhook_subscriptions}, Extend's upsert, so a restart changes
 * nothing), before the route takes a delivery as its own. {@code workflow_run.*} events come only through such a
 * subscription, so a consumer that forgot one would wait for events that never come; failing the start says so at
 * once. No signing secret is involved: a subscription names the endpoint, not its secret.
 */
final class WorkflowSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowSubscriptions.class);
    /** Beyond the calls' own bound (each is bounded by its attempts): only a backstop for the starting thread. */
    private static final long BACKSTOP_SECONDS = 30;

    private final String endpointId;
    private final List<String> workflows;
    private final List<String> events;
    private final String workspaceId;

    private WorkflowSubscriptions(String endpointId, List<String> workflows, List<String> events,
                                  String workspaceId) {
        this.endpointId = endpointId;
        this.workflows = workflows;
        this.events = events;
        this.workspaceId = workspaceId;
    }

    /**
     * The subscriptions the options ask for, checked, or null when {@code subscribeWorkflows} is not set. The API key
     * is checked by the endpoint, which makes its client only for a consumer with subscriptions.
     *
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    static WorkflowSubscriptions of(ExtendConfiguration c) {
        if (c.getSubscribeWorkflows() == null) {
            return null;
        }
        LinkedHashSet<String> workflows = new LinkedHashSet<>();
        for (String part : c.getSubscribeWorkflows().split(",")) {
            if (!part.isBlank()) {
                String id = part.strip();
                String problem = WebhookIds.problem(id, "workflow ID");
                if (problem != null) {
                    throw new IllegalArgumentException("The subscribeWorkflows option is invalid: " + problem);
                }
                workflows.add(id);
            }
        }
        if (workflows.isEmpty()) {
            throw new IllegalArgumentException("The subscribeWorkflows option names no workflow");
        }
        String endpointProblem = WebhookIds.problem(c.getWebhookEndpointId(), "webhook endpoint ID");
        if (endpointProblem != null) {
            throw new IllegalArgumentException("subscribeWorkflows needs the webhookEndpointId option, the endpoint in"
                                               + " Extend the subscriptions deliver to: " + endpointProblem);
        }
        List<String> events = WebhookManagementCalls.events(c.getWebhookEvents(), "webhookEvents");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("subscribeWorkflows needs at least one event in webhookEvents");
        }
        return new WorkflowSubscriptions(c.getWebhookEndpointId().strip(), List.copyOf(workflows), events,
                c.getWorkspaceId());
    }

    /**
     * Subscribes every workflow, all at once (through the client's write limiter), and returns when all are; fails
     * with the first failure's typed exception, naming the workflow.
     */
    void ensure(ExtendClient client, long callBudgetMillis) throws Exception {
        List<CompletableFuture<ExtendResponse>> calls = new ArrayList<>();
        for (String workflow : workflows) {
            calls.add(client.subscribeWorkflow(endpointId, workflow, events, workspaceId));
        }
        for (int i = 0; i < calls.size(); i++) {
            String workflow = workflows.get(i);
            try {
                calls.get(i).get(callBudgetMillis + TimeUnit.SECONDS.toMillis(BACKSTOP_SECONDS), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CompletionException failed) {
                Exception typed = ExtendExceptions.from(failed.getCause(), null);
                throw new IllegalStateException("extend:webhook could not subscribe webhook endpoint " + endpointId
                                                + " to the run events of workflow " + workflow + ": "
                                                + typed.getMessage(), typed);
            } catch (TimeoutException late) {
                throw new IllegalStateException("extend:webhook could not subscribe webhook endpoint " + endpointId
                                                + " to workflow " + workflow + ": no answer in time");
            }
        }
        LOG.info("Extend webhook endpoint {} is subscribed to {} of workflows {}", endpointId, events, workflows);
    }
}
