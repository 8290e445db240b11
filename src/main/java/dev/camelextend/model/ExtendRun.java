package dev.camelextend.model;

/**
 * What every kind of Extend run has in common - a workflow run or a processor run (extract, classify, split, parse) -
 * as far as cancelling and waiting need it: its object type, its ID and its status text. The kind-specific rules on
 * those statuses (which are settled, which can be cancelled) belong to the client's {@code RunKind}.
 */
public interface ExtendRun {

    /** @return the object type, e.g. {@code "workflow_run"} or {@code "extract_run"} */
    String getObject();

    /** @return the run ID, e.g. {@code workflow_run_...} or {@code exr_...} */
    String getId();

    /** @return the status as Extend sent it, also for a status this version does not know; may be null */
    String getRawStatus();
}
