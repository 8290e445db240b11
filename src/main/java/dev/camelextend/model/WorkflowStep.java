package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow step a step run executed ({@code "object": "workflow_step"}).
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "name", "type" })
public class WorkflowStep implements Serializable {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String name;
    private String type;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public WorkflowStep() {
    }

    /**
     * @return the object type, {@code "workflow_step"}
     */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /**
     * @return the step ID; deprecated by Extend because it is not stable across workflow versions
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the step name
     */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * @return the step type (same value as {@link StepRun#getStepType()}); optional on the wire
     */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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
