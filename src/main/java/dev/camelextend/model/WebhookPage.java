package dev.camelextend.model;

import java.io.Serializable;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page of {@code GET /webhook_endpoints} or {@code GET /webhook_subscriptions}: Extend's
 * {@code {"object":"list","data":[...],"nextPageToken":"..."}}.
 *
 * @param <T> {@link WebhookEndpoint} or {@link WebhookSubscription}
 */
@JsonPropertyOrder({ "object", "data", "nextPageToken" })
public class WebhookPage<T extends WebhookObject> implements Serializable {

    private static final long serialVersionUID = 1L;

    private String object;
    private List<T> data;
    private String nextPageToken;

    public WebhookPage() {
    }

    /** @return {@code "list"} */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /** @return the items of this page, in the order Extend listed them */
    public List<T> getData() {
        return data;
    }

    public void setData(List<T> data) {
        this.data = data;
    }

    /** @return the token of the next page; null on the last page */
    public String getNextPageToken() {
        return nextPageToken;
    }

    public void setNextPageToken(String nextPageToken) {
        this.nextPageToken = nextPageToken;
    }

    public boolean hasNextPage() {
        return nextPageToken != null && !nextPageToken.isEmpty();
    }
}
