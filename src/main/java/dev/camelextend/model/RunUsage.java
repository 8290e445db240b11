package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * Credit usage of a run. {@code null} on runs created before 2025-10-07 or for legacy billing.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "credits", "totalCredits", "breakdown" })
public class RunUsage extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private BigDecimal credits;
    private BigDecimal totalCredits;
    private List<UsageBreakdownEntry> breakdown;

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
}
