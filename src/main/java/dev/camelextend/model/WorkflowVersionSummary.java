package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Summary of the workflow version a run used ({@code "object": "workflow_version"}), without steps.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "version", "name", "createdAt", "createdBy" })
public class WorkflowVersionSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String version;
    private String name;
    private OffsetDateTime createdAt;
    private CreatedBy createdBy;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

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

    /**
     * JSON properties not mapped to a field, in the order received. The map is live and mutable; its entries are
     * written back as top-level properties of this object on serialisation.
     *
     * @return the unknown properties, never {@code null}
     */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    /**
     * Stores a JSON property not mapped to a field.
     *
     * @param name  the property name
     * @param value the property value as bound by Jackson (map, list, text, number, boolean or {@code null})
     */
    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
