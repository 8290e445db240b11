package dev.camelextend.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;

/**
 * Summary of a file attached to a run or step run ({@code "object": "file"}).
 * <p>
 * Unknown JSON properties are kept in {@link #getAdditionalProperties()} and written back on serialisation.
 */
@JsonPropertyOrder({ "object", "id", "name", "type", "parentFileId", "metadata", "createdAt", "updatedAt" })
public class FileSummary extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;
    private String name;
    private String type;
    private String parentFileId;
    private FileMetadata metadata;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;

    public FileSummary() {
    }

    /**
     * @return the object type, {@code "file"}
     */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /**
     * @return the file ID, e.g. {@code file_xK9mLPqRtN3vS8wF5hB2cQ}
     */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the file name
     */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * @return the file type as sent: {@code PDF}, {@code CSV}, {@code IMG}, {@code TXT}, {@code DOCX}, {@code EXCEL},
     * {@code XML}, {@code HTML} (open set), or {@code null}
     */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /**
     * @return the parent file ID for files produced by a Splitter, else {@code null}
     */
    public String getParentFileId() {
        return parentFileId;
    }

    public void setParentFileId(String parentFileId) {
        this.parentFileId = parentFileId;
    }

    /**
     * @return file metadata (page count, parent split)
     */
    public FileMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(FileMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * @return when the file was created
     */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /**
     * @return when the file was last updated
     */
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
