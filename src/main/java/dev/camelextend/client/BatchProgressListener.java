package dev.camelextend.client;

import dev.camelextend.model.CancelBatchSummary;

/**
 * Told how a {@code cancelBatch} is getting on: at each progress interval, and once at the end. Called on one of the
 * component's threads, one call at a time per batch; it must return quickly and not block (print a line, set a gauge).
 */
@FunctionalInterface
public interface BatchProgressListener {

    /** @param soFar the summary so far; its {@code runs} list is empty until the end, to keep the calls cheap */
    void onProgress(CancelBatchSummary soFar, boolean finished);
}
