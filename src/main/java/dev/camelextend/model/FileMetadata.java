package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * Metadata of a file.
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "pageCount", "parentSplit" })
public class FileMetadata extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private Integer pageCount;
    private ParentSplit parentSplit;

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
}
