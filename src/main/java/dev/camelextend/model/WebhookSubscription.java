package dev.camelextend.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A resource-scoped webhook subscription, {@code POST/GET /webhook_subscriptions}: the events of one resource (for
 * {@code workflow_run.*} events, one workflow) delivered to one endpoint. Creating one for an endpoint and resource
 * that already have one updates its events: the create is an upsert.
 */
@JsonPropertyOrder({ "object", "id", "webhookEndpointId", "resourceType", "resourceId", "enabledEvents", "createdAt",
                     "updatedAt" })
public class WebhookSubscription extends WebhookObject {

    private static final long serialVersionUID = 1L;

    private String webhookEndpointId;
    private String resourceType;
    private String resourceId;
    private List<String> enabledEvents;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;

    public WebhookSubscription() {
    }

    /** @return the endpoint the events go to */
    public String getWebhookEndpointId() {
        return webhookEndpointId;
    }

    public void setWebhookEndpointId(String webhookEndpointId) {
        this.webhookEndpointId = webhookEndpointId;
    }

    /** @return {@code "workflow"} for workflow-run events (open set) */
    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    /** @return the resource's ID: for a {@code workflow} subscription, the workflow's ID */
    public String getResourceId() {
        return resourceId;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    /** @return the events delivered, for example {@code workflow_run.cancelled} */
    public List<String> getEnabledEvents() {
        return enabledEvents;
    }

    public void setEnabledEvents(List<String> enabledEvents) {
        this.enabledEvents = enabledEvents;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + getId() + ", webhookEndpointId=" + webhookEndpointId + ", " + resourceType + "="
               + resourceId + ", enabledEvents=" + enabledEvents + "]";
    }
}
