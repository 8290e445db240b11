package dev.camelextend.model;

/**
 * What Extend's webhook objects - endpoints and subscriptions - have in common: their {@code object} type and their
 * ID, the two things an answer is checked by before its ID is sent back in the path of a delete.
 */
public abstract class WebhookObject extends ExtendObject {

    private static final long serialVersionUID = 1L;

    private String object;
    private String id;

    /** @return {@code "webhook_endpoint"} or {@code "webhook_subscription"} */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    /** @return the object's ID, for example {@code wh_...} or {@code whes_...} */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
