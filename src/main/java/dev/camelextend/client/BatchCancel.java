package dev.camelextend.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelextend.client.ExtendCallFailure.Kind;
import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.RunCancelOutcome;
import dev.camelextend.model.RunCancelOutcome.Outcome;
import dev.camelextend.model.RunPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels every run a listing finds still cancellable - the runs of a batch, or of a workflow - since Extend has no
 * batch-cancel endpoint: it lists the cancellable statuses page by page and cancels each run as it comes, at most
 * {@code concurrency} at a time, each cancel an ordinary call (retried, rate limited in the write category, the
 * listing in the read category). A page is asked for only when fewer runs than {@code concurrency} are left to start,
 * so memory stays at about a page whatever the batch's size. Nothing blocks: every step runs when a call completes.
 * <p>
 * A listing cursor says nothing about runs that change while it is read (a PENDING run may turn PROCESSING after its
 * status was listed), so after a pass that cancelled anything the listing is read again; the job is done when a pass
 * finds nothing left to cancel, or after {@code maxPasses}. That also makes it idempotent: a second run, or a run
 * after a crash, lists only what is still cancellable and cancels that. A run whose cancel failed is tried again in
 * the next pass.
 */
public final class BatchCancel {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCancel.class);

    private final ExtendClient client;
    private final RunKind kind;
    private final RunListQuery filters;
    private final String workspaceId;
    private final int concurrency;
    private final WaitSettings wait;
    private final int maxPasses;
    private final BatchProgressListener listener;
    private final Duration progressInterval;
    private final String target;
    private final long started;
    private final CompletableFuture<CancelBatchSummary> result = new CompletableFuture<>();

    /* Guarded by this. */
    private final Map<String, RunCancelOutcome> outcomes = new LinkedHashMap<>();
    private final Deque<String> toCancel = new ArrayDeque<>();
    private int inFlight;
    private int pass;
    private int actedThisPass;
    private int statusIndex;
    private String pageToken;
    private boolean pageInFlight;
    private boolean listingDone;
    private long listed;
    private Throwable listingFailure;
    private long lastProgress;
    /** Set by the one {@link #finish()} that reports; a pump that runs after it does nothing. */
    private boolean finished;

    /**
     * @param filters          which runs: a batch or workflow (its statuses are replaced by the kind's cancellable ones)
     * @param concurrency      how many cancels may be under way at once
     * @param wait             how to wait for each cancelled run to settle, or null not to wait
     * @param maxPasses        how many listings at most
     * @param listener         told the progress, or null
     * @param progressInterval how often progress is logged and told
     */
    public BatchCancel(ExtendClient client, RunKind kind, RunListQuery filters, String workspaceId, int concurrency,
                       WaitSettings wait, int maxPasses, BatchProgressListener listener, Duration progressInterval) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("batchConcurrency must be 1 or more, got " + concurrency);
        }
        if (maxPasses < 1) {
            throw new IllegalArgumentException("maxPasses must be 1 or more, got " + maxPasses);
        }
        this.client = client;
        this.kind = kind;
        this.filters = new RunListQuery(kind.cancellableStatuses(), filters.workflowId(), filters.batchId(),
                filters.sourceId(), filters.fileNameContains(), filters.sortBy(), filters.sortDir(),
                filters.maxPageSize());
        this.workspaceId = workspaceId;
        this.concurrency = concurrency;
        this.wait = wait;
        this.maxPasses = maxPasses;
        this.listener = listener;
        this.progressInterval = OptionRules.positive(progressInterval, "progressInterval");
        this.target = kind + " runs of " + this.filters.describe();
        this.started = client.time().nanoTime().getAsLong();
        this.lastProgress = started;
    }

    /** Starts the job; the future completes with the summary, or fails with the failure of a listing. */
    public CompletableFuture<CancelBatchSummary> start() {
        LOG.info("cancelBatch of {}: started ({} at a time{})", target, concurrency,
                wait == null ? "" : ", waiting for each run to settle");
        synchronized (this) {
            startPass();
        }
        return result;
    }

    /* -- the listing -- */

    private void startPass() {
        pass++;
        actedThisPass = 0;
        statusIndex = 0;
        pageToken = null;
        listingDone = false;
        fetchPage();
    }

    private void fetchPage() {
        pageInFlight = true;
        RunListQuery one = filters.withOnlyStatus(filters.statuses().get(statusIndex));
        client.listPage(kind, one, pageToken, workspaceId).whenComplete(this::onPage);
    }

    private void onPage(ExtendResponse response, Throwable error) {
        synchronized (this) {
            pageInFlight = false;
            if (error != null) {
                listingFailure = CallFailures.unwrap(error);
                listingDone = true;
                toCancel.clear(); // what is not started is not lost: it is still listed as cancellable next time
            } else {
                RunPage<? extends ExtendRun> page = response.page();
                for (ExtendRun run : page.getData()) {
                    listed++;
                    RunCancelOutcome known = outcomes.get(run.getId());
                    if ((known == null || known.outcome() == Outcome.FAILED) && !toCancel.contains(run.getId())) {
                        toCancel.add(run.getId());
                        actedThisPass++;
                    }
                }
                if (page.hasNextPage()) {
                    pageToken = page.getNextPageToken();
                } else if (statusIndex + 1 < filters.statuses().size()) {
                    statusIndex++;
                    pageToken = null;
                } else {
                    listingDone = true;
                }
            }
        }
        pump();
    }

    /* -- the cancels -- */

    private void pump() {
        List<String> starting = new ArrayList<>();
        boolean end = false;
        synchronized (this) {
            while (inFlight < concurrency && !toCancel.isEmpty()) {
                starting.add(toCancel.poll());
                inFlight++;
            }
            if (toCancel.size() < concurrency && !pageInFlight && !listingDone) {
                fetchPage();
            } else if (inFlight == 0 && toCancel.isEmpty() && listingDone && !pageInFlight) {
                if (listingFailure == null && actedThisPass > 0 && pass < maxPasses) {
                    startPass();
                } else {
                    end = true;
                }
            }
        }
        for (String runId : starting) {
            cancel(runId);
        }
        if (end) {
            finish();
        } else {
            progress(false);
        }
    }

    private void cancel(String runId) {
        CompletableFuture<ExtendResponse> call;
        try {
            RunId id = RunId.of(runId); // checked by the page reader already; a bad ID is this run's failure
            call = wait == null ? client.call(ApiOperation.CANCEL_RUN, kind, id, workspaceId)
                    : client.cancelAndAwait(kind, id, workspaceId, wait);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((response, error) -> {
            RunCancelOutcome outcome;
            try {
                outcome = error == null ? succeeded(runId, response.run()) : failed(runId, CallFailures.unwrap(error));
            } catch (RuntimeException | Error unexpected) {
                outcome = new RunCancelOutcome(runId, Outcome.FAILED, null, unexpected.toString());
            }
            synchronized (this) {
                outcomes.remove(runId); // re-inserted: the list is in the order runs were settled
                outcomes.put(runId, outcome);
                inFlight--;
            }
            pump();
        });
    }

    private RunCancelOutcome succeeded(String runId, ExtendRun run) {
        String status = run.getRawStatus();
        boolean cancelled = wait == null || "CANCELLED".equals(status);
        return new RunCancelOutcome(runId, cancelled ? Outcome.CANCELLED : Outcome.ALREADY_FINISHED, status, null);
    }

    private static RunCancelOutcome failed(String runId, Throwable error) {
        if (error instanceof ExtendCallFailure f) {
            ExtendRun now = f.getCurrentRun();
            String status = now == null ? null : now.getRawStatus();
            if (f.getKind() == Kind.CANCEL_NOT_ALLOWED) {
                // cancelled by someone else (or an earlier run of this job) counts as cancelled: the run is
                boolean cancelled = "CANCELLED".equals(status) || "CANCELLING".equals(status);
                return new RunCancelOutcome(runId, cancelled ? Outcome.CANCELLED : Outcome.ALREADY_FINISHED, status,
                        null);
            }
            if (f.getKind() == Kind.WAIT_TIMEOUT) {
                // the cancel was accepted; only its end was not seen in time
                return new RunCancelOutcome(runId, Outcome.CANCELLED, status, null);
            }
            if (f.getKind() == Kind.HTTP_STATUS && f.getAnswer().statusCode() == 404) {
                return new RunCancelOutcome(runId, Outcome.NOT_FOUND, null, null);
            }
            return new RunCancelOutcome(runId, Outcome.FAILED, status, f.getMessage());
        }
        return new RunCancelOutcome(runId, Outcome.FAILED, null, String.valueOf(error));
    }

    /* -- the reports -- */

    private void progress(boolean force) {
        long now = client.time().nanoTime().getAsLong();
        CancelBatchSummary soFar;
        synchronized (this) {
            if (!force && now - lastProgress < progressInterval.toNanos()) {
                return;
            }
            lastProgress = now;
            soFar = summary(false, false);
        }
        LOG.info("cancelBatch so far: {} ({} in flight)", soFar.describe(), inFlightNow());
        tell(soFar, false);
    }

    private synchronized int inFlightNow() {
        return inFlight;
    }

    private void finish() {
        CancelBatchSummary summary;
        Throwable failure;
        synchronized (this) {
            if (finished) {
                return; // a call that failed at once (the client closed) can reach the end twice
            }
            finished = true;
            failure = listingFailure;
            summary = summary(failure == null && actedThisPass == 0, true);
        }
        if (failure != null) {
            LOG.warn("cancelBatch stopped: a listing failed ({}); so far: {}. Running it again lists what is still"
                     + " cancellable.", failure.getMessage(), summary.describe());
            tell(summary, true);
            result.completeExceptionally(failure);
            return;
        }
        LOG.info("cancelBatch done: {}", summary.describe());
        tell(summary, true);
        result.complete(summary);
    }

    private void tell(CancelBatchSummary summary, boolean finished) {
        if (listener != null) {
            try {
                listener.onProgress(summary, finished);
            } catch (RuntimeException e) {
                LOG.warn("The cancelBatch progress listener threw {}; the job goes on", e.toString());
            }
        }
    }

    /** Under this. */
    private CancelBatchSummary summary(boolean complete, boolean withRuns) {
        long cancelled = 0;
        long finished = 0;
        long notFound = 0;
        long failed = 0;
        for (RunCancelOutcome o : outcomes.values()) {
            switch (o.outcome()) {
                case CANCELLED -> cancelled++;
                case ALREADY_FINISHED -> finished++;
                case NOT_FOUND -> notFound++;
                case FAILED -> failed++;
            }
        }
        return new CancelBatchSummary(target, listed, cancelled, finished, notFound, failed, pass, complete,
                Duration.ofNanos(client.time().nanoTime().getAsLong() - started),
                withRuns ? List.copyOf(outcomes.values()) : List.of());
    }
}
