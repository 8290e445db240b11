package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One webhook delivery of Extend, {@code {"eventId", "eventType", "payload"}}, as the {@code extend:webhook} consumer
 * hands it to the route after its signature was verified.
 * <p>
 * The payload is typed by the event type: a {@link WorkflowRun} for {@code workflow_run.completed}, {@code .failed},
 * {@code .needs_review}, {@code .rejected}, {@code .cancelled} and any other {@code workflow_run.*} event, a
 * {@link StepRun} for {@code workflow_run.step_run.processed}, and the JSON tree as received ({@link JsonNode}) for
 * every other event type, so an event this version does not know still reaches the route. A payload Extend sent as a
 * signed URL ({@code "object": "signed_data_url"}) has been fetched already: the payload here is what the URL held.
 * Unknown properties of the envelope are kept in {@link #getAdditionalProperties()}.
 */
@JsonPropertyOrder({ "eventId", "eventType", "payload" })
public class ExtendWebhookEvent extends ExtendObject {

    private static final long serialVersionUID = 1L;

    /** The prefix of the workflow-run events, whose payload is a {@link WorkflowRun}. */
    public static final String WORKFLOW_RUN_EVENTS = "workflow_run.";
    /** The one workflow-run event whose payload is a {@link StepRun}. */
    public static final String STEP_RUN_PROCESSED = "workflow_run.step_run.processed";

    private String eventId;
    private String eventType;
    private Object payload;

    public ExtendWebhookEvent() {
    }

    /** An event with its payload already typed, as the consumer builds it, or as a test of a route does. */
    public ExtendWebhookEvent(String eventId, String eventType, Object payload) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
    }

    /** @return Extend's ID of the event: the same on every redelivery, so deduplicate on it */
    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    /** @return the event type, such as {@code workflow_run.cancelled} */
    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    /** @return the payload: a {@link WorkflowRun}, a {@link StepRun} or, for other event types, a {@link JsonNode} */
    public Object getPayload() {
        return payload;
    }

    public void setPayload(Object payload) {
        this.payload = payload;
    }

    /** @return the payload when it is a workflow run, else null ({@code ${body.workflowRun.status}}) */
    @JsonIgnore
    public WorkflowRun getWorkflowRun() {
        return payload instanceof WorkflowRun run ? run : null;
    }

    /** @return the payload when it is a step run, else null */
    @JsonIgnore
    public StepRun getStepRun() {
        return payload instanceof StepRun step ? step : null;
    }

    /** @return the payload as received when this version does not type it, else null */
    @JsonIgnore
    public JsonNode getRawPayload() {
        return payload instanceof JsonNode tree ? tree : null;
    }

    /**
     * @return the ID of the workflow run the event is about: the run's own, or the step run's {@code workflowRunId};
     *         null for other events
     */
    @JsonIgnore
    public String getRunId() {
        WorkflowRun run = getWorkflowRun();
        if (run != null) {
            return run.getId();
        }
        StepRun step = getStepRun();
        return step != null ? step.getWorkflowRunId() : null;
    }

    @Override
    public String toString() {
        return "ExtendWebhookEvent[eventId=" + eventId + ", eventType=" + eventType + ", runId=" + getRunId() + "]";
    }
}
