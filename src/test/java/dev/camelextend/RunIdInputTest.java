package dev.camelextend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the run ID comes from (header, then endpoint option, then body), which body types are accepted, and that
 * every bad input is refused with {@link ExtendInvalidRunIdException} before anything reaches the network.
 */
class RunIdInputTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_runid_key";
    static final String HEADER_RUN = "workflow_run_fromHeader_111";
    static final String OPTION_RUN = "workflow_run_fromOption_222";
    static final String BODY_RUN = "workflow_run_fromBody_333";

    @BeforeEach
    void resetFake() {
        FAKE.otherwise(r -> Reply.runFor(r, "workflow-run-processing.json"));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String common = "baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY + "&maxRetries=0";
                from("direct:get").to("extend:getRun?" + common);
                from("direct:cancel").to("extend:cancelRun?" + common);
                from("direct:getWithOption").to("extend:getRun?" + common + "&runId=" + OPTION_RUN);
            }
        };
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getIn().setBody(body);
            headers.forEach(e.getIn()::setHeader);
        });
    }

    private String onlyRequestedPath(Exchange out) {
        assertNull(out.getException(), () -> "unexpected failure: " + out.getException());
        assertEquals(1, FAKE.requestCount(), "exactly one request");
        return FAKE.requests().get(0).rawPath();
    }

    // ---- resolution order ----

    @Test
    void headerWinsOverOptionAndBody() {
        Exchange out = send("direct:getWithOption", BODY_RUN, Map.of(ExtendConstants.RUN_ID, HEADER_RUN));
        assertEquals("/workflow_runs/" + HEADER_RUN, onlyRequestedPath(out));
    }

    @Test
    void headerWinsOverBodyWithoutOption() {
        Exchange out = send("direct:cancel", BODY_RUN, Map.of(ExtendConstants.RUN_ID, HEADER_RUN));
        assertEquals("/workflow_runs/" + HEADER_RUN + "/cancel", onlyRequestedPath(out));
        assertEquals("POST", FAKE.requests().get(0).method());
    }

    @Test
    void optionWinsOverBody() {
        Exchange out = send("direct:getWithOption", BODY_RUN, Map.of());
        assertEquals("/workflow_runs/" + OPTION_RUN, onlyRequestedPath(out));
    }

    @Test
    void optionIsUsedWithoutBody() {
        Exchange out = send("direct:getWithOption", null, Map.of());
        assertEquals("/workflow_runs/" + OPTION_RUN, onlyRequestedPath(out));
    }

    @Test
    void bodyIsUsedWithoutHeaderOrOption() {
        Exchange out = send("direct:get", BODY_RUN, Map.of());
        assertEquals("/workflow_runs/" + BODY_RUN, onlyRequestedPath(out));
    }

    // ---- accepted body types ----

    @Test
    void workflowRunBodyUsesItsId() {
        WorkflowRun run = new WorkflowRun();
        run.setId("workflow_run_fromObject_444");
        Exchange out = send("direct:cancel", run, Map.of());
        assertEquals("/workflow_runs/workflow_run_fromObject_444/cancel", onlyRequestedPath(out));
    }

    @Test
    void utf8BytesBodyAsJmsOrKafkaDeliverIt() {
        byte[] bytes = "workflow_run_fromBytes_555\r\n".getBytes(StandardCharsets.UTF_8);
        Exchange out = send("direct:get", bytes, Map.of());
        assertEquals("/workflow_runs/workflow_run_fromBytes_555", onlyRequestedPath(out));
    }

    @Test
    void utf8BytesHeader() {
        byte[] bytes = HEADER_RUN.getBytes(StandardCharsets.UTF_8);
        Exchange out = send("direct:get", BODY_RUN, Map.of(ExtendConstants.RUN_ID, bytes));
        assertEquals("/workflow_runs/" + HEADER_RUN, onlyRequestedPath(out));
    }

    @Test
    void stringBuilderBody() {
        Exchange out = send("direct:get", new StringBuilder("workflow_run_").append("fromBuilder_666"), Map.of());
        assertEquals("/workflow_runs/workflow_run_fromBuilder_666", onlyRequestedPath(out));
    }

    @Test
    void surroundingWhitespaceIsTrimmedFromBody() {
        Exchange out = send("direct:get", " \t workflow_run_trimmed_777 \r\n", Map.of());
        assertEquals("/workflow_runs/workflow_run_trimmed_777", onlyRequestedPath(out));
    }

    @Test
    void surroundingWhitespaceIsTrimmedFromHeader() {
        Exchange out = send("direct:get", null, Map.of(ExtendConstants.RUN_ID, "  " + HEADER_RUN + "\n"));
        assertEquals("/workflow_runs/" + HEADER_RUN, onlyRequestedPath(out));
    }

    @Test
    void longestValidIdOf255CharactersIsAccepted() {
        String id = validId(255);
        Exchange out = send("direct:get", id, Map.of());
        String path = onlyRequestedPath(out);
        assertEquals("/workflow_runs/" + id, path);
        assertEquals(255, path.length() - "/workflow_runs/".length());
    }

    @Test
    void everyAllowedCharacterIsSentUnchanged() {
        String id = "AZaz09_-abcXYZ";
        Exchange out = send("direct:get", id, Map.of());
        assertEquals("/workflow_runs/" + id, onlyRequestedPath(out));
    }

    // ---- refused input: nothing reaches the network ----

    static Stream<Arguments> invalidBodies() {
        WorkflowRun noId = new WorkflowRun();
        WorkflowRun traversalId = new WorkflowRun();
        traversalId.setId("../workflows");
        List<Arguments> list = new ArrayList<>();
        list.add(Arguments.of("null body", null));
        list.add(Arguments.of("empty", ""));
        list.add(Arguments.of("blank", "   "));
        list.add(Arguments.of("tabs and newlines only", "\t\r\n"));
        list.add(Arguments.of("256 chars", validId(256)));
        list.add(Arguments.of("10,000 chars", "x".repeat(10_000)));
        list.add(Arguments.of("dot-dot path", "../x"));
        list.add(Arguments.of("dot-dot workflows", "../workflows"));
        list.add(Arguments.of("slash", "a/b"));
        list.add(Arguments.of("encoded slash", "%2F"));
        list.add(Arguments.of("encoded dot-dot", "%2E%2E"));
        list.add(Arguments.of("question mark", "run?x=1"));
        list.add(Arguments.of("hash", "run#x"));
        list.add(Arguments.of("inner space", "run x"));
        list.add(Arguments.of("NUL", "run\u0000x"));
        list.add(Arguments.of("newline", "run\nx"));
        list.add(Arguments.of("CRLF header injection", "run\r\nX-Evil: 1"));
        list.add(Arguments.of("ESC sequence", "run\u001b[31mred"));
        list.add(Arguments.of("non-ASCII letter", "run_\u00e9"));
        list.add(Arguments.of("fullwidth solidus", "run\uff0fx"));
        list.add(Arguments.of("invalid UTF-8 bytes", new byte[] { 'r', 'u', 'n', (byte) 0xC3, (byte) 0x28 }));
        list.add(Arguments.of("lone continuation byte", new byte[] { (byte) 0x80 }));
        list.add(Arguments.of("empty bytes", new byte[0]));
        list.add(Arguments.of("UTF-8 bytes with a slash", "a/b".getBytes(StandardCharsets.UTF_8)));
        list.add(Arguments.of("Integer", 12345));
        list.add(Arguments.of("Long", 12345L));
        list.add(Arguments.of("Map", Map.of("id", "workflow_run_inMap")));
        list.add(Arguments.of("List", List.of("workflow_run_inList")));
        list.add(Arguments.of("WorkflowRun without id", noId));
        list.add(Arguments.of("WorkflowRun with traversal id", traversalId));
        return list.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidBodies")
    void invalidBodyIsRefusedBeforeAnyRequest(String name, Object body) {
        Exchange out = send("direct:cancel", body, Map.of());
        ExtendInvalidRunIdException e = assertRefused(out);
        if (body instanceof Integer || body instanceof Map) {
            assertTrue(e.getMessage().contains(body.getClass().getName()),
                    "message names the refused type: " + e.getMessage());
        }
    }

    @Test
    void integerHeaderIsRefusedEvenWithValidBody() {
        Exchange out = send("direct:get", BODY_RUN, Map.of(ExtendConstants.RUN_ID, 42));
        ExtendInvalidRunIdException e = assertRefused(out);
        assertTrue(e.getMessage().contains(ExtendConstants.RUN_ID), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void invalidHeaderDoesNotFallBackToOptionOrBody() {
        Exchange out = send("direct:getWithOption", BODY_RUN, Map.of(ExtendConstants.RUN_ID, "../workflows"));
        ExtendInvalidRunIdException e = assertRefused(out);
        assertTrue(e.getMessage().contains("header " + ExtendConstants.RUN_ID), e.getMessage());
        assertEquals("the workflow-run ID contains a character other than letters, digits, '_' and '-' (at index 0)",
                e.getReason(), "the reason says what is wrong, not where the ID came from");
    }

    @Test
    void invalidUtf8IsReportedAsSuch() {
        Exchange out = send("direct:get", new byte[] { 'r', (byte) 0xFF, 'x' }, Map.of());
        ExtendInvalidRunIdException e = assertRefused(out);
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void controlCharactersAreNotEchoedRaw() {
        Exchange out = send("direct:get", "run\nFAKE LOG LINE\u0000\u001b[0m", Map.of());
        ExtendInvalidRunIdException e = assertRefused(out);
        assertTrue(e.getMessage().contains("FAKE LOG LINE"), "the start of the input is quoted: " + e.getMessage());
        assertNotNull(e.getRunId());
        assertSingleLine(e.getRunId());
    }

    @Test
    void hugeInputGivesShortMessage() {
        Exchange out = send("direct:get", "y".repeat(10_000), Map.of());
        ExtendInvalidRunIdException e = assertRefused(out);
        assertTrue(e.getMessage().contains("10000"), "message says how long it was: " + e.getMessage());
        assertTrue(e.getMessage().length() <= 300, "message length " + e.getMessage().length());
        assertTrue(e.getRunId() == null || e.getRunId().length() <= 80, "runId kept short: " + e.getRunId());
        assertTrue(e.toString().length() <= 400);
    }

    private static ExtendInvalidRunIdException assertRefused(Exchange out) {
        Exception ex = out.getException();
        if (ex == null) {
            fail("expected ExtendInvalidRunIdException, but the exchange succeeded with body " + out.getMessage().getBody());
        }
        ExtendInvalidRunIdException e = assertInstanceOf(ExtendInvalidRunIdException.class, ex);
        assertEquals(0, FAKE.requestCount(), "no request may reach Extend for an invalid run ID");
        assertNotNull(e.getMessage());
        assertSingleLine(e.getMessage());
        assertSingleLine(e.toString());
        assertTrue(e.getMessage().length() <= 300, "message length " + e.getMessage().length() + ": " + e.getMessage());
        return e;
    }

    private static void assertSingleLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(!Character.isISOControl(c) && c != '\u2028' && c != '\u2029',
                    "raw control character U+" + String.format("%04X", (int) c) + " at " + i + " in: " + text);
        }
    }

    /** An ID of exactly {@code length} characters, using every allowed character class. */
    static String validId(int length) {
        String alphabet = "abcXYZ019_-";
        StringBuilder sb = new StringBuilder("workflow_run_");
        while (sb.length() < length) {
            sb.append(alphabet.charAt(sb.length() % alphabet.length()));
        }
        return sb.substring(0, length);
    }
}
