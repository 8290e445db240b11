package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * One charge within a {@link UsageBreakdownEntry}.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "product", "unit", "quantity", "credits", "pages" })
public class UsageCharge extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String product;
    private String unit;
    private BigDecimal quantity;
    private BigDecimal credits;
    private List<Integer> pages;

    public UsageCharge() {
    }

    /**
     * @return the product charged
     */
    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    /**
     * @return the unit of the quantity
     */
    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    /**
     * @return the quantity charged
     */
    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    /**
     * @return the credits charged
     */
    public BigDecimal getCredits() {
        return credits;
    }

    public void setCredits(BigDecimal credits) {
        this.credits = credits;
    }

    /**
     * @return the pages charged, may be {@code null}
     */
    public List<Integer> getPages() {
        return pages;
    }

    public void setPages(List<Integer> pages) {
        this.pages = pages;
    }
}
