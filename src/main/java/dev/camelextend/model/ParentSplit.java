package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The split of a parent file that a file was produced from.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "id", "type", "identifier", "startPage", "endPage" })
public class ParentSplit implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String type;
    private String identifier;
    private Integer startPage;
    private Integer endPage;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public ParentSplit() {
    }

    /**
     * @return the split ID
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the split type
     */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /**
     * @return the split identifier
     */
    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    /**
     * @return the first page of the split
     */
    public Integer getStartPage() {
        return startPage;
    }

    public void setStartPage(Integer startPage) {
        this.startPage = startPage;
    }

    /**
     * @return the last page of the split
     */
    public Integer getEndPage() {
        return endPage;
    }

    public void setEndPage(Integer endPage) {
        this.endPage = endPage;
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
