package dev.camelextend;

import java.util.List;

import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.FakeExtendServer.Recorded;
import dev.camelextend.support.FakeExtendServer.Reply;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static dev.camelextend.support.ExtendTestKit.error;
import static dev.camelextend.support.ExtendTestKit.exactFailure;
import static dev.camelextend.support.ExtendTestKit.route;
import static dev.camelextend.support.ExtendTestKit.run;
import static dev.camelextend.support.FakeExtendServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cancel-not-allowed rule of design.md section 2, and the idempotent-cancel rule of the retries. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fail, never hang
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one Camel context for the class: each test adds its own route
class CancelNotAllowedTest extends CamelTestSupport {

    @RegisterExtension // reset before each test, stopped after the class
    static final FakeExtendServer FAKE = new FakeExtendServer();
    static final String KEY = "sk_test_cancel_not_allowed_key";
    static final String NOT_ALLOWED = error("INVALID_REQUEST", "Workflow run cannot be cancelled in its current status",
            false, "req_refusal_body");

    @BeforeEach
    void resetFake() {
        FAKE.otherwise(r -> Reply.json(418, "{\"code\":\"TEST_BUG\",\"message\":\"no scripted reply\"}"));
    }

    private Exchange cancel(String options) throws Exception {
        String from = route(context, "extend:cancelRun?baseUrl=" + FAKE.baseUrl() + "&apiKey=" + KEY
                                     + "&retryInitialDelay=10&retryMaxDelay=20" + (options.isEmpty() ? "" : "&" + options));
        return template.request(from, e -> e.getIn().setBody(RUN));
    }

    private static Reply refusal(int status) {
        return Reply.json(status, NOT_ALLOWED).withHeader("x-extend-request-id", "req_refusal_hdr");
    }

    private static Reply current(String status) {
        return Reply.json(200, run(status)).withHeader("x-extend-request-id", "req_get_hdr");
    }

    private static void assertMethods(String... methodsThenPaths) {
        List<Recorded> requests = FAKE.requests();
        assertEquals(methodsThenPaths.length, requests.size(), "requests: " + describe(requests));
        for (int i = 0; i < methodsThenPaths.length; i++) {
            String expected = methodsThenPaths[i];
            String path = expected.startsWith("POST") ? "/workflow_runs/" + RUN + "/cancel" : "/workflow_runs/" + RUN;
            assertEquals(expected, requests.get(i).method(), "request " + (i + 1));
            assertEquals(path, requests.get(i).rawPath(), "request " + (i + 1));
        }
    }

    private static String describe(List<Recorded> requests) {
        return requests.stream().map(r -> r.method() + " " + r.rawPath()).toList().toString();
    }

    @ParameterizedTest(name = "HTTP {0} refusal of a PROCESSED run")
    @ValueSource(ints = { 409, 400, 422 })
    void refusalOfAFinishedRunIsCancelNotAllowed(int status) throws Exception {
        FAKE.enqueue(refusal(status), current("PROCESSED"));

        Exchange out = cancel("");

        ExtendCancelNotAllowedException e = exactFailure(out, ExtendCancelNotAllowedException.class);
        assertEquals(RUN, e.getRunId());
        assertEquals(WorkflowRunStatus.PROCESSED, e.getRunStatus());
        assertNotNull(e.getRun());
        assertEquals(RUN, e.getRun().getId());
        assertEquals(WorkflowRunStatus.PROCESSED, e.getRun().getStatus());
        // what the refusal said is kept, not replaced by the confirming GET
        assertEquals(status, e.getStatusCode());
        assertEquals(status, e.getHttpResponseCode());
        assertEquals("INVALID_REQUEST", e.getErrorCode());
        assertEquals("Workflow run cannot be cancelled in its current status", e.getErrorMessage());
        assertEquals("req_refusal_hdr", e.getRequestId());
        assertEquals(NOT_ALLOWED, e.getResponseBody());
        assertMethods("POST", "GET");
    }

    @ParameterizedTest(name = "refusal of a {0} run")
    @ValueSource(strings = { "FAILED", "NEEDS_REVIEW", "REJECTED" })
    void otherFinishedStatusesAreCancelNotAllowed(String status) throws Exception {
        FAKE.enqueue(refusal(400), current(status));

        ExtendCancelNotAllowedException e = exactFailure(cancel("alreadyCancelledIsSuccess=true"),
                ExtendCancelNotAllowedException.class);

        assertEquals(WorkflowRunStatus.valueOf(status), e.getRunStatus());
        assertMethods("POST", "GET");
    }

