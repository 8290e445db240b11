package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * The split of a parent file that a file was produced from.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "id", "type", "identifier", "startPage", "endPage" })
public class ParentSplit extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String id;
    private String type;
    private String identifier;
    private Integer startPage;
    private Integer endPage;

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
}
