package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * Who created a resource. On the wire this is one of {@code {"type":"user","email":...}} or
 * {@code {"type":"api_key","name":...}}; both shapes bind to this one flat class.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "type", "email", "name" })
public class CreatedBy extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String type;
    private String email;
    private String name;

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
}
