package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;

/**
 * Summary of the workflow version a run used ({@code "object": "workflow_version"}), without steps.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "version", "name", "createdAt", "createdBy" })
public class WorkflowVersionSummary extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String version;
    private String name;
    private OffsetDateTime createdAt;
    private CreatedBy createdBy;

    public WorkflowVersionSummary() {
    }

    /**
     * @return the object type, {@code "workflow_version"}
     */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /**
     * @return the workflow version ID
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the version number as text, or {@code "draft"}
     */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /**
     * @return the version name, may be {@code null}
     */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * @return when the version was created
     */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /**
     * @return who created the version, may be {@code null}
     */
    public CreatedBy getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(CreatedBy createdBy) {
        this.createdBy = createdBy;
    }
}
