package dev.camelextend.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camelextend.model.CancelBatchSummary;
import dev.camelextend.model.RunCancelOutcome;
import dev.camelextend.model.RunCancelOutcome.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling a batch, in virtual time against the in-memory Extend: every outcome counted once, the concurrency
 * bound, the passes that catch runs the cursor missed, and a crash (a listing that fails) after which running the job
 * again finishes it and a third run does nothing.
 */
class BatchRulesTest {

    final VirtualExtend extend = new VirtualExtend();
    final ExtendClient client = extend.client();

    private CompletableFuture<CancelBatchSummary> cancelBatch(String batchId, int concurrency, WaitSettings wait) {
        RunListQuery filters = new RunListQuery(null, null, batchId, null, null, null, null, 10);
        return new BatchCancel(client, RunKind.WORKFLOW, filters, null, concurrency, wait, 3, null,
                Duration.ofSeconds(5)).start();
    }

    private CancelBatchSummary run(CompletableFuture<CancelBatchSummary> job) {
        extend.scheduler.advance(Duration.ofMinutes(10));
        assertTrue(job.isDone(), "the job ended");
        return job.join();
    }

    private static Map<String, Outcome> outcomes(CancelBatchSummary summary) {
        return summary.runs().stream().collect(Collectors.toMap(RunCancelOutcome::runId, RunCancelOutcome::outcome));
    }

    @Test
    void everyCancellableRunOfTheBatchIsCancelledAndNoOtherRun() {
        extend.latency = Duration.ofMillis(40);
        List<String> pending = extend.add(RunKind.WORKFLOW, "batch_1", "PENDING", 23);
        List<String> processing = extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSING", 17);
        List<String> done = extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSED", 4);
        List<String> other = extend.add(RunKind.WORKFLOW, "batch_2", "PROCESSING", 6);

        CancelBatchSummary summary = run(cancelBatch("batch_1", 4, null));

        assertEquals(40, summary.cancelled());
        assertEquals(0, summary.failed() + summary.notFound() + summary.alreadyFinished());
        assertTrue(summary.complete());
        assertEquals(2, summary.passes(), "the second pass found nothing left");
        for (String id : pending) {
            assertEquals("CANCELLING", extend.status.get(id));
        }
        processing.forEach(id -> assertEquals("CANCELLING", extend.status.get(id)));
        done.forEach(id -> assertEquals("PROCESSED", extend.status.get(id)));
        other.forEach(id -> assertEquals("PROCESSING", extend.status.get(id), "another batch is not touched"));
        assertTrue(extend.maxInFlight <= 4 + 1, "at most 4 cancels and one page at once: " + extend.maxInFlight);
        assertTrue(extend.maxInFlight >= 4, "the concurrency is used: " + extend.maxInFlight);
        assertEquals(40, extend.sent.stream().filter(s -> s.startsWith("POST")).count(), "each run cancelled once");
    }

    @Test
    void eachOutcomeIsCountedOnceByItsLastOutcome() {
        extend.latency = Duration.ofMillis(10);
        List<String> ids = extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSING", 5);
        // not found: deleted after the listing
        extend.failNext(ids.get(2) + "/cancel", VirtualExtend.answer(404, "{\"code\":\"NOT_FOUND\"}"));
        // fails in the first pass, cancelled in the second
        extend.failNext(ids.get(3) + "/cancel", VirtualExtend.answer(500, "{\"code\":\"INTERNAL_ERROR\"}"));

        CompletableFuture<CancelBatchSummary> job = cancelBatch("batch_1", 2, null);
        extend.scheduler.advance(Duration.ofMillis(20)); // both pages are in (PENDING: none), two cancels on their way
        extend.status.put(ids.get(1), "PROCESSED"); // it finishes first: Extend refuses, the confirming GET sees it
        CancelBatchSummary summary = run(job);

        Map<String, Outcome> o = outcomes(summary);
        assertEquals(Outcome.CANCELLED, o.get(ids.get(0)));
        assertEquals(Outcome.ALREADY_FINISHED, o.get(ids.get(1)));
        assertEquals(Outcome.NOT_FOUND, o.get(ids.get(2)));
        assertEquals(Outcome.CANCELLED, o.get(ids.get(3)), "retried in the next pass");
        assertEquals(Outcome.CANCELLED, o.get(ids.get(4)));
        assertEquals(3, summary.cancelled());
        assertEquals(1, summary.alreadyFinished());
        assertEquals(1, summary.notFound());
        assertEquals(0, summary.failed());
        assertEquals(5, summary.runs().size(), "one outcome per run");
    }

