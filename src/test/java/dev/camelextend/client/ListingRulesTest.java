package dev.camelextend.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelextend.client.ExtendCallFailure.Kind;
import dev.camelextend.model.ExtendRun;
import dev.camelextend.model.ProcessorRun;
import dev.camelextend.model.WorkflowRun;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listing runs: the query each page sends, the page reader's checks on what comes back, and the walk across pages
 * and statuses. The walk blocks on its page futures, so these tests answer at once (no latency) on the test thread.
 */
class ListingRulesTest {

    final VirtualExtend extend = new VirtualExtend();
    final ExtendClient client = extend.client();

    private static RunListQuery batch(String batchId, Integer pageSize, String... statuses) {
        return new RunListQuery(List.of(statuses), null, batchId, null, null, null, null, pageSize);
    }

    private ExtendResponse first(RunKind kind, RunListQuery query) {
        CompletableFuture<ExtendResponse> page = RunListing.firstPage(client, kind, query, null);
        extend.scheduler.advance(Duration.ZERO);
        return page.join();
    }

    /** A walk whose page requests are answered as the walk asks: the scheduler runs while the walk waits. */
    private List<String> walk(RunKind kind, RunListQuery query) {
        RunListing listing = new RunListing(client, kind, query, null, first(kind, query), RuntimeException::new);
        List<String> ids = new ArrayList<>();
        Iterator<ExtendRun> it = listing.iterator();
        while (true) {
            extend.scheduler.advance(Duration.ZERO); // answers the prefetched page
            if (!it.hasNext()) {
                return ids;
            }
            ids.add(it.next().getId());
        }
    }

    @Test
    void theQueryCarriesEveryFilterEncodedAndNothingElse() {
        RunListQuery query = new RunListQuery(List.of("PROCESSING"), "workflow_BMdfq", "batch_7Ws31-F5",
                null, "invoice 2026&co", "createdAt", "asc", 500);
        assertEquals(VirtualExtend.BASE + "/workflow_runs?status=PROCESSING&workflowId=workflow_BMdfq"
                     + "&batchId=batch_7Ws31-F5&fileNameContains=invoice%202026%26co&sortBy=createdAt&sortDir=asc"
                     + "&maxPageSize=500&nextPageToken=a%2Bb%3D", query.url(VirtualExtend.BASE, RunKind.WORKFLOW,
                "a+b="));
        assertEquals(VirtualExtend.BASE + "/extract_runs?sourceId=workflow_run_1",
                new RunListQuery(null, null, null, "workflow_run_1", null, null, null, null)
                        .url(VirtualExtend.BASE, RunKind.EXTRACT, null));
    }

