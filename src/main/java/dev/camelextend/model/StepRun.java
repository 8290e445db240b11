package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One step run inside a workflow run ({@code "object": "workflow_step_run"}).
 * <p>
 * On the wire this is a union keyed by {@code stepType}; here it is one flat class and the type-specific
 * {@code result} is kept as a JSON tree.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "workflowRunId", "status", "stepType", "files", "step", "result" })
public class StepRun extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String workflowRunId;
    private String rawStatus;
    private String stepType;
    private List<FileSummary> files;
    private WorkflowStep step;
    private JsonNode result;

    public StepRun() {
    }

    /**
     * @return the object type, {@code "workflow_step_run"}
     */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /**
     * @return the step run ID
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the ID of the workflow run this step run belongs to
     */
    public String getWorkflowRunId() {
        return workflowRunId;
    }

    public void setWorkflowRunId(String workflowRunId) {
        this.workflowRunId = workflowRunId;
    }

    /**
     * The status, derived from {@link #getRawStatus()}.
     *
     * @return the status; {@link StepRunStatus#UNKNOWN} when the text is unknown or absent, never {@code null}
     */
    @JsonIgnore
    public StepRunStatus getStatus() {
        return StepRunStatus.fromValue(rawStatus);
    }

    /**
     * Sets the status; the raw status becomes the constant's name ({@code null} clears it).
     */
    @JsonIgnore
    public void setStatus(StepRunStatus status) {
        this.rawStatus = status == null ? null : status.name();
    }

    /**
     * @return the status text exactly as sent (the JSON {@code status} property), may be {@code null}
     */
    @JsonProperty("status")
    public String getRawStatus() {
        return rawStatus;
    }

    @JsonProperty("status")
    public void setRawStatus(String rawStatus) {
        this.rawStatus = rawStatus;
    }

    /**
     * @return the step type as sent: {@code PARSE}, {@code EXTRACT}, {@code CLASSIFY}, {@code SPLIT},
     *         {@code MERGE_EXTRACT}, {@code CONDITIONAL_EXTRACT}, {@code RULE_VALIDATION},
     *         {@code EXTERNAL_DATA_VALIDATION} (open set)
     */
    public String getStepType() {
        return stepType;
    }

    public void setStepType(String stepType) {
        this.stepType = stepType;
    }

    /**
     * @return the files of this step run
     */
    public List<FileSummary> getFiles() {
        return files;
    }

    public void setFiles(List<FileSummary> files) {
        this.files = files;
    }

    /**
     * @return the workflow step this run executed
     */
    public WorkflowStep getStep() {
        return step;
    }

    public void setStep(WorkflowStep step) {
        this.step = step;
    }

    /**
     * The step's result as a JSON tree; its shape depends on {@link #getStepType()} (for example
     * {@code {"parseRun": {...}}} for {@code PARSE}).
     *
     * @return the result, or {@code null} when absent or JSON {@code null} (never a {@code NullNode})
     */
    public JsonNode getResult() {
        return result;
    }

    /**
     * Sets the result; a JSON {@code null} node is stored as {@code null}.
     */
    public void setResult(JsonNode result) {
        this.result = result == null || result.isNull() || result.isMissingNode() ? null : result;
    }

    @Override
    public String toString() {
        return "StepRun[id=" + id + ", stepType=" + stepType + ", status=" + rawStatus + "]";
    }
}
