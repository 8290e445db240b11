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
 * Credit usage of a run. {@code null} on runs created before 2025-10-07 or for legacy billing.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "credits", "totalCredits", "breakdown" })
public class RunUsage implements Serializable {

    private static final long serialVersionUID = 1L;

    private BigDecimal credits;
    private BigDecimal totalCredits;
    private List<UsageBreakdownEntry> breakdown;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public RunUsage() {
    }

    /**
     * @return the credits used; for a workflow run the total across all child runs
     */
    public BigDecimal getCredits() {
        return credits;
    }

    public void setCredits(BigDecimal credits) {
        this.credits = credits;
    }

    /**
     * @return the total credits; only on runs persisted on or after 2026-05-14
     */
    public BigDecimal getTotalCredits() {
        return totalCredits;
    }

    public void setTotalCredits(BigDecimal totalCredits) {
        this.totalCredits = totalCredits;
    }

    /**
     * @return the per-child-run breakdown; only on runs persisted on or after 2026-05-14
     */
    public List<UsageBreakdownEntry> getBreakdown() {
        return breakdown;
    }

    public void setBreakdown(List<UsageBreakdownEntry> breakdown) {
        this.breakdown = breakdown;
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