    @Test
    void aCrashInTheMiddleLosesNothingRunningItAgainFinishesItAndOnceMoreDoesNothing() {
        extend.latency = Duration.ofMillis(20);
        List<String> ids = extend.add(RunKind.WORKFLOW, "batch_9", "PROCESSING", 35);
        extend.failNext("nextPageToken", VirtualExtend.answer(401, "{\"code\":\"UNAUTHORIZED\"}"));

        CompletableFuture<CancelBatchSummary> crashed = cancelBatch("batch_9", 3, null);
        extend.scheduler.advance(Duration.ofMinutes(1));
        assertTrue(crashed.isCompletedExceptionally(), "the failed listing ends the job");
        try {
            crashed.join();
        } catch (CompletionException e) {
            assertEquals(401, assertInstanceOf(ExtendCallFailure.class, e.getCause()).getAnswer().statusCode());
        }
        long cancelledBefore = ids.stream().filter(id -> "CANCELLING".equals(extend.status.get(id))).count();
        assertTrue(cancelledBefore > 0 && cancelledBefore < 35, "stopped part way: " + cancelledBefore);

        CancelBatchSummary again = run(cancelBatch("batch_9", 3, null));
        assertEquals(35 - cancelledBefore, again.cancelled(), "only what was left");
        assertTrue(again.complete());
        ids.forEach(id -> assertEquals("CANCELLING", extend.status.get(id)));

        int sent = extend.sent.size();
        CancelBatchSummary third = run(cancelBatch("batch_9", 3, null));
        assertEquals(0, third.cancelled() + third.failed() + third.listed());
        assertEquals(1, third.passes());
        assertEquals(sent + 2, extend.sent.size(), "two empty listings (PENDING, PROCESSING) and no cancel");
    }

    @Test
    void withAWaitTheRunsThatFinishedFirstAreCountedAsAlreadyFinished() {
        List<String> ids = extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSING", 4);
        extend.losesRaceTo.put(ids.get(2), "PROCESSED");
        WaitSettings wait = new WaitSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5), 3);

        CompletableFuture<CancelBatchSummary> job = cancelBatch("batch_1", 8, wait);
        extend.scheduler.advance(Duration.ZERO);
        extend.settleCancels();
        CancelBatchSummary summary = run(job);

        assertEquals(3, summary.cancelled());
        assertEquals(1, summary.alreadyFinished());
        RunCancelOutcome lost = summary.runs().stream().filter(r -> r.runId().equals(ids.get(2))).findFirst()
                .orElseThrow();
        assertEquals("PROCESSED", lost.status());
    }

    @Test
    void processorRunsOfABatchAreCancelledOnlyWhileProcessing() {
        List<String> processing = extend.add(RunKind.EXTRACT, "bpr_1", "PROCESSING", 3);
        List<String> pending = extend.add(RunKind.EXTRACT, "bpr_1", "PENDING", 2);
        RunListQuery filters = new RunListQuery(null, null, "bpr_1", null, null, null, null, null);
        CompletableFuture<CancelBatchSummary> job = new BatchCancel(client, RunKind.EXTRACT, filters, null, 2, null,
                3, null, Duration.ofSeconds(5)).start();
        CancelBatchSummary summary = run(job);

        assertEquals(3, summary.cancelled());
        processing.forEach(id -> assertEquals("CANCELLED", extend.status.get(id)));
        pending.forEach(id -> assertEquals("PENDING", extend.status.get(id), "PENDING processor runs are not listed"));
        assertFalse(extend.sent.stream().anyMatch(s -> s.contains("status=PENDING")));
    }

    @Test
    void theListenerIsToldTheEndAndAThrowingListenerDoesNotStopTheJob() {
        extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSING", 3);
        CancelBatchSummary[] last = new CancelBatchSummary[1];
        BatchProgressListener listener = (soFar, finished) -> {
            if (finished) {
                last[0] = soFar;
            }
            throw new IllegalStateException("a listener bug");
        };
        RunListQuery filters = new RunListQuery(null, null, "batch_1", null, null, null, null, null);
        CancelBatchSummary summary = run(new BatchCancel(client, RunKind.WORKFLOW, filters, null, 2, null, 3,
                listener, Duration.ofMillis(1)).start());
        assertEquals(3, summary.cancelled());
        assertEquals(summary, last[0]);
        assertEquals(Function.identity().apply(3), summary.runs().size());
    }

    @Test
    void progressIsToldAtEachIntervalOfTheClientsClockAndOnceAtTheEnd() {
        extend.latency = Duration.ofMillis(100);
        extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSING", 30);
        List<Long> cancelledAt = new java.util.ArrayList<>();
        int[] ends = new int[1];
        BatchProgressListener listener = (soFar, finished) -> {
            if (finished) {
                ends[0]++;
            } else {
                cancelledAt.add(soFar.cancelled());
                assertTrue(soFar.runs().isEmpty(), "no per-run list before the end");
            }
        };
        RunListQuery filters = new RunListQuery(null, null, "batch_1", null, null, null, null, null);
        CancelBatchSummary summary = run(new BatchCancel(client, RunKind.WORKFLOW, filters, null, 1, null, 3,
                listener, Duration.ofSeconds(1)).start());

        assertEquals(30, summary.cancelled());
        assertEquals(1, ends[0]);
        assertTrue(cancelledAt.size() >= 2 && cancelledAt.size() <= 4, "about one report a second: " + cancelledAt);
        for (int i = 1; i < cancelledAt.size(); i++) {
            assertTrue(cancelledAt.get(i) > cancelledAt.get(i - 1), "the counts grow: " + cancelledAt);
        }
    }
}
