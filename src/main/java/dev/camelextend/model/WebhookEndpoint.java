package dev.camelextend.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A webhook endpoint of the account, {@code POST/GET /webhook_endpoints}: the URL Extend delivers to, the global events
 * it gets, the API version its payloads are rendered in, and - in the answer of its creation only - its signing secret.
 * <p>
 * The signing secret is kept out of {@link #toString()} and out of this object's JSON (it is read, never written), so
 * that logging or marshalling the body of a {@code createWebhookEndpoint} does not publish it; {@link #getSigningSecret()}
 * is the one way to it, for storing it where the consumer's {@code secret} option is read from.
 */
@JsonPropertyOrder({ "object", "id", "url", "name", "status", "enabledEvents", "apiVersion", "advancedOptions",
                     "createdAt", "updatedAt", "createdBy" })
public class WebhookEndpoint extends WebhookObject {

    private static final long serialVersionUID = 1L;

    private String url;
    private String name;
    private String status;
    private List<String> enabledEvents;
    private String apiVersion;
    private Map<String, Object> advancedOptions;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private CreatedBy createdBy;
    /** Not kept by Java serialization either: a serialized body (a JMS ObjectMessage, say) must not carry it. */
    private transient String signingSecret;

    public WebhookEndpoint() {
    }

    /** @return where Extend delivers */
    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** @return {@code "enabled"} or {@code "disabled"} (open set) */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /**
     * @return the account-wide events delivered to it; {@code workflow_run.*} events are never here, they come through
     *         a {@link WebhookSubscription} per workflow
     */
    public List<String> getEnabledEvents() {
        return enabledEvents;
    }

    public void setEnabledEvents(List<String> enabledEvents) {
        this.enabledEvents = enabledEvents;
    }

    /** @return the API version its payloads are rendered in; it cannot change after creation */
    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** @return custom delivery headers and the payload format ({@code json} or signed {@code url}), as sent */
    public Map<String, Object> getAdvancedOptions() {
        return advancedOptions;
    }

    public void setAdvancedOptions(Map<String, Object> advancedOptions) {
        this.advancedOptions = advancedOptions;
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

    public CreatedBy getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(CreatedBy createdBy) {
        this.createdBy = createdBy;
    }

    /**
     * @return the {@code wss_} secret deliveries to this endpoint are signed with: only in the answer of the endpoint's
     *         creation (Extend returns it once), else null. Not serialized, not in {@link #toString()}.
     */
    @JsonIgnore
    public String getSigningSecret() {
        return signingSecret;
    }

    @JsonProperty("signingSecret")
    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + getId() + ", url=" + url + ", status=" + status + ", apiVersion=" + apiVersion
               + (signingSecret != null ? ", signingSecret=***" : "") + "]";
    }
}