    @Test
    void filtersExtendWouldRefuseOrThatCouldLeaveTheirParameterAreRefusedNamingTheFilter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch("batch/../x", null)).getMessage()
                .contains("batchId"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch("b", 1001)).getMessage()
                .contains("maxPageSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch("b", null, "processing")).getMessage()
                .contains("status"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new RunListQuery(null, null, null, null, "a\r\nb", null, null, null)).getMessage()
                .contains("fileNameContains"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new RunListQuery(null, null, null, null, null, "id", null, null)).getMessage()
                .contains("sortBy"));
    }

    @Test
    void aWalkReadsEveryPageOfEveryStatusInTurnAndHoldsAtMostTwoPages() {
        List<String> pending = extend.add(RunKind.WORKFLOW, "batch_1", "PENDING", 25);
        List<String> processing = extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSING", 12);
        extend.add(RunKind.WORKFLOW, "batch_1", "PROCESSED", 5);
        extend.add(RunKind.WORKFLOW, "batch_2", "PENDING", 5);

        List<String> ids = walk(RunKind.WORKFLOW, batch("batch_1", 10, "PENDING", "PROCESSING"));

        List<String> expected = new ArrayList<>(pending);
        expected.addAll(processing);
        assertEquals(expected, ids);
        assertEquals(3 + 2, extend.sent.size(), "three pages of PENDING, two of PROCESSING");
        assertTrue(extend.sent.get(1).contains("nextPageToken="), extend.sent.get(1));
        assertTrue(extend.sent.get(3).contains("status=PROCESSING") && !extend.sent.get(3).contains("nextPageToken"),
                "the next status starts at its first page: " + extend.sent.get(3));
    }

    @Test
    void processorRunsAreListedUnderTheirKindAsProcessorRuns() {
        extend.add(RunKind.CLASSIFY, "bpr_1", "PROCESSING", 3);
        ExtendResponse page = first(RunKind.CLASSIFY, batch("bpr_1", null));
        assertEquals(3, page.page().getData().size());
        assertInstanceOf(ProcessorRun.class, page.page().getData().get(0));
        assertTrue(extend.sent.get(0).startsWith("GET " + VirtualExtend.BASE + "/classify_runs?"));
    }

    @Test
    void aPageThatFailsEndsTheWalkWithTheTranslatedFailure() {
        extend.add(RunKind.WORKFLOW, "batch_1", "PENDING", 15);
        RunListQuery query = batch("batch_1", 10, "PENDING");
        RunListing listing = new RunListing(client, RunKind.WORKFLOW, query, null, first(RunKind.WORKFLOW, query),
                failure -> new IllegalStateException("translated", failure));
        extend.failNext("nextPageToken", VirtualExtend.answer(401, "{\"code\":\"UNAUTHORIZED\"}"));
        Iterator<ExtendRun> it = listing.iterator();
        extend.scheduler.advance(Duration.ZERO);
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        assertTrue(it.hasNext(), "a failed page is reported by next(), so a look-ahead loses no run");
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertEquals("translated", e.getMessage());
        assertEquals(401, assertInstanceOf(ExtendCallFailure.class, e.getCause()).getAnswer().statusCode());
        assertFalse(it.hasNext(), "the walk ends after the failure");
        assertThrows(IllegalStateException.class, listing::iterator, "a listing is walked once");
    }

    @Test
    void aPageThatIsNotAListOfTheKindAskedForIsAnInvalidResponse() {
        String[] wrong = {
                "{\"object\":\"run\",\"data\":[]}",
                "{\"object\":\"list\"}",
                "{\"object\":\"list\",\"data\":[null]}",
                "{\"object\":\"list\",\"data\":[{\"object\":\"extract_run\",\"id\":\"exr_1\",\"status\":\"PENDING\"}]}",
                "{\"object\":\"list\",\"data\":[{\"object\":\"workflow_run\",\"id\":\"../../x\",\"status\":\"PENDING\"}]}",
                "{\"object\":\"list\",\"data\":[],\"nextPageToken\":\"" + "x".repeat(3000) + "\"}",
                "{\"object\":\"list\",\"data\":[],\"nextPageToken\":\"a b\"}",
                "{\"object\":\"list\",\"data\":[]} trailing",
                "[]",
        };
        for (String body : wrong) {
            extend.failNext("workflow_runs", VirtualExtend.answer(200, body));
            CompletableFuture<ExtendResponse> page = client.listPage(RunKind.WORKFLOW, batch("b", null), null, null);
            extend.scheduler.advance(Duration.ZERO);
            try {
                page.join();
                throw new AssertionError("accepted: " + body);
            } catch (CompletionException e) {
                ExtendCallFailure f = assertInstanceOf(ExtendCallFailure.class, e.getCause());
                assertEquals(Kind.INVALID_RESPONSE, f.getKind(), body);
                assertTrue(f.getMessage().startsWith("Extend listRuns of workflow runs failed after 1 attempt"),
                        f.getMessage());
            }
        }
        assertEquals(wrong.length, extend.sent.size(), "none retried");
    }

    @Test
    void aSummaryItemMapsToAWorkflowRunWithWhatASummaryLeavesOutNull() {
        extend.add(RunKind.WORKFLOW, "b", "PENDING", 1);
        WorkflowRun run = (WorkflowRun) first(RunKind.WORKFLOW, batch("b", null)).page().getData().get(0);
        assertEquals("PENDING", run.getRawStatus());
        assertEquals(null, run.getStepRuns());
    }
}
