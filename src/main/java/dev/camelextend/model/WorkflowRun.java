package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A workflow run as returned by the Extend API, version 2026-02-09 ({@code "object": "workflow_run"}): the body
 * of the {@code cancelRun} and {@code getRun} operations.
 * <p>
 * A plain JavaBean, so Camel Simple expressions such as {@code ${body.status}} and {@code ${body.workflow.name}}
 * work. Timestamps keep the offset Extend sent. The status is an open enum: unknown text gives
 * {@link WorkflowRunStatus#UNKNOWN} from {@link #getStatus()} while {@link #getRawStatus()} keeps the text.
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 * Read and write it with the mapper from {@link ExtendJson#newObjectMapper()}.
 */
@JsonPropertyOrder({
        "object", "id", "workflow", "workflowVersion", "dashboardUrl", "status", "metadata", "batchId", "files",
        "failureReason", "failureMessage", "initialRunAt", "reviewedByUser", "reviewed", "rejectionNote", "reviewedAt",
        "startTime", "endTime", "stepRuns", "usage" })
public class WorkflowRun extends ExtendObject implements ExtendRun {

    private static final long serialVersionUID = 1L;

    /** The {@code object} value Extend gives every workflow run. */
    public static final String OBJECT_TYPE = "workflow_run";

    private String object;
    private String id;
    private WorkflowSummary workflow;
    private WorkflowVersionSummary workflowVersion;
    private String dashboardUrl;
    private String rawStatus;
    private Map<String, Object> metadata;
    private String batchId;
    private List<FileSummary> files;
    private String failureReason;
    private String failureMessage;
    private OffsetDateTime initialRunAt;
    private String reviewedByUser;
    private boolean reviewed;
    private String rejectionNote;
    private OffsetDateTime reviewedAt;
    private OffsetDateTime startTime;
    private OffsetDateTime endTime;
    private List<StepRun> stepRuns;
    private RunUsage usage;

    public WorkflowRun() {
    }

    /**
     * @return the object type, {@code "workflow_run"}
     */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /**
     * @return the run ID, prefix {@code workflow_run_}
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the workflow this run belongs to
     */
    public WorkflowSummary getWorkflow() {
        return workflow;
    }

    public void setWorkflow(WorkflowSummary workflow) {
        this.workflow = workflow;
    }

    /**
     * @return the workflow version this run used
     */
    public WorkflowVersionSummary getWorkflowVersion() {
        return workflowVersion;
    }

    public void setWorkflowVersion(WorkflowVersionSummary workflowVersion) {
        this.workflowVersion = workflowVersion;
    }

    /**
     * @return the link to the run in the Extend dashboard
     */
    public String getDashboardUrl() {
        return dashboardUrl;
    }

    public void setDashboardUrl(String dashboardUrl) {
        this.dashboardUrl = dashboardUrl;
    }

    /**
     * The status, derived from {@link #getRawStatus()}. Usable from Camel Simple as {@code ${body.status}}.
     *
     * @return the status; {@link WorkflowRunStatus#UNKNOWN} when the text is unknown or absent, never {@code null}
     */
    @JsonIgnore
    public WorkflowRunStatus getStatus() {
        return WorkflowRunStatus.fromValue(rawStatus);
    }

    /**
     * Sets the status; the raw status becomes the constant's name ({@code null} clears it).
     */
    @JsonIgnore
    public void setStatus(WorkflowRunStatus status) {
        this.rawStatus = status == null ? null : status.name();
    }

    /**
     * @return the status text exactly as sent (the JSON {@code status} property), for example {@code "ARCHIVED"}
     *         when {@link #getStatus()} is {@link WorkflowRunStatus#UNKNOWN}; may be {@code null}
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
     * @return the metadata sent when the run was created (for example {@code extend:usage_tags}, a list
     *         of strings)
     */
    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /**
     * @return the batch that created the run, or {@code null}
     */
    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    /**
     * @return the files the run processes
     */
    public List<FileSummary> getFiles() {
        return files;
    }

    public void setFiles(List<FileSummary> files) {
        this.files = files;
    }

    /**
     * @return the failure reason, only for {@code FAILED}; else {@code null}
     */
    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    /**
     * @return the failure message, only for {@code FAILED}; else {@code null}
     */
    public String getFailureMessage() {
        return failureMessage;
    }

    public void setFailureMessage(String failureMessage) {
        this.failureMessage = failureMessage;
    }

    /**
     * @return when the run was first queued, or {@code null} if not started yet
     */
    public OffsetDateTime getInitialRunAt() {
        return initialRunAt;
    }

    public void setInitialRunAt(OffsetDateTime initialRunAt) {
        this.initialRunAt = initialRunAt;
    }

    /**
     * @return the email of the user who reviewed the run, or {@code null}
     */
    public String getReviewedByUser() {
        return reviewedByUser;
    }

    public void setReviewedByUser(String reviewedByUser) {
        this.reviewedByUser = reviewedByUser;
    }

    /**
     * @return whether the run has been reviewed
     */
    public boolean isReviewed() {
        return reviewed;
    }

    public void setReviewed(boolean reviewed) {
        this.reviewed = reviewed;
    }

    /**
     * @return the note given when the run was rejected, or {@code null}
     */
    public String getRejectionNote() {
        return rejectionNote;
    }

    public void setRejectionNote(String rejectionNote) {
        this.rejectionNote = rejectionNote;
    }

    /**
     * @return when the run was reviewed, or {@code null}
     */
    public OffsetDateTime getReviewedAt() {
        return reviewedAt;
    }

    public void setReviewedAt(OffsetDateTime reviewedAt) {
        this.reviewedAt = reviewedAt;
    }

    /**
     * @return when processing started, or {@code null}
     */
    public OffsetDateTime getStartTime() {
        return startTime;
    }

    public void setStartTime(OffsetDateTime startTime) {
        this.startTime = startTime;
    }

    /**
     * @return when processing ended, or {@code null}
     */
    public OffsetDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(OffsetDateTime endTime) {
        this.endTime = endTime;
    }

    /**
     * @return the step runs of this run
     */
    public List<StepRun> getStepRuns() {
        return stepRuns;
    }

    public void setStepRuns(List<StepRun> stepRuns) {
        this.stepRuns = stepRuns;
    }

    /**
     * @return the credit usage, or {@code null} (runs before 2025-10-07, legacy billing)
     */
    public RunUsage getUsage() {
        return usage;
    }

    public void setUsage(RunUsage usage) {
        this.usage = usage;
    }

    /**
     * A short description for logs: ID, status and workflow name only, never the payload.
     */
    @Override
    public String toString() {
        WorkflowRunStatus status = getStatus();
        String statusText = status == WorkflowRunStatus.UNKNOWN && rawStatus != null
                ? "UNKNOWN(" + rawStatus + ")" : status.name();
        return "WorkflowRun[id=" + id + ", status=" + statusText
               + ", workflow=" + (workflow == null ? null : workflow.getName()) + "]";
    }
}
