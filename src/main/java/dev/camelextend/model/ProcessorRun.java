package dev.camelextend.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A processor run as returned by the Extend API, version 2026-02-09: an extract ({@code "extract_run"}, IDs
 * {@code exr_...}), classify ({@code "classify_run"}, {@code clr_...}), split ({@code "split_run"}, {@code splr_...})
 * or parse run ({@code "parse_run"}, {@code pr_...}). The body of {@code cancelRun}, {@code getRun} and
 * {@code awaitRun} for those kinds.
 * <p>
 * One class for the four kinds: the fields they share are mapped; what only one kind has (its processor summary and
 * version, {@code config}, {@code output}, {@code metrics}, ...) is kept as Jackson read it in
 * {@link #getAdditionalProperties()} and written back on serialisation, so nothing Extend sent is lost. The status is
 * an open enum like {@link WorkflowRun}'s.
 */
@JsonPropertyOrder({ "object", "id", "status", "batchId", "failureReason", "failureMessage", "metadata", "reviewed",
        "edited", "file", "parseRunId", "dashboardUrl", "usage", "createdAt", "updatedAt" })
public class ProcessorRun extends ExtendObject implements ExtendRun {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String rawStatus;
    private String batchId;
    private String failureReason;
    private String failureMessage;
    private Map<String, Object> metadata;
    private Boolean reviewed;
    private Boolean edited;
    private FileSummary file;
    private String parseRunId;
    private String dashboardUrl;
    private RunUsage usage;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;

    public ProcessorRun() {
    }

    /** @return the object type: {@code extract_run}, {@code classify_run}, {@code split_run} or {@code parse_run} */
    @Override
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /** @return the run ID */
    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * The status, derived from {@link #getRawStatus()}; usable from Camel Simple as {@code ${body.status}}.
     *
     * @return the status; {@link ProcessorRunStatus#UNKNOWN} when the text is unknown or absent, never null
     */
    @JsonIgnore
    public ProcessorRunStatus getStatus() {
        return ProcessorRunStatus.fromValue(rawStatus);
    }

    @JsonIgnore
    public void setStatus(ProcessorRunStatus status) {
        this.rawStatus = status == null ? null : status.name();
    }

    /** @return the status text as Extend sent it; may be null */
    @Override
    @JsonProperty("status")
    public String getRawStatus() {
        return rawStatus;
    }

    @JsonProperty("status")
    public void setRawStatus(String rawStatus) {
        this.rawStatus = rawStatus;
    }

    /** @return the processor batch this run belongs to ({@code bpr_...}, {@code bpar_...}), or null */
    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    /** @return why the run failed, e.g. {@code ABORTED} or {@code INTERNAL_ERROR}, when FAILED; else null */
    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    /** @return a detailed message about the failure, when FAILED; else null */
    public String getFailureMessage() {
        return failureMessage;
    }

    public void setFailureMessage(String failureMessage) {
        this.failureMessage = failureMessage;
    }

    /** @return the metadata given when the run was created, or null */
    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** @return whether a human reviewed the run; null when Extend did not say (parse runs) */
    public Boolean getReviewed() {
        return reviewed;
    }

    public void setReviewed(Boolean reviewed) {
        this.reviewed = reviewed;
    }

    /** @return whether the results were edited in review; null when Extend did not say */
    public Boolean getEdited() {
        return edited;
    }

    public void setEdited(Boolean edited) {
        this.edited = edited;
    }

    /** @return the file that was processed */
    public FileSummary getFile() {
        return file;
    }

    public void setFile(FileSummary file) {
        this.file = file;
    }

    /** @return the parse run this run used, or null */
    public String getParseRunId() {
        return parseRunId;
    }

    public void setParseRunId(String parseRunId) {
        this.parseRunId = parseRunId;
    }

    /** @return the run's page in the Extend dashboard */
    public String getDashboardUrl() {
        return dashboardUrl;
    }

    public void setDashboardUrl(String dashboardUrl) {
        this.dashboardUrl = dashboardUrl;
    }

    /** @return the credits the run used, when PROCESSED; else null */
    public RunUsage getUsage() {
        return usage;
    }

    public void setUsage(RunUsage usage) {
        this.usage = usage;
    }

    /** @return when the run was created, with the offset Extend sent; null for kinds that do not say */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /** @return when the run last changed, with the offset Extend sent; null for kinds that do not say */
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    public String toString() {
        return "ProcessorRun[" + object + " " + id + ", " + rawStatus + "]";
    }
}
