package dev.camelextend.model;

import java.io.IOException;
import java.io.ObjectOutputStream;
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

    /**
     * Made on first use, as most objects of an answer have no unknown properties: a map less per object read. Once
     * made it is never replaced, so every caller gets the same map.
     */
    private volatile Map<String, Object> additionalProperties;

    /** @return the JSON properties not mapped to a field, in the order received */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        Map<String, Object> properties = additionalProperties;
        return properties != null ? properties : createAdditionalProperties();
    }

    private synchronized Map<String, Object> createAdditionalProperties() {
        Map<String, Object> properties = additionalProperties;
        if (properties == null) {
            properties = new LinkedHashMap<>();
            additionalProperties = properties;
        }
        return properties;
    }

    /**
     * Stores a JSON property not mapped to a field.
     *
     * @param name  the property name
     * @param value the property value as Jackson read it
     */
    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        getAdditionalProperties().put(name, value);
    }

    /** The serialised form stays what it was: the map is always there, empty or not. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        getAdditionalProperties();
        out.defaultWriteObject();
    }
}
