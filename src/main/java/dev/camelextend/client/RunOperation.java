package dev.camelextend.client;

import org.apache.hc.core5.http.Method;

/**
 * The operations on runs, with what tells them apart on the wire and in the call rules: the method and
 * path, and whether a refusal is confirmed with a GET of the run (Extend does not document which status refuses a
 * cancel of a finished run, so a 409, 400 or 422 of a cancel is checked against the run itself).
 */
public enum RunOperation {

    /** {@code POST /workflow_runs/{id}/cancel}. */
    CANCEL_RUN("cancelRun", Method.POST, "/cancel", true),

    /** {@code GET /workflow_runs/{id}}. */
    GET_RUN("getRun", Method.GET, "", false),

    /** {@code GET /workflow_runs?...}: one page of a listing; its URL comes from the {@link RunListQuery}. */
    LIST_RUNS("listRuns", Method.GET, null, false);

    private final String label;
    private final Method method;
    private final String pathSuffix;
    private final boolean confirmsRefusals;

    RunOperation(String label, Method method, String pathSuffix, boolean confirmsRefusals) {
        this.label = label;
        this.method = method;
        this.pathSuffix = pathSuffix;
        this.confirmsRefusals = confirmsRefusals;
    }

    /** The name users know it by, as in {@code extend:cancelRun}. */
    public String label() {
        return label;
    }

    Method method() {
        return method;
    }

    /** The URL of this operation on a run of {@code kind}; not for {@link #LIST_RUNS}. */
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
