package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who created a resource. On the wire this is one of {@code {"type":"user","email":...}} or
 * {@code {"type":"api_key","name":...}}; both shapes bind to this one flat class.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "type", "email", "name" })
public class CreatedBy implements Serializable {

    private static final long serialVersionUID = 1L;

    private String type;
    private String email;
    private String name;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public CreatedBy() {
    }

    /**
     * @return {@code "user"} or {@code "api_key"} (open set)
     */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /**
     * @return the user's email, set when {@code type} is {@code "user"}
     */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /**
     * @return the API key name, set when {@code type} is {@code "api_key"}
     */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