    @Test
    void refusalRequestIdFromBodyWhenNoHeader() throws Exception {
        FAKE.enqueue(Reply.json(409, NOT_ALLOWED), current("PROCESSED"));

        ExtendCancelNotAllowedException e = exactFailure(cancel(""), ExtendCancelNotAllowedException.class);

        assertEquals("req_refusal_body", e.getRequestId());
    }

    @ParameterizedTest(name = "HTTP {0} while the run is {1}")
    @CsvSource({ "400, PROCESSING", "400, PENDING", "422, PROCESSING", "409, PENDING" })
    void refusalOfACancellableRunKeepsTheOriginalError(int status, String runStatus) throws Exception {
        FAKE.enqueue(Reply.json(status, fixture("error-invalid-request.json")), current(runStatus));

        ExtendApiException e = exactFailure(cancel(""), ExtendApiException.class);

        assertEquals(status, e.getStatusCode());
        assertEquals("INVALID_REQUEST", e.getErrorCode());
        assertEquals("req_Xj8mK2pL9nR4vT7qY5wZ", e.getRequestId());
        assertEquals(RUN, e.getRunId());
        assertMethods("POST", "GET");
    }

    @ParameterizedTest(name = "confirming GET answers {0}")
    @ValueSource(ints = { 500, 404, 401 })
    void failingConfirmationKeepsTheOriginalError(int getStatus) throws Exception {
        FAKE.enqueue(refusal(409), Reply.json(getStatus, fixture("error-internal.json")));

        ExtendApiException e = exactFailure(cancel("maxRetries=2"), ExtendApiException.class);

        assertEquals(409, e.getStatusCode());
        assertEquals("INVALID_REQUEST", e.getErrorCode());
        assertEquals("Workflow run cannot be cancelled in its current status", e.getErrorMessage());
        assertEquals("req_refusal_hdr", e.getRequestId());
        if (getStatus >= 500) {
            // a failing confirmation is retried (the fake then answers 418, a definite answer); the cancel is not
            assertMethods("POST", "GET", "GET");
        } else {
            assertMethods("POST", "GET"); // a definite 4xx answer to the GET is final
        }
    }

    @Test
    void aTransientConfirmationFailureIsRetriedSoTheRefusalIsStillConfirmed() throws Exception {
        FAKE.enqueue(refusal(400), Reply.json(503, fixture("error-internal.json")), current("PROCESSED"));

        ExtendCancelNotAllowedException e = exactFailure(cancel("maxRetries=2"),
                ExtendCancelNotAllowedException.class);

        assertEquals(WorkflowRunStatus.PROCESSED, e.getRunStatus());
        assertEquals(400, e.getStatusCode());
        assertMethods("POST", "GET", "GET");
    }

    @Test
    void confirmationThatDropsTheConnectionKeepsTheOriginalError() throws Exception {
        FAKE.enqueue(refusal(400), Reply.dropConnection());

        ExtendApiException e = exactFailure(cancel(""), ExtendApiException.class);

        assertEquals(400, e.getStatusCode());
        assertEquals("req_refusal_hdr", e.getRequestId());
        assertMethods("POST", "GET", "GET"); // the dropped GET is retried; the fake then answers 418
    }

    @Test
    void silentConfirmationIsBoundedAndKeepsTheOriginalError() throws Exception {
        FAKE.enqueue(refusal(409), Reply.neverAnswer());

        long start = System.nanoTime();
        Exchange out = cancel("requestTimeout=500");
        long elapsed = java.time.Duration.ofNanos(System.nanoTime() - start).toMillis();

        ExtendApiException e = exactFailure(out, ExtendApiException.class);
        assertEquals(409, e.getStatusCode());
        assertEquals("req_refusal_hdr", e.getRequestId());
        assertMethods("POST", "GET", "GET"); // the silent GET times out and is retried; the fake answers 418
        assertTrue(elapsed < 5_000, "the confirming GET must be bounded by requestTimeout, took " + elapsed);
    }

    @Test
    void confirmationWithAnUnreadableRunKeepsTheOriginalError() throws Exception {
        FAKE.enqueue(refusal(409), Reply.json(200, "{\"not\":\"a run\"}"));

        ExtendApiException e = exactFailure(cancel(""), ExtendApiException.class);

        assertEquals(409, e.getStatusCode());
        assertMethods("POST", "GET");
    }

