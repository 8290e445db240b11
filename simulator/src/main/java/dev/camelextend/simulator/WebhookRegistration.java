// Owns: what ExtendSimulator.registerWebhook answers: the endpoint and subscription it made and the endpoint's
// signing secret, which toString leaves out.
package dev.camelextend.simulator;

/**
 * A webhook endpoint with one subscription to a workflow's run events, as {@link ExtendSimulator#registerWebhook}
 * makes it: what a receiver under test needs to verify the deliveries.
 *
 * @param endpointId     the {@code wh_...} endpoint
 * @param subscriptionId the {@code whes_...} subscription
 * @param url            where the deliveries go
 * @param workflowId     the workflow whose runs' events are delivered
 * @param signingSecret  the endpoint's {@code wss_...} secret, as the create answer gives it once
 */
public record WebhookRegistration(String endpointId, String subscriptionId, String url, String workflowId,
        String signingSecret) {

    @Override
    public String toString() {
        return "WebhookRegistration[endpoint " + endpointId + " -> " + url + ", subscription " + subscriptionId
                + " to " + workflowId + "]";
    }
}
