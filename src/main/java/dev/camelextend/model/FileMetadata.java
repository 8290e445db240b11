package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata of a file.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "pageCount", "parentSplit" })
public class FileMetadata implements Serializable {

    private static final long serialVersionUID = 1L;

    private Integer pageCount;
    private ParentSplit parentSplit;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public FileMetadata() {
    }

    /**
     * @return the number of pages, if known
     */
    public Integer getPageCount() {
        return pageCount;
    }

    public void setPageCount(Integer pageCount) {
        this.pageCount = pageCount;
    }

    /**
     * @return the split this file was produced from, if any
     */
    public ParentSplit getParentSplit() {
        return parentSplit;
    }

    public void setParentSplit(ParentSplit parentSplit) {
        this.parentSplit = parentSplit;
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