    @ParameterizedTest(name = "alreadyCancelledIsSuccess with a {0} run")
    @ValueSource(strings = { "CANCELLED", "CANCELLING" })
    void alreadyCancelledIsSuccessReturnsTheRun(String status) throws Exception {
        FAKE.enqueue(refusal(400), current(status));

        Exchange out = cancel("alreadyCancelledIsSuccess=true");

        assertNull(out.getException());
        WorkflowRun run = out.getMessage().getBody(WorkflowRun.class);
        assertNotNull(run);
        assertEquals(RUN, run.getId());
        assertEquals(WorkflowRunStatus.valueOf(status), run.getStatus());
        assertEquals(RUN, out.getMessage().getBody(dev.camelextend.model.WorkflowRun.class).getId());
        assertEquals(status, out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        assertEquals(1, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
        assertMethods("POST", "GET");
    }

    @ParameterizedTest(name = "alreadyCancelledIsSuccess=false with a {0} run")
    @ValueSource(strings = { "CANCELLED", "CANCELLING" })
    void alreadyCancelledIsAnErrorByDefault(String status) throws Exception {
        FAKE.enqueue(refusal(409), current(status));

        ExtendCancelNotAllowedException e = exactFailure(cancel("alreadyCancelledIsSuccess=false"),
                ExtendCancelNotAllowedException.class);

        assertEquals(WorkflowRunStatus.valueOf(status), e.getRunStatus());
        assertEquals(409, e.getStatusCode());
        assertMethods("POST", "GET");
    }

    @Test
    void cancelThatMayHaveLandedBeforeADroppedConnectionSucceeds() throws Exception {
        // attempt 1 reaches Extend (the request is read), then the connection is reset without an answer;
        // attempt 2 is refused because the run is already cancelled - by attempt 1
        FAKE.enqueue(Reply.dropConnection(), refusal(400), current("CANCELLED"));

        Exchange out = cancel("maxRetries=2");

        assertNull(out.getException(), () -> "expected success but got " + out.getException());
        WorkflowRun run = out.getMessage().getBody(WorkflowRun.class);
        assertEquals(RUN, run.getId());
        assertEquals(WorkflowRunStatus.CANCELLED, run.getStatus());
        assertEquals("CANCELLED", out.getMessage().getHeader(ExtendConstants.RUN_STATUS));
        assertEquals(2, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
        assertMethods("POST", "POST", "GET");
    }

    @Test
    void cancelThatMayHaveLandedBeforeA500Succeeds() throws Exception {
        FAKE.enqueue(Reply.json(500, fixture("error-internal.json")), refusal(409), current("CANCELLING"));

        Exchange out = cancel("maxRetries=2");

        assertNull(out.getException(), () -> "expected success but got " + out.getException());
        assertEquals(WorkflowRunStatus.CANCELLING, out.getMessage().getBody(WorkflowRun.class).getStatus());
        assertEquals(2, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
        assertMethods("POST", "POST", "GET");
    }

    @Test
    void cancelThatMayHaveLandedBeforeATimeoutSucceeds() throws Exception {
        // attempt 1 was sent but never answered within requestTimeout: it may have cancelled the run
        FAKE.enqueue(Reply.neverAnswer(), refusal(400), current("CANCELLED"));

        Exchange out = cancel("maxRetries=1&requestTimeout=500");

        assertNull(out.getException(), () -> "expected success but got " + out.getException());
        assertEquals(WorkflowRunStatus.CANCELLED, out.getMessage().getBody(WorkflowRun.class).getStatus());
        assertEquals(2, out.getMessage().getHeader(ExtendConstants.ATTEMPTS));
        assertMethods("POST", "POST", "GET");
    }

    @Test
    void earlierAttemptDoesNotTurnAFinishedRunIntoSuccess() throws Exception {
        // the rule is about CANCELLED/CANCELLING only: a PROCESSED run is still not allowed after a 500
        FAKE.enqueue(Reply.json(500, fixture("error-internal.json")), refusal(400), current("PROCESSED"));

        ExtendCancelNotAllowedException e = exactFailure(cancel("maxRetries=2"),
                ExtendCancelNotAllowedException.class);

        assertEquals(WorkflowRunStatus.PROCESSED, e.getRunStatus());
        assertEquals(400, e.getStatusCode());
        assertMethods("POST", "POST", "GET");
    }

    @Test
    void rateLimitedFirstAttemptNeverReachedExtend() throws Exception {
        // a 429 is refused before any work, so a later "not allowed" on a CANCELLED run was someone else's cancel
        FAKE.enqueue(Reply.json(429, fixture("error-rate-limited.json")), refusal(400), current("CANCELLED"));

        ExtendCancelNotAllowedException e = exactFailure(cancel("maxRetries=2"),
                ExtendCancelNotAllowedException.class);

        assertEquals(WorkflowRunStatus.CANCELLED, e.getRunStatus());
        assertMethods("POST", "POST", "GET");
    }
}
