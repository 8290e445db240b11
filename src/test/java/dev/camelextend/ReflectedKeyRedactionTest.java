package dev.camelextend;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import dev.camelextend.support.RawReplyServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.LeakChecks.assertNoKeyFragment;
import static dev.camelextend.support.LeakChecks.assertSafe;
import static dev.camelextend.support.LeakChecks.assertSingleLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway in front of Extend that reflects the request's {@code Authorization} header ("Bearer &lt;key&gt;") into
 * whatever it sends - body, headers, reason phrase - must not carry the key, or any part of it, into exceptions, their
 * causes or log lines. Whatever else such a server sends (control characters, huge fields) reaches them bounded and
 * on one line.
 */
class ReflectedKeyRedactionTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    /** For what the JDK server cannot send: a reason phrase of our choosing. */
    static final RawReplyServer RAW = new RawReplyServer();
    static final String KEY = "sk_live_REFLECTED_CANARY_9191";
    static final String RUN = "workflow_run_reflect1";
    /** Bounds every quoted field must keep, whatever the server sends (cut markers included). */
    static final int MAX_MESSAGE = 1000;
    static final int MAX_REQUEST_ID = 128;
    static final int MAX_CODE = 100;
    static final int MAX_TEXT = 300;
    static final int MAX_BODY = 4096;

    @AfterAll
    static void stopRaw() {
        RAW.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FAKE.otherwise(request -> Reply.json(502,
                "{\"code\":\"BAD_GATEWAY\",\"message\":\"upstream refused " + request.header("Authorization")
                + "\"}").withHeader("X-Echo", request.header("Authorization")));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancel").to("extend:cancelRun?maxRetries=0&baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY);
                from("direct:get").to("extend:getRun?maxRetries=0&baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY);
                from("direct:raw").to("extend:getRun?maxRetries=0&baseUrl=" + RAW.baseUrl() + "&apiKey=" + KEY);
            }
        };
    }

    @Test
    void theKeyIsMaskedInEverythingQuotedFromTheAnswer() {
        Exchange out = template.request("direct:cancel", e -> e.getIn().setBody(RUN));

        ExtendServerException e = assertInstanceOf(ExtendServerException.class, out.getException());
        assertEquals(502, e.getStatusCode());
        assertTrue(e.getResponseBody().contains("upstream refused Bearer ***"), e.getResponseBody());
        assertEquals("upstream refused Bearer ***", e.getErrorMessage());
        assertEquals("Bearer ***", e.getResponseHeaders().get("X-echo") != null
                ? e.getResponseHeaders().get("X-echo") : e.getResponseHeaders().get("X-Echo"));
        for (String text : new String[] { e.getMessage(), e.toString(), e.getResponseBody(), e.getErrorMessage(),
                e.getResponseHeaders().toString() }) {
            assertFalse(text.contains(KEY), "the key leaked into: " + text);
        }
    }

    /** Masking comes before cutting: a key across the cut of a field must not survive minus its last characters. */
    @Test
    void aKeyAcrossTheCutOfAFieldLeavesNoPartOfIt() {
        FAKE.otherwise(request -> {
            String auth = request.header("Authorization");
            String head = "{\"code\":\"" + "C".repeat(80) + auth + "\",\"message\":\"" + "m".repeat(280) + " " + auth
                          + "\",\"requestId\":\"" + "r".repeat(110) + auth + "\",\"padding\":\"";
            // the key starts a few characters before the 4096th character of the body
            String padding = "p".repeat(4096 - 12 - head.length() - "Bearer ".length());
            return Reply.json(400, head + padding + auth + "\"}");
        });

        ExtendApiException e = assertInstanceOf(ExtendApiException.class,
                template.request("direct:get", x -> x.getIn().setBody(RUN)).getException());

        assertEquals(400, e.getStatusCode());
        assertExceptionSafe(e);
        assertTrue(e.getErrorMessage().startsWith("m".repeat(280)), e.getErrorMessage());
        assertTrue(e.getRequestId().startsWith("r".repeat(110)), e.getRequestId());
    }

    /** The start of a 2xx body that is not a WorkflowRun, quoted in the message: masked before it is cut too. */
    @Test
    void aKeyAcrossTheCutOfTheQuotedBodyLeavesNoPartOfIt() {
        FAKE.otherwise(request -> Reply.text(200, "<html>" + "p".repeat(170) + request.header("Authorization")
                                                 + "</html>"));

        Exchange out = template.request("direct:get", x -> x.getIn().setBody(RUN));

        assertEquals(ExtendException.class, out.getException().getClass());
        assertTrue(out.getException().getMessage().contains("<html>ppp"), out.getException().getMessage());
        assertExceptionSafe(out.getException());
    }

    /** The HTTP reason phrase is server text like any other: getStatusText() must not carry the key. */
    @Test
    void aReasonPhraseReflectingTheKeyIsMasked() {
        RAW.reply(auth -> RawReplyServer.response("502 Bad Gateway \u001b[31m(upstream refused " + auth + ")",
                "x-extend-request-id: req_raw_1", "text/plain", "upstream said no"));

        ExtendServerException e = assertInstanceOf(ExtendServerException.class,
                template.request("direct:raw", x -> x.getIn().setBody(RUN)).getException());

        assertEquals(502, e.getStatusCode());
        assertTrue(e.getStatusText().startsWith("Bad Gateway "), e.getStatusText());
        assertTrue(e.getStatusText().contains("(upstream refused Bearer ***)"), e.getStatusText());
        assertEquals(e.getStatusText(), e.getHttpResponseStatus());
        assertExceptionSafe(e);
    }

    /**
     * Jackson quotes the offending value in its message, and Camel's error handler logs causes: the parse error of a
     * 2xx that is not a WorkflowRun is described (type and location), never kept.
     */
    @Test
    void theParseErrorOfAnInvalidBodyIsDescribedNotKept() {
        FAKE.otherwise(request -> Reply.json(200, "{\"id\":\"" + RUN + "\",\"startTime\":\""
                                                  + request.header("Authorization") + "\"}"));

        Exchange out = template.request("direct:get", x -> x.getIn().setBody(RUN));

        ExtendException e = (ExtendException) out.getException();
        assertEquals(ExtendException.class, e.getClass());
        assertNull(e.getCause(), "no parse error object is kept: its message quotes the body");
        assertTrue(e.getMessage().contains("not a WorkflowRun (InvalidFormatException at line 1, column "),
                e.getMessage());
        assertExceptionSafe(e);
    }

    @Test
    void controlCharactersInAnErrorAnswerReachNoGetterOnOneLine() {
        FAKE.otherwise(request -> Reply.json(400, "{\n  \"code\": \"BAD\u2028REQUEST\",\n  \"message\": \"line one"
                                                  + "\\r\\n12:00:00.000 ERROR [main] forged \\u001b[31mred\\u001b[0m"
                                                  + " \u202Eevil\u2029 \\u0085 \\t tab\",\n  \"requestId\":"
                                                  + " \"req_body\\u000b\"\n}\n")
                .withHeader("x-extend-request-id", "req_hdr\u001b[31m_1\u009b2m")
                .withHeader("X-Note", "note\u001b]0;title\u0007"));

        ExtendApiException e = assertInstanceOf(ExtendApiException.class,
                template.request("direct:get", x -> x.getIn().setBody(RUN)).getException());

        assertEquals(400, e.getStatusCode());
        assertExceptionSafe(e);
        assertTrue(e.getRequestId().startsWith("req_hdr"), e.getRequestId());
        assertTrue(e.getErrorMessage().startsWith("line one"), e.getErrorMessage());
    }

    @Test
    void controlCharactersInAnInvalid2xxBodyAndItsRequestIdStayOffTheMessage() {
        FAKE.otherwise(request -> Reply.text(200, "OK\r\n12:00:00.000 INFO  [main] Fake - forged line\u2028next"
                                                  + "\u2029para\u202Eevil\u001b[31mred\u0085nel\u200Bzw")
                .withHeader("x-extend-request-id", "req\u001b[31m_2"));

        Exchange out = template.request("direct:get", x -> x.getIn().setBody(RUN));

        assertEquals(ExtendException.class, out.getException().getClass());
        assertTrue(out.getException().getMessage().contains("OK"), out.getException().getMessage());
        assertExceptionSafe(out.getException());
    }

    @Test
    void hugeFieldsAreCutWithAVisibleMarker() {
        FAKE.otherwise(request -> Reply.json(400, "{\"code\":\"" + "C".repeat(5000) + "\",\"message\":\""
                                                  + "m".repeat(20_000) + "\",\"docUrl\":\"https://x/"
                                                  + "d".repeat(3000) + "\"}")
                .withHeader("x-extend-request-id", "r".repeat(7000)));

        ExtendApiException e = assertInstanceOf(ExtendApiException.class,
                template.request("direct:get", x -> x.getIn().setBody(RUN)).getException());

        assertExceptionSafe(e);
        assertTrue(e.getRequestId().startsWith("rrrr") && e.getRequestId().endsWith("..."), e.getRequestId());
        assertTrue(e.getErrorCode().startsWith("CCCC") && e.getErrorCode().endsWith("..."), e.getErrorCode());
        assertTrue(e.getErrorMessage().startsWith("mmmm") && e.getErrorMessage().endsWith("..."));
        assertTrue(e.getResponseBody().startsWith("{\"code\":\"CCC") && e.getResponseBody().contains("..."));
    }

    /** With the component at TRACE, the per-attempt DEBUG line and the TRACE body line are written: no key there. */
    @Test
    void theDebugAndTraceLinesOfAnAnswerShowNoPartOfTheKey() {
        FAKE.otherwise(request -> {
            String auth = request.header("Authorization");
            return Reply.json(400, "{\"code\":\"BAD\",\"message\":\"refused " + auth + "\",\"echo\":\""
                                   + "e".repeat(1960) + auth + "\"}\r\n12:00:00.000 ERROR forged")
                    .withHeader("x-extend-request-id", "req_" + auth + "\u001b[31m");
        });

        try (CapturedLogs logs = CapturedLogs.of(Level.ALL).level("dev.camelextend", Level.TRACE).start()) {
            Exchange out = template.request("direct:get", x -> x.getIn().setBody(RUN));
            assertInstanceOf(ExtendApiException.class, out.getException());

            List<CapturedLogs.Event> events = logs.events();
            assertTrue(events.stream().anyMatch(ev -> ev.message().contains(" body: {\"code\":\"BAD\"")),
                    "the TRACE body line was written: " + events);
            assertTrue(events.stream().anyMatch(ev -> ev.message().contains("requestId=req_Bearer ***")),
                    "the DEBUG line names the (masked) request id: " + events);
            for (CapturedLogs.Event ev : events) {
                assertNoKeyFragment(ev.logger() + " log line", ev.message() + "\n" + ev.stackTrace(), KEY);
                if (ev.logger().startsWith("dev.camelextend")) {
                    assertSingleLine(ev.logger() + " log line", ev.message());
                }
            }
        }
    }

    /** The request ID of a success becomes a message header, which routes log: cleaned like any quoted text. */
    @Test
    void theRequestIdOfASuccessIsCleanedToo() {
        FAKE.otherwise(request -> Reply.runFor(request, "workflow-run-cancelled.json")
                .withHeader("x-extend-request-id", "req_ok\u001b[31m " + request.header("Authorization")));

        Exchange out = template.request("direct:get", x -> x.getIn().setBody(RUN));

        assertNull(out.getException());
        String requestId = out.getMessage().getHeader(ExtendConstants.REQUEST_ID, String.class);
        assertTrue(requestId.startsWith("req_ok") && requestId.endsWith(" Bearer ***"), requestId);
        assertSafe("request ID header", requestId, KEY, MAX_REQUEST_ID);
    }

    /** Message, toString, stack trace (every cause) and every getter: no part of the key, one line, bounded. */
    static void assertExceptionSafe(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        assertNoKeyFragment("stack trace", trace.toString(), KEY);
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertSafe("message of " + c.getClass().getSimpleName(), c.getMessage(), KEY, MAX_MESSAGE);
            assertNoKeyFragment("toString of " + c.getClass().getSimpleName(), c.toString(), KEY);
        }
        if (t instanceof ExtendApiException e) {
            assertSafe("requestId", e.getRequestId(), KEY, MAX_REQUEST_ID);
            assertSafe("errorCode", e.getErrorCode(), KEY, MAX_CODE);
            assertSafe("errorMessage", e.getErrorMessage(), KEY, MAX_TEXT);
            assertSafe("statusText", e.getStatusText(), KEY, MAX_TEXT);
            assertSafe("responseBody", e.getResponseBody(), KEY, MAX_BODY);
            for (Map.Entry<String, String> h : e.getResponseHeaders().entrySet()) {
                assertSafe("header name " + h.getKey(), h.getKey(), KEY, MAX_TEXT);
                assertSafe("header " + h.getKey(), h.getValue(), KEY, MAX_TEXT);
            }
        }
    }
}
