package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * The workflow step a step run executed ({@code "object": "workflow_step"}).
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "name", "type" })
public class WorkflowStep extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String name;
    private String type;

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
}
