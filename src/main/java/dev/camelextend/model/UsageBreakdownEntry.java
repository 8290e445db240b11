package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One child run in a {@link RunUsage} breakdown.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "credits", "charges" })
public class UsageBreakdownEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private BigDecimal credits;
    private List<UsageCharge> charges;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public UsageBreakdownEntry() {
    }

    /**
     * @return the child run type, e.g. {@code parse_run}, {@code extract_run} (open set)
     */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /**
     * @return the child run ID
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the credits used by the child run
     */
    public BigDecimal getCredits() {
        return credits;
    }

    public void setCredits(BigDecimal credits) {
        this.credits = credits;
    }

    /**
     * @return the individual charges (from 2026-06-10), may be {@code null}
     */
    public List<UsageCharge> getCharges() {
        return charges;
    }

    public void setCharges(List<UsageCharge> charges) {
        this.charges = charges;
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
