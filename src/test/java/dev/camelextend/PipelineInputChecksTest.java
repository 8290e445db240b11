package dev.camelextend;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.camelextend.support.ExtendTestKit;
import dev.camelextend.support.FakeExtendServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options and headers of waits, listings and batch cancels are checked before anything is sent: a bad option
 * fails the route at start naming it; a bad header, or a batch cancel with nothing to scope it, fails the message with
 * {@link ExtendInvalidRequestException} and sends nothing.
 */
class PipelineInputChecksTest {

    @RegisterExtension
    static final FakeExtendServer FAKE = new FakeExtendServer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "getRun?runKind=workflowz | runKind",
            "awaitRun?waitTimeout=0 | waitTimeout",
            "awaitRun?pollInterval=5s&maxPollInterval=1s | maxPollInterval",
            "awaitRun?maxFailedPolls=-1 | maxFailedPolls",
            "listRuns?pageSize=0 | pageSize",
            "listRuns?pageSize=1001 | pageSize",
            "listRuns?sortBy=id | sortBy",
            "listRuns?sortDir=up | sortDir",
            "listRuns?status=processing-ish | status",
            "listRuns?batchId=batch%2F..%2Fx | batchId",
            "cancelBatch?batchConcurrency=0 | batchConcurrency",
            "cancelBatch?maxPasses=0 | maxPasses",
            "cancelBatch?progressInterval=0 | progressInterval",
    })
    void aBadOptionFailsTheRouteAtStartNamingIt(String endpoint, String option) {
        CamelContext context = new DefaultCamelContext();
        try {
            ExtendTestKit.route(context, "direct:start", "extend:" + endpoint + "&apiKey=sk_checks&baseUrl="
                                                         + FAKE.baseUrl());
            Exception e = assertThrows(Exception.class, context::start, endpoint);
            String message = ExtendTestKit.rootCause(e).getMessage();
            assertTrue(message.contains(option), message);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            context.stop();
        }
        assertEquals(0, FAKE.requestCount());
    }

    private Exchange send(String endpoint, Object body, Map<String, Object> headers) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            String from = ExtendTestKit.route(context, "extend:" + endpoint + (endpoint.contains("?") ? "&" : "?")
                                                       + "apiKey=sk_checks&baseUrl=" + FAKE.baseUrl());
            return context.createProducerTemplate().send(from, x -> {
                x.getIn().setBody(body);
                x.getIn().setHeaders(headers);
            });
        } finally {
            context.stop();
        }
    }

    @Test
    void aBatchCancelWithNoBatchWorkflowOrSourceCancelsNothing() throws Exception {
        Exchange out = send("cancelBatch", null, Map.of());
        ExtendInvalidRequestException e = ExtendTestKit.failure(out, ExtendInvalidRequestException.class);
        assertTrue(e.getMessage().contains("cancelBatch needs a batch, a workflow or a source"), e.getMessage());
        assertEquals(0, FAKE.requestCount());
    }

    @Test
    void aBodyThatIsNoBatchIdFailsTyped() throws Exception {
        for (Object body : new Object[] { "batch/../../workflows", "batch one".getBytes(StandardCharsets.UTF_8) }) {
            Exchange out = send("cancelBatch", body, Map.of());
            ExtendInvalidRequestException e = ExtendTestKit.failure(out, ExtendInvalidRequestException.class);
            assertTrue(e.getMessage().startsWith("The body is not a batch ID: "), e.getMessage());
        }
        assertEquals(0, FAKE.requestCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "listRuns | CamelExtendBatchId | batch one | batchId",
            "listRuns | CamelExtendWorkflowId | ../workflows | workflowId",
            "listRuns | CamelExtendListStatus | ' , ' | names no status",
            "listRuns | CamelExtendRunKind | workflows | CamelExtendRunKind",
            "listRuns?singlePage=true | CamelExtendListStatus | PENDING,PROCESSING | at most one status",
            "listRuns?singlePage=true | CamelExtendPageToken | 'a token' | not a page token",
            "cancelBatch | CamelExtendBatchId | 'batch\r\nX: 1' | batchId",
            "getRun | CamelExtendRunKind | pdf | CamelExtendRunKind",
            "listRuns | CamelExtendSortBy | name | sortBy",
            "listRuns | CamelExtendSortDir | up | sortDir",
            "listRuns | CamelExtendPageSize | 5000 | maxPageSize",
            "listRuns | CamelExtendPageSize | many | Invalid listing filter",
            "listRuns | CamelExtendFileNameContains | 'ab' | fileNameContains",
    })
    void aHeaderThatCannotBeSentFailsTheMessageTyped(String endpoint, String header, String value, String says)
            throws Exception {
        Exchange out = send(endpoint, "workflow_run_xKm9pNv3qWsY_jL2tR5Dh", Map.of(header, value));
        ExtendInvalidRequestException e = ExtendTestKit.failure(out, ExtendInvalidRequestException.class);
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertEquals(0, FAKE.requestCount());
    }
}
