package dev.camelextend.property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelextend.ExtendApiException;
import dev.camelextend.ExtendAuthenticationException;
import dev.camelextend.ExtendComponent;
import dev.camelextend.ExtendNotFoundException;
import dev.camelextend.ExtendRateLimitException;
import dev.camelextend.ExtendServerException;
import dev.camelextend.client.ServerText;
import dev.camelextend.support.CapturedLogs;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Recorded;
import dev.camelextend.support.FakeExtendServer.Reply;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import dev.camelextend.support.ExtendTestKit;

import static dev.camelextend.support.LeakChecks.assertNoControlCharacters;
import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any non-2xx answer, whatever its body (arbitrary bytes, broken or hostile JSON, HTML, empty), ends the exchange with
 * an {@link ExtendApiException} of the right subclass that keeps the HTTP status; the API key the client sent appears
 * in no exception text (message, toString, stack trace, kept body, headers, decoded fields) and in no log line, with
 * the component logging at TRACE and Camel's error handler logging every failure.
 */
class ErrorDecoderPropertiesTest {

    static final String KEY = "sk_live_PropertyKey_9f8e7d6c5b4a_never_printed";
    /** The body kept in an exception, cut marker included. */
    static final int MAX_KEPT_BODY = ServerText.BODY_CHARS;

    static final AtomicReference<Reply> ANSWER = new AtomicReference<>();

    static FakeExtendServer server;
    static CamelContext context;
    static ProducerTemplate template;
    static CapturedLogs logs;

    @BeforeContainer
    static void start() throws Exception {
        server = new FakeExtendServer().otherwise(request -> ANSWER.get());

        context = new DefaultCamelContext();
        ExtendComponent extend = context.getComponent("extend", ExtendComponent.class);
        extend.getConfiguration().setApiKey(KEY);
        extend.getConfiguration().setBaseUrl(server.baseUrl());
        extend.getConfiguration().setMaxRetries(0);
        extend.getConfiguration().setRequestTimeout(10_000);
        // Camel's default error handler logs every failed exchange at ERROR with its stack trace: captured
        ExtendTestKit.route(context, "direct:get", "extend:getRun");
        ExtendTestKit.route(context, "direct:cancel", "extend:cancelRun");
        context.start();
        template = context.createProducerTemplate();
        // dev.camelextend at TRACE, so the per-attempt DEBUG lines and the TRACE body lines are produced; the console
        // is detached, so thousands of generated failures do not flood the build output; only counts are kept
        logs = CapturedLogs.of(Level.ALL).level("dev.camelextend", Level.TRACE).quietConsole().countOnly(KEY).start();
    }

    @AfterContainer
    static void stop() {
        try {
            if (logs != null) {
                logs.close();
            }
            if (context != null) {
                context.stop();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        assertTrue(logs == null || logs.count() > 0, "the log capture saw the failures");
    }

    @Property(tries = 300)
    void anyErrorAnswerKeepsItsStatusAndNeverShowsTheKey(@ForAll @IntRange(min = 400, max = 599) int status,
                                                          @ForAll("bodies") byte[] body,
                                                          @ForAll("contentTypes") String contentType,
                                                          @ForAll boolean cancel) {
        Assume.that(!new String(body, StandardCharsets.ISO_8859_1).contains(KEY)); // the body never has it in reality
        ANSWER.set(Reply.bytes(status, body, contentType.isEmpty() ? null : contentType));
        int before = server.requestCount();

        Exchange out = template.request(cancel ? "direct:cancel" : "direct:get", e -> e.getIn().setBody(RUN));

        assertTrue(server.requestCount() > before, "the request reached the server");
        List<Recorded> requests = server.requests();
        assertEquals("Bearer " + KEY, requests.get(requests.size() - 1).header("Authorization"),
                "the client did send the key");
        ExtendApiException e = assertInstanceOf(ExtendApiException.class, out.getException());
        assertEquals(expectedType(status), e.getClass(), () -> "status " + status + ": " + e);
        assertEquals(status, e.getStatusCode(), "decoding never hides the HTTP status");
        assertEquals(status, e.getHttpResponseCode());
        assertEquals(RUN, e.getRunId());

        String message = e.getMessage();
        assertTrue(message.length() <= 2000, () -> "message of " + message.length() + " chars");
        assertNoControlCharacters("message", message);
        assertNoControlCharacters("errorMessage", e.getErrorMessage());
        assertNoControlCharacters("errorCode", e.getErrorCode());
        assertTrue(e.getResponseBody() == null || e.getResponseBody().length() <= MAX_KEPT_BODY,
                () -> "kept body of " + e.getResponseBody().length() + " chars");

        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String text : new String[] { message, e.toString(), trace.toString(), e.getResponseBody(),
                String.valueOf(e.getResponseHeaders()), e.getErrorMessage(), e.getErrorCode(), e.getRequestId(),
                e.getStatusText() }) {
            assertFalse(text != null && text.contains(KEY), "the API key is in an exception text");
        }
        assertEquals(0, logs.occurrences(), "the API key was logged");
    }

    private static Class<?> expectedType(int status) {
        if (status == 429) {
            return ExtendRateLimitException.class;
        }
        if (status == 404) {
            return ExtendNotFoundException.class;
        }
        if (status == 401 || status == 403) {
            return ExtendAuthenticationException.class;
        }
        if (status >= 500) {
            return ExtendServerException.class;
        }
        return ExtendApiException.class;
    }

    // ---------------------------------------------------------------------------------------------------------
    // generators
    // ---------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("", "application/json", "application/json; charset=utf-8", "text/plain",
                "text/html; charset=iso-8859-1", "application/octet-stream", "application/problem+json");
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<byte[]> big = Combinators.combine(Arbitraries.integers().between(4096, 30_000),
                Arbitraries.longs()).as((n, seed) -> {
                    byte[] b = new byte[n];
                    new Random(seed).nextBytes(b); // big inputs from a seed: cheap to generate
                    return b;
                });
        Arbitrary<String> nasty = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u009b', 'x')
                        .ofMaxLength(30),
                Arbitraries.strings().alpha().ofMaxLength(20).map(s -> s + "\r\nERROR forged line " + s),
                Arbitraries.integers().between(500, 12_000).map(n -> "x".repeat(n / 2) + " long message ".repeat(n / 28)));
        Arbitrary<byte[]> flat = Combinators.combine(nasty, nasty, Arbitraries.of("true", "false",
                "\"yes\"", "null", "1"), nasty).as((code, message, retryable, requestId) -> ("{\"code\":"
                        + quote(code) + ",\"message\":" + quote(message) + ",\"retryable\":" + retryable
                        + ",\"requestId\":" + quote(requestId) + "}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> wrapped = Combinators.combine(nasty, nasty)
                .as((code, message) -> ("{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message)
                                        + "}}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> legacy = nasty.map(m -> ("{\"success\":false,\"error\":" + quote(m) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> html = nasty.map(m -> ("<html><body><h1>502 Bad Gateway</h1>\r\n" + m + "</body></html>")
                .getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(Tuple.of(3, raw), Tuple.of(1, big), Tuple.of(3, flat), Tuple.of(1, wrapped),
                Tuple.of(1, legacy), Tuple.of(1, html), Tuple.of(1, Arbitraries.just(new byte[0])));
    }

    /** A JSON string literal (escaping what JSON requires), so nasty text arrives as a JSON field value. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
