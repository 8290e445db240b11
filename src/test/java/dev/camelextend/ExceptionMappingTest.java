package dev.camelextend;

import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HttpResponseAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static dev.camelextend.support.ExtendTestKit.exactFailure;
import static dev.camelextend.support.ExtendTestKit.failure;
import static dev.camelextend.support.ExtendTestKit.header;
import static dev.camelextend.support.ExtendTestKit.route;
import static dev.camelextend.support.FakeExtendServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per row of the exception table of design.md section 1, and the error-body shapes of section 2. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one Camel context for the class: each test adds its own route
class ExceptionMappingTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_exception_mapping_key";

    @BeforeEach
    void resetFake() {
        FAKE.otherwise(r -> Reply.json(418, "{\"code\":\"TEST_BUG\",\"message\":\"no scripted reply\"}"));
    }

    private String uri(String operation, String options) {
        return "extend:" + operation + "?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY
               + "&retryInitialDelay=10&retryMaxDelay=20" + (options.isEmpty() ? "" : "&" + options);
    }

    private Exchange send(String operation, String options) throws Exception {
        String from = route(context, uri(operation, options));
        return template.request(from, e -> e.getIn().setBody(RUN));
    }

    /** What every exception of this component must offer. */
    private static void assertCommon(ExtendException e) {
        assertEquals(RUN, e.getRunId());
        dev.camelextend.support.LeakChecks.assertSingleLine("the message", e.getMessage());
        assertFalse(String.valueOf(e.getMessage()).contains(KEY), "the API key leaked into: " + e.getMessage());
        if (e instanceof ExtendApiException api) {
            HttpResponseAware aware = api;
            assertEquals(api.getStatusCode(), aware.getHttpResponseCode());
            assertTrue(e.getMessage().contains(String.valueOf(api.getStatusCode())),
                    "the message hides the status: " + e.getMessage());
        }
    }

    @Test
    void notFoundCarriesEveryField() throws Exception {
        String body = fixture("error-not-found.json");
        FAKE.enqueue(Reply.json(404, body).withHeader("x-trace", "trace-1"));

        Exchange out = send("getRun", "maxRetries=2");

        ExtendNotFoundException e = exactFailure(out, ExtendNotFoundException.class);
        assertCommon(e);
        assertEquals(404, e.getStatusCode());
        assertEquals(404, ((HttpResponseAware) e).getHttpResponseCode());
        assertEquals("NOT_FOUND", e.getErrorCode());
        assertEquals("Workflow run not found", e.getErrorMessage());
        assertEquals("req_4Lm2Nq8Rt5Vw1Xy7Zb3C", e.getRequestId());
        assertEquals(body.strip(), e.getResponseBody()); // one line: the trailing newline is not kept
        assertEquals("application/json", header(e.getResponseHeaders(), "Content-Type"));
        assertEquals("trace-1", header(e.getResponseHeaders(), "x-trace"));
        assertFalse(e.isRetryable());
        assertEquals(1, FAKE.requestCount(), "a 404 is never retried");
    }

    @Test
    void requestIdHeaderWinsOverBody() throws Exception {
        FAKE.enqueue(Reply.json(404, fixture("error-not-found.json")).withHeader("x-extend-request-id", "req_hdr_1"));

        ExtendNotFoundException e = failure(send("getRun", ""), ExtendNotFoundException.class);

        assertCommon(e);
        assertEquals("req_hdr_1", e.getRequestId());
        assertEquals("NOT_FOUND", e.getErrorCode());
    }

    @Test
    void notFoundOnCancelIsNotFoundWithoutAConfirmingGet() throws Exception {
        FAKE.enqueue(Reply.json(404, fixture("error-not-found.json")));

        ExtendNotFoundException e = exactFailure(send("cancelRun", ""), ExtendNotFoundException.class);

        assertCommon(e);
        assertEquals(404, e.getStatusCode());
        assertEquals(1, FAKE.requestCount());
        assertEquals("POST", FAKE.requests().get(0).method());
    }

    @Test
    void unauthorizedIsAuthenticationException() throws Exception {
        FAKE.enqueue(Reply.json(401, fixture("error-unauthorized.json")));

        ExtendAuthenticationException e = exactFailure(send("cancelRun", "maxRetries=2"),
                ExtendAuthenticationException.class);

        assertCommon(e);
        assertEquals(401, e.getStatusCode());
        assertEquals("UNAUTHORIZED", e.getErrorCode());
        assertEquals("Invalid API key", e.getErrorMessage());
        assertEquals("req_9Kd3Jf6Hg2Sa8Pq1Wm5T", e.getRequestId());
        assertFalse(e.isRetryable());
        assertEquals(1, FAKE.requestCount(), "a 401 is never retried and never confirmed with a GET");
    }

    @Test
    void forbiddenIsAuthenticationException() throws Exception {
        FAKE.enqueue(Reply.json(403, "{\"code\":\"FORBIDDEN\",\"message\":\"No access to this workspace\","
                                     + "\"retryable\":false,\"requestId\":\"req_403\"}"));

        ExtendAuthenticationException e = exactFailure(send("getRun", "maxRetries=2"),
                ExtendAuthenticationException.class);

        assertCommon(e);
        assertEquals(403, e.getStatusCode());
        assertEquals("FORBIDDEN", e.getErrorCode());
        assertEquals("No access to this workspace", e.getErrorMessage());
        assertEquals("req_403", e.getRequestId());
        assertEquals(1, FAKE.requestCount());
    }

    @Test
    void rateLimitedAfterRetriesIsRateLimitExceptionOfTheLastAnswer() throws Exception {
        String body = fixture("error-rate-limited.json");
        FAKE.enqueue(Reply.json(429, body).withHeader("x-extend-request-id", "req_a1"),
                Reply.json(429, body).withHeader("x-extend-request-id", "req_a2"),
                Reply.json(429, body).withHeader("x-extend-request-id", "req_a3"));

        ExtendRateLimitException e = exactFailure(send("cancelRun", "maxRetries=2"), ExtendRateLimitException.class);

        assertCommon(e);
        assertEquals(429, e.getStatusCode());
        assertEquals("RATE_LIMIT_EXCEEDED", e.getErrorCode());
        assertEquals("req_a3", e.getRequestId(), "the exception describes the last answer");
        assertTrue(e.isRetryable());
        assertNull(e.getRetryAfter(), "no Retry-After header was sent");
        assertEquals(3, FAKE.requestCount());
    }

    @Test
    void serverErrorAfterRetriesIsServerExceptionOfTheLastAnswer() throws Exception {
        FAKE.enqueue(Reply.json(500, fixture("error-internal.json")),
                Reply.json(502, fixture("error-internal.json")),
                Reply.json(503, fixture("error-internal.json")));

        ExtendServerException e = exactFailure(send("getRun", "maxRetries=2"), ExtendServerException.class);

        assertCommon(e);
        assertEquals(503, e.getStatusCode(), "the status of the last answer");
        assertEquals("INTERNAL_ERROR", e.getErrorCode());
        assertEquals("An unexpected error occurred", e.getErrorMessage());
        assertEquals("req_6Ty1Ui3Op5As7Df9Gh2J", e.getRequestId());
        assertTrue(e.isRetryable());
        assertEquals(3, FAKE.requestCount());
    }

    @Test
    void badRequestOnGetIsPlainApiException() throws Exception {
        String body = fixture("error-invalid-request.json");
        FAKE.enqueue(Reply.json(400, body));

        ExtendApiException e = exactFailure(send("getRun", "maxRetries=2"), ExtendApiException.class);

        assertCommon(e);
        assertEquals(400, e.getStatusCode());
        assertEquals("INVALID_REQUEST", e.getErrorCode());
        assertEquals("Invalid request body; Path: schema.properties.name", e.getErrorMessage());
        assertEquals("req_Xj8mK2pL9nR4vT7qY5wZ", e.getRequestId());
        assertEquals(body.strip(), e.getResponseBody()); // one line: the trailing newline is not kept
        assertFalse(e.isRetryable());
        assertEquals(1, FAKE.requestCount(), "a 400 on getRun is neither retried nor confirmed");
    }

    @Test
    void wrappedBodyIsDecoded() throws Exception {
        FAKE.enqueue(Reply.json(503, fixture("error-wrapped.json")));

        ExtendServerException e = exactFailure(send("getRun", "maxRetries=0"), ExtendServerException.class);

        assertCommon(e);
        assertEquals(503, e.getStatusCode());
        assertEquals("INTERNAL_ERROR", e.getErrorCode());
        assertEquals("upstream unavailable", e.getErrorMessage());
        assertEquals("req_0Zx8Cv6Bn4Mm2Ll9Kk7J", e.getRequestId());
        assertTrue(e.isRetryable());
    }

    @Test
    void wrappedBodyDoesNotHideTheStatus() throws Exception {
        // the body speaks of an internal error, but the answer is a 400: the status decides the type
        FAKE.enqueue(Reply.json(400, fixture("error-wrapped.json")));

        ExtendApiException e = exactFailure(send("getRun", "maxRetries=2"), ExtendApiException.class);

        assertCommon(e);
        assertEquals(400, e.getStatusCode());
        assertEquals("INTERNAL_ERROR", e.getErrorCode());
        assertTrue(e.isRetryable(), "the body's own retryable flag wins over the status");
        assertEquals(1, FAKE.requestCount(), "the retry decision follows the status, not the body");
    }

    @Test
    void legacyBodyIsDecoded() throws Exception {
        FAKE.enqueue(Reply.json(404, fixture("error-legacy-2025.json")));

        ExtendNotFoundException e = exactFailure(send("getRun", ""), ExtendNotFoundException.class);

        assertCommon(e);
        assertEquals(404, e.getStatusCode());
        assertNull(e.getErrorCode());
        assertEquals("Workflow run not found", e.getErrorMessage());
        assertNull(e.getRequestId());
        assertFalse(e.isRetryable());
    }

    @Test
    void plainTextBodyBecomesTheMessage() throws Exception {
        FAKE.enqueue(Reply.text(502, "Bad Gateway: upstream connect error"));

        ExtendServerException e = exactFailure(send("getRun", "maxRetries=0"), ExtendServerException.class);

        assertCommon(e);
        assertEquals(502, e.getStatusCode());
        assertNull(e.getErrorCode());
        assertEquals("Bad Gateway: upstream connect error", e.getErrorMessage());
        assertEquals("Bad Gateway: upstream connect error", e.getResponseBody());
        assertEquals("text/plain", header(e.getResponseHeaders(), "Content-Type"));
        assertTrue(e.isRetryable(), "no flag in the body: a 5xx is retryable");
    }

    @Test
    void htmlBodyOnNotFoundKeepsTheStatus() throws Exception {
        FAKE.enqueue(new Reply(404, "<html><body>404 Not Found</body></html>", java.util.Map.of("Content-Type",
                "text/html"), 0, Reply.Mode.ANSWER));

        ExtendNotFoundException e = exactFailure(send("getRun", ""), ExtendNotFoundException.class);

        assertCommon(e);
        assertEquals(404, e.getStatusCode());
        assertNull(e.getErrorCode());
        assertEquals("<html><body>404 Not Found</body></html>", e.getErrorMessage());
    }

    @ParameterizedTest(name = "empty {0} on {1}")
    @CsvSource({
            "400, getRun,    dev.camelextend.ExtendApiException,            false",
            "401, cancelRun, dev.camelextend.ExtendAuthenticationException, false",
            "404, getRun,    dev.camelextend.ExtendNotFoundException,       false",
            "429, getRun,    dev.camelextend.ExtendRateLimitException,      true",
            "500, cancelRun, dev.camelextend.ExtendServerException,         true",
            "503, getRun,    dev.camelextend.ExtendServerException,         true" })
    void emptyBodyKeepsTheStatus(int status, String operation, String type, boolean retryable) throws Exception {
        FAKE.enqueue(Reply.json(status, ""));

        ExtendApiException e = exactFailure(send(operation, "maxRetries=0"),
                Class.forName(type).asSubclass(ExtendApiException.class));

        assertCommon(e);
        assertEquals(status, e.getStatusCode());
        assertNull(e.getErrorCode());
        assertNull(e.getErrorMessage());
        assertTrue(e.getResponseBody() == null || e.getResponseBody().isEmpty(), e.getResponseBody());
        assertEquals(retryable, e.isRetryable(), "without a body, isRetryable() falls back to the status");
        assertEquals(1, FAKE.requestCount());
    }

    @ParameterizedTest(name = "{0} with retryable={1} -> isRetryable {2}")
    @CsvSource({
            // the body's flag wins, in both directions
            "500, false, false",
            "503, false, false",
            "429, false, false",
            "400, true,  true",
            "404, true,  true",
            // no flag: the status decides (408, 429 and 5xx are retryable)
            "408,      , true",
            "429,      , true",
            "500,      , true",
            "400,      , false",
            "401,      , false",
            "404,      , false" })
    void isRetryableFollowsTheBodyFlagElseTheStatus(int status, Boolean flag, boolean expected) throws Exception {
        FAKE.enqueue(Reply.json(status, dev.camelextend.support.ExtendTestKit.error("SOME_CODE", "some message", flag,
                "req_r")));

        ExtendApiException e = failure(send("getRun", "maxRetries=0"), ExtendApiException.class);

        assertCommon(e);
        assertEquals(status, e.getStatusCode());
        assertEquals("SOME_CODE", e.getErrorCode());
        assertEquals(expected, e.isRetryable());
    }

    @Test
    void hugeErrorBodyIsTruncated() throws Exception {
        String huge = "x".repeat(200_000);
        FAKE.enqueue(Reply.text(400, huge));

        ExtendApiException e = exactFailure(send("getRun", ""), ExtendApiException.class);

        assertCommon(e);
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getResponseBody().startsWith("xxxxxxxxxx"));
        assertTrue(e.getResponseBody().length() <= 8 * 1024,
                "response body kept in the exception should be a few KB, was " + e.getResponseBody().length());
        assertTrue(e.getErrorMessage().length() <= 1024,
                "a text error message should be short, was " + e.getErrorMessage().length());
        assertTrue(e.getMessage().length() <= 8 * 1024, "exception message length " + e.getMessage().length());
    }
}
