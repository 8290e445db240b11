package dev.camelextend.model;

import java.io.Serializable;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page of a run listing, {@code GET /workflow_runs} (or {@code /extract_runs}, ...): Extend's
 * {@code {"object":"list","data":[...],"nextPageToken":"..."}}. The items of a workflow-run listing are Extend's
 * {@code WorkflowRunSummary}, mapped to {@link WorkflowRun}: what a summary leaves out ({@code metadata},
 * {@code stepRuns}, {@code failureReason}, {@code failureMessage}) is null there.
 *
 * @param <R> the run type, {@link WorkflowRun} or {@link ProcessorRun}
 */
@JsonPropertyOrder({ "object", "data", "nextPageToken" })
public class RunPage<R extends ExtendRun> implements Serializable {

    private static final long serialVersionUID = 1L;

    private String object;
    private List<R> data;
    private String nextPageToken;

    public RunPage() {
    }

    /** @return {@code "list"} */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /** @return the runs of this page, in the order Extend listed them */
    public List<R> getData() {
        return data;
    }

    public void setData(List<R> data) {
        this.data = data;
    }

    /** @return the token that asks for the next page, or null on the last page */
    public String getNextPageToken() {
        return nextPageToken;
    }

    public void setNextPageToken(String nextPageToken) {
        this.nextPageToken = nextPageToken;
    }

    /** @return whether a next page exists */
    @JsonIgnore
    public boolean hasNextPage() {
        return nextPageToken != null && !nextPageToken.isEmpty();
    }
}
