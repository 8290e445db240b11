package dev.camelextend.client;

import org.apache.hc.core5.http.Method;

/**
 * The operations the client sends, with what tells them apart on the wire and in the call rules: the method, what a
 * 2xx must be ({@link Answer}), whether a refusal is confirmed with a GET of the run (Extend does not document which
 * status refuses a cancel of a finished run, so a 409, 400 or 422 of a cancel is checked against the run itself), and
 * whether an attempt may be sent again after one that may have reached Extend.
 */
public enum ApiOperation {

    /** {@code POST /workflow_runs/{id}/cancel}. */
    CANCEL_RUN("cancelRun", Method.POST, "/cancel", Answer.RUN, true, true),

    /** {@code GET /workflow_runs/{id}}. */
    GET_RUN("getRun", Method.GET, "", Answer.RUN, false, true),

    /** {@code GET /workflow_runs?...}: one page of a listing; its URL comes from the {@link RunListQuery}. */
    LIST_RUNS("listRuns", Method.GET, null, Answer.RUN_PAGE, false, true),

    /**
     * {@code POST /webhook_endpoints}. Not repeatable: a second endpoint, with a secret of its own, would be created if
     * the first attempt's answer was lost after Extend acted on it.
     */
    CREATE_WEBHOOK_ENDPOINT("createWebhookEndpoint", Method.POST, null, Answer.WEBHOOK_ENDPOINT, false, false),

    /** {@code GET /webhook_endpoints?...}: one page. */
    LIST_WEBHOOK_ENDPOINTS("listWebhookEndpoints", Method.GET, null, Answer.WEBHOOK_ENDPOINT_PAGE, false, true),

    /** {@code DELETE /webhook_endpoints/{id}}. */
    DELETE_WEBHOOK_ENDPOINT("deleteWebhookEndpoint", Method.DELETE, null, Answer.DELETED, false, true),

    /** {@code POST /webhook_subscriptions}: an upsert (one subscription per endpoint and resource), so repeatable. */
    CREATE_WEBHOOK_SUBSCRIPTION("createWebhookSubscription", Method.POST, null, Answer.WEBHOOK_SUBSCRIPTION, false,
            true),

    /** {@code GET /webhook_subscriptions?...}: one page. */
    LIST_WEBHOOK_SUBSCRIPTIONS("listWebhookSubscriptions", Method.GET, null, Answer.WEBHOOK_SUBSCRIPTION_PAGE, false,
            true),

    /** {@code DELETE /webhook_subscriptions/{id}}. */
    DELETE_WEBHOOK_SUBSCRIPTION("deleteWebhookSubscription", Method.DELETE, null, Answer.DELETED, false, true);

    /** What a 2xx body of an operation must be. */
    enum Answer {
        /** The run acted on. */
        RUN(null),
        /** A page of runs of the kind asked for. */
        RUN_PAGE(null),
        WEBHOOK_ENDPOINT("a webhook_endpoint"),
        WEBHOOK_ENDPOINT_PAGE("a list of webhook_endpoint objects"),
        WEBHOOK_SUBSCRIPTION("a webhook_subscription"),
        WEBHOOK_SUBSCRIPTION_PAGE("a list of webhook_subscription objects"),
        /** The deleted object's ID, or an empty body. */
        DELETED("the deleted object's ID");

        private final String expected;

        Answer(String expected) {
            this.expected = expected;
        }

        /** What the body must be, for a message; null for the answers on runs, which name the run kind. */
        String expected() {
            return expected;
        }
    }

    private final String label;
    private final Method method;
    private final String pathSuffix;
    private final Answer answer;
    private final boolean confirmsRefusals;
    private final boolean repeatable;

    ApiOperation(String label, Method method, String pathSuffix, Answer answer, boolean confirmsRefusals,
                 boolean repeatable) {
        this.label = label;
        this.method = method;
        this.pathSuffix = pathSuffix;
        this.answer = answer;
        this.confirmsRefusals = confirmsRefusals;
        this.repeatable = repeatable;
    }

    /** The name users know it by, as in {@code extend:cancelRun}. */
    public String label() {
        return label;
    }

    Method method() {
        return method;
    }

    Answer answer() {
        return answer;
    }

    /** Whether this operation acts on runs (and its calls name a run kind), rather than on webhook objects. */
    boolean isOnRuns() {
        return answer == Answer.RUN || answer == Answer.RUN_PAGE;
    }

    /**
     * Whether an attempt may follow one that may have reached Extend (a lost answer, a 5xx): true when asking again
     * cannot do the work twice. A 429, which Extend sends before doing anything, is retried either way.
     */
    boolean isRepeatable() {
        return repeatable;
    }

    /** The URL of this operation on a run of {@code kind}; only for the operations on one run. */
    String url(String baseUrl, RunKind kind, RunId runId) {
        if (pathSuffix == null) {
            throw new IllegalStateException(label + " acts on no single run");
        }
        return baseUrl + "/" + kind.collection() + "/" + runId.value() + pathSuffix;
    }

    /** Whether an answer with this status may be a refusal that a GET of the run must confirm or dismiss. */
    boolean isPossibleRefusal(int status) {
        return confirmsRefusals && (status == 409 || status == 400 || status == 422);
    }

    @Override
    public String toString() {
        return label;
    }
}
