package dev.camelextend;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelextend.model.ExtendJson;
import dev.camelextend.model.StepRunStatus;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 2xx answer whose body is not a WorkflowRun is reported as exactly that - a plain {@link ExtendException} quoting
 * the body - and not retried; unknown JSON is tolerated and kept; oversized bodies are cut off, not buffered.
 */
class GarbageResponseTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final ObjectMapper MAPPER = ExtendJson.newObjectMapper();
    static final String KEY = "sk_test_garbage_key";
    static final String RUN = "workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // retries on with tiny delays: a garbage 2xx must still be sent exactly once
                String common = "apiKey=" + KEY + "&maxRetries=3&retryInitialDelay=10&retryMaxDelay=20";
                from("direct:cancel").to("extend:cancelRun?baseUrl=" + FAKE.baseUrl() + "&" + common);
                from("direct:get").to("extend:getRun?baseUrl=" + FAKE.baseUrl() + "&" + common);
                from("direct:small").to("extend:getRun?baseUrl=" + FAKE.baseUrl() + "&" + common
                                        + "&maxResponseSize=1024");
                from("direct:endless").to("extend:getRun?baseUrl=" + FAKE.baseUrl() + "&" + common
                                          + "&maxResponseSize=1024&requestTimeout=5s");
            }
        };
    }

    static Stream<Arguments> garbage() {
        String longHtml = "<!DOCTYPE html><html><head><title>Captive portal</title></head><body>"
                          + "Please log in ".repeat(400) + "</body></html>";
        return Stream.of(
                Arguments.of("invalid JSON", "application/json", "{\"id\": \"" + RUN + "\", \"status\": ", "{\"id\": \""),
                Arguments.of("not JSON at all", "application/json", "OK cancelled", "OK cancelled"),
                Arguments.of("empty", "application/json", "", "(empty)"),
                Arguments.of("JSON array", "application/json", "[{\"id\":\"" + RUN + "\"}]", "[{\"id\":"),
                Arguments.of("empty array", "application/json", "[]", "'[]'"),
                Arguments.of("empty object (no id)", "application/json", "{}", "'{}'"),
                Arguments.of("object without id", "application/json", "{\"object\":\"workflow_run\",\"status\":\"CANCELLED\"}",
                        "{\"object\":\"workflow_run\""),
                Arguments.of("id of wrong type", "application/json", "{\"id\":{\"nested\":true}}", "{\"id\":{\"nested\""),
                Arguments.of("JSON null", "application/json", "null", "'null'"),
                Arguments.of("JSON string", "application/json", "\"" + RUN + "\"", "\"" + RUN),
                Arguments.of("JSON number", "application/json", "42", "'42'"),
                Arguments.of("HTML", "text/html", "<html><body><h1>Bad Gateway</h1></body></html>", "<html><body><h1>Bad Gateway"),
                Arguments.of("long HTML", "text/html", longHtml, "<!DOCTYPE html><html><head><title>Captive portal"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("garbage")
    void garbage2xxOnCancelIsATypedInvalidResponseAndNotRetried(String name, String contentType, String body,
                                                                String quotedStart) {
        FAKE.otherwise(r -> new Reply(200, body, Map.of("Content-Type", contentType), 0, Reply.Mode.ANSWER));

        Exchange out = template.request("direct:cancel", e -> e.getIn().setBody(RUN));

        ExtendException e = assertInvalidResponse(out, quotedStart);
        assertTrue(e.getMessage().length() < 1000, "the quote is bounded: " + e.getMessage().length());
        assertEquals("POST", FAKE.requests().get(0).method());
    }

    @Test
    void garbage2xxOnGetIsATypedInvalidResponse() {
        FAKE.otherwise(r -> Reply.json(200, "[1,2,3]"));

        Exchange out = template.request("direct:get", e -> e.getIn().setBody(RUN));

        assertInvalidResponse(out, "[1,2,3]");
        assertEquals("GET", FAKE.requests().get(0).method());
    }

    /**
     * Jackson's message quotes the body (a reflected key included) and Camel's error handler logs causes: the parse
     * error is named with its location in the message, and not kept as the cause.
     */
    @Test
    void garbage2xxNamesTheParseErrorWithoutKeepingIt() {
        FAKE.otherwise(r -> Reply.json(200, "{not json"));

        Exchange out = template.request("direct:get", e -> e.getIn().setBody(RUN));

        ExtendException e = assertInvalidResponse(out, "{not json");
        assertNull(e.getCause(), "the parse error is not kept");
        assertTrue(e.getMessage().contains("(JsonParseException at line 1, column 2)"), e.getMessage());
    }

    private static ExtendException assertInvalidResponse(Exchange out, String quotedStart) {
        Exception ex = out.getException();
        assertNotNull(ex, () -> "expected a failure, got body " + out.getMessage().getBody());
        assertEquals(ExtendException.class, ex.getClass(),
                "a malformed 2xx is a plain ExtendException, not a network/timeout/API error: " + ex);
        ExtendException e = (ExtendException) ex;
        assertTrue(e.getMessage().contains("not a WorkflowRun"), e.getMessage());
        assertTrue(e.getMessage().contains("200"), "names the HTTP status: " + e.getMessage());
        assertTrue(e.getMessage().contains(quotedStart), "quotes the start of the body (" + quotedStart + "): "
                                                         + e.getMessage());
        assertEquals(RUN, e.getRunId());
        assertEquals(1, FAKE.requestCount(), "a malformed 2xx is not retried");
        return e;
    }

    // ---- tolerated: unknown fields and statuses ----

    @Test
    void unknownFieldsAreKeptAtTopLevelAndNested() throws Exception {
        ObjectNode run = (ObjectNode) MAPPER.readTree(FakeExtendServer.fixture("workflow-run-cancelled.json"));
        run.putObject("brandNewObject").put("level", 2).putArray("tags").add("a").add("b");
        run.put("brandNewText", "hello");
        run.putNull("brandNewNull");
        ((ObjectNode) run.get("workflow")).put("newWorkflowField", "kept");
        ((ObjectNode) run.get("workflowVersion")).put("newVersionField", 7);
        ((ObjectNode) run.get("workflow").get("createdBy")).put("newCreatorField", true);
        ((ObjectNode) run.get("files").get(0)).put("newFileField", "f");
        ((ObjectNode) run.get("stepRuns").get(0)).put("newStepRunField", "s");
        ((ObjectNode) run.get("stepRuns").get(0).get("step")).put("newStepField", "st");
        ((ObjectNode) run.get("stepRuns").get(1)).put("status", "PAUSED_FOR_NEW_REASON");
        ((ObjectNode) run.get("usage")).put("newUsageField", 1.25);
        FAKE.enqueue(Reply.json(200, MAPPER.writeValueAsString(run)));

        String cancelledRun = run.get("id").asText();
        Exchange out = template.request("direct:cancel", e -> e.getIn().setBody(cancelledRun));

        assertNull(out.getException(), () -> "unknown fields must not fail the call: " + out.getException());
        WorkflowRun result = out.getMessage().getBody(WorkflowRun.class);
        assertEquals(cancelledRun, result.getId());
        assertEquals(WorkflowRunStatus.CANCELLED, result.getStatus());
        Map<String, Object> top = result.getAdditionalProperties();
        assertEquals(Map.of("level", 2, "tags", List.of("a", "b")), top.get("brandNewObject"));
        assertEquals("hello", top.get("brandNewText"));
        assertTrue(top.containsKey("brandNewNull"));
        assertNull(top.get("brandNewNull"));
        assertFalse(top.containsKey("status"), "known fields are not duplicated: " + top.keySet());
        assertFalse(top.containsKey("id"));
        assertEquals("kept", result.getWorkflow().getAdditionalProperties().get("newWorkflowField"));
        assertEquals("Invoice Processing", result.getWorkflow().getName());
        assertEquals(7, result.getWorkflowVersion().getAdditionalProperties().get("newVersionField"));
        assertEquals(true, result.getWorkflow().getCreatedBy().getAdditionalProperties().get("newCreatorField"));
        assertEquals("f", result.getFiles().get(0).getAdditionalProperties().get("newFileField"));
        assertEquals("s", result.getStepRuns().get(0).getAdditionalProperties().get("newStepRunField"));
        assertEquals("st", result.getStepRuns().get(0).getStep().getAdditionalProperties().get("newStepField"));
        assertEquals(StepRunStatus.UNKNOWN, result.getStepRuns().get(1).getStatus());
        assertEquals("PAUSED_FOR_NEW_REASON", result.getStepRuns().get(1).getRawStatus());
        assertEquals(1.25, ((Number) result.getUsage().getAdditionalProperties().get("newUsageField")).doubleValue());

        // written back: the unknown fields survive a round trip
        ObjectNode again = (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(result));
        assertEquals("hello", again.get("brandNewText").asText());
        assertEquals("kept", again.get("workflow").get("newWorkflowField").asText());
    }

    @Test
    void unknownRunStatusBecomesUnknownAndRawTextIsInTheHeader() throws Exception {
        ObjectNode run = (ObjectNode) MAPPER.readTree(FakeExtendServer.fixture("workflow-run-processing.json"));
        run.put("status", "ARCHIVED");
        FAKE.enqueue(Reply.json(200, MAPPER.writeValueAsString(run)));

        Exchange out = template.request("direct:get", e -> e.getIn().setBody(RUN));

        assertNull(out.getException(), () -> "an unknown status must not fail the call: " + out.getException());
        WorkflowRun result = out.getMessage().getBody(WorkflowRun.class);
        assertEquals(WorkflowRunStatus.UNKNOWN, result.getStatus());
        assertEquals("ARCHIVED", result.getRawStatus());
        assertEquals("ARCHIVED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        assertEquals(RUN, result.getId());
        assertTrue(result.toString().contains("ARCHIVED"), result.toString());
        assertEquals(1, FAKE.requestCount());
    }

    // ---- oversized bodies ----

    @Test
    void bodyUnderTheLimitIsAccepted() {
        String body = FakeExtendServer.fixture("workflow-run-processing.json");
        assertTrue(body.getBytes(StandardCharsets.UTF_8).length < 1024, "fixture must fit the 1024-byte limit");
        FAKE.enqueue(Reply.json(200, body));

        Exchange out = template.request("direct:small", e -> e.getIn().setBody(RUN));

        assertNull(out.getException(), () -> "unexpected: " + out.getException());
        assertEquals(RUN, out.getMessage().getBody(WorkflowRun.class).getId());
    }

    @Test
    void bodyLargerThanMaxResponseSizeFailsTypedAndIsNotRetried() throws Exception {
        ObjectNode run = (ObjectNode) MAPPER.readTree(FakeExtendServer.fixture("workflow-run-processing.json"));
        run.put("padding", "p".repeat(4 * 1024 * 1024)); // a valid WorkflowRun, just 4 MB long
        FAKE.otherwise(r -> {
            try {
                return Reply.json(200, MAPPER.writeValueAsString(run));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        long started = System.nanoTime();
        Exchange out = template.request("direct:small", e -> e.getIn().setBody(RUN));
        long millis = (System.nanoTime() - started) / 1_000_000;

        ExtendException e = assertTooLarge(out.getException());
        assertEquals(RUN, e.getRunId());
        assertEquals(1, FAKE.requestCount(), "an oversized body is not retried");
        assertTrue(millis < 15_000, "fails without waiting for the whole body, took " + millis + " ms");
    }

    @Test
    void endlessBodyIsCutOffAtTheLimit() {
        FAKE.enqueue(Reply.endlessBody("{\"id\":\"" + RUN + "\",\"padding\":\"" + "x".repeat(8192)));

        Exchange out = template.request("direct:endless", e -> e.getIn().setBody(RUN));

        ExtendException e = assertTooLarge(out.getException());
        assertEquals(RUN, e.getRunId());
        assertEquals(1, FAKE.requestCount(), "not retried");
        assertTrue(FAKE.bytesStreamed() < 64L * 1024 * 1024, "the client stopped reading early: "
                                                             + FAKE.bytesStreamed());
    }

    /**
     * Extend did answer, so an oversized body is neither a connection failure nor a timeout (both say "the cancel may
     * not have reached Extend"): it is a plain ExtendException naming the limit.
     */
    private static ExtendException assertTooLarge(Exception ex) {
        assertNotNull(ex, "a body over maxResponseSize must fail");
        assertEquals(ExtendException.class, ex.getClass(), "not a connection/timeout error: " + ex);
        ExtendException e = (ExtendException) ex;
        assertTrue(e.getMessage().contains("1024"), "names the limit: " + e.getMessage());
        assertTrue(e.getMessage().contains("maxResponseSize"), "names the option: " + e.getMessage());
        assertFalse(e.getMessage().contains("connection failed"), e.getMessage());
        return e;
    }
}
