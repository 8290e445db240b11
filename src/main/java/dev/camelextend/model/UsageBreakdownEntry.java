package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * One child run in a {@link RunUsage} breakdown.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "credits", "charges" })
public class UsageBreakdownEntry extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private BigDecimal credits;
    private List<UsageCharge> charges;

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
}
