package dev.camelextend.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every wire type: JSON properties this version does not map are kept, not dropped and not fatal, and are
 * written back on serialisation (Extend adds response properties without a new API version).
 */
public abstract class ExtendObject implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** @return the JSON properties not mapped to a field, in the order received */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    /**
     * Stores a JSON property not mapped to a field.
     *
     * @param name  the property name
     * @param value the property value as Jackson read it
     */
    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
