package dev.camelextend.client;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelextend.model.ExtendJson;
import dev.camelextend.support.FakeExtendServer;
import dev.camelextend.support.VirtualScheduler;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

import static dev.camelextend.support.ExtendTestKit.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of one call - retry, backoff, {@code Retry-After}, the cancel-refusal check - in virtual time: canned
 * answers instead of a socket, a scheduler that runs only when the test moves its clock. No sleep, no timing slack:
 * "not yet" and "now" are exact.
 */
class CallRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final VirtualScheduler scheduler = new VirtualScheduler();
    final Scripted sending = new Scripted();

    private ExtendClient client(ExtendClientSettings.Builder settings) {
        return new ExtendClient(settings.baseUrl("https://api.extend.test").apiKey("sk_rules").build(), sending,
                new ClientTime(scheduler, scheduler::nanoTime, Clock.fixed(NOW, ZoneOffset.UTC)), ExtendJson.newObjectMapper());
    }

    private ExtendClient client() {
        return client(ExtendClientSettings.builder().maxRetries(2).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(30)).maxRetryAfter(Duration.ofSeconds(60)));
    }

    private static RawResponse answer(int status, String body, String... headers) {
        BasicHttpResponse head = new BasicHttpResponse(status);
        for (int i = 0; i < headers.length; i += 2) {
            head.addHeader(headers[i], headers[i + 1]);
        }
        return new RawResponse(head, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawResponse run(String status) {
        String json = FakeExtendServer.fixture("workflow-run-processing.json")
                .replace("workflow_run_Pq7aWm2Zx9Rt_Lk4Nb8Vc", RUN);
        return answer(200, json.replace("\"status\": \"PROCESSING\"", "\"status\": \"" + status + "\""));
    }

    private static ExtendCallFailure failure(CompletableFuture<ExtendResponse> call) {
        assertTrue(call.isCompletedExceptionally(), "the call failed");
        try {
            call.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return assertInstanceOf(ExtendCallFailure.class, e.getCause());
        }
    }

    @Test
    void a503IsRetriedAfterTheBackoffAndNotBefore() {
        sending.then(answer(503, "{\"code\":\"UNAVAILABLE\"}"), run("PROCESSING"));
        CompletableFuture<ExtendResponse> call = client().getRun(RUN, null);

        scheduler.advance(Duration.ofMillis(749)); // the jitter spreads the first backoff over 750-1250 ms
        assertFalse(call.isDone(), "no retry before three quarters of retryInitialDelay");
        scheduler.advance(Duration.ofMillis(502));

        assertEquals(2, call.join().attempts());
        assertEquals(List.of("GET https://api.extend.test/workflow_runs/" + RUN,
                "GET https://api.extend.test/workflow_runs/" + RUN), sending.sent);
    }

    @Test
    void retryAfterSecondsIsWaitedExactly() {
        sending.then(answer(429, "{}", "Retry-After", "7"), run("PROCESSING"));
        CompletableFuture<ExtendResponse> call = client().getRun(RUN, null);

        scheduler.advance(Duration.ofMillis(6_999));
        assertFalse(call.isDone());
        scheduler.advance(Duration.ofMillis(1));

        assertEquals(2, call.join().attempts());
        assertEquals(List.of(Duration.ofSeconds(7)), sending.pauses, "the account is paused for the same delay");
    }

    @Test
    void a429PausesTheCategoryOfTheRequestThatWasRefused() {
        sending.then(answer(429, "{}", "Retry-After", "3"), run("CANCELLED"));
        CompletableFuture<ExtendResponse> cancel = client().cancelRun(RUN, null);
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(2, cancel.join().attempts());
        assertEquals(List.of(Method.POST), sending.pausedMethods, "a refused cancel pauses writes");
        assertEquals(List.of(Duration.ofSeconds(3)), sending.pauses);

        sending.then(answer(429, "{}", "Retry-After", "3"), run("PROCESSING"));
        CompletableFuture<ExtendResponse> read = client().getRun(RUN, null);
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(2, read.join().attempts());
        assertEquals(List.of(Method.GET), sending.pausedMethods, "a refused read pauses reads");
    }

    @Test
    void retryAfterAsAnHttpDateCountsFromTheClock() {
        sending.then(answer(503, "{}", "Retry-After", "Tue, 01 Dec 2026 12:00:03 GMT"), run("PROCESSING"));
        CompletableFuture<ExtendResponse> call = client().getRun(RUN, null);

        scheduler.advance(Duration.ofMillis(2_999));
        assertFalse(call.isDone());
        scheduler.advance(Duration.ofMillis(1));

        assertTrue(call.isDone() && !call.isCompletedExceptionally());
    }

    @Test
    void aRetryAfterAboveMaxRetryAfterFailsAtOnceAndPausesTheAccountForAtMostTheCap() {
        sending.then(answer(429, "{}", "Retry-After", "3600"));
        CompletableFuture<ExtendResponse> call = client().getRun(RUN, null);

        ExtendCallFailure f = failure(call);
        assertEquals(ExtendCallFailure.Kind.HTTP_STATUS, f.getKind());
        assertEquals(Duration.ofHours(1), f.getAnswer().retryAfter(), "the exception tells what Extend asked for");
        assertEquals(List.of(Duration.ofSeconds(60)), sending.pauses);
        assertEquals(0, scheduler.pending(), "nothing is scheduled: the call is over");
    }

    @Test
    void afterTheLastRetryTheLastAnswerStands() {
        sending.then(answer(500, "{}"), answer(502, "{}"), answer(429, "{}"));
        CompletableFuture<ExtendResponse> call = client().getRun(RUN, null);

        scheduler.advance(Duration.ofMinutes(5));

        ExtendCallFailure f = failure(call);
        assertEquals(429, f.getAnswer().statusCode(), "the type of the last answer, not the first");
        assertEquals(3, f.getAttempts());
    }

    @Test
    void backoffDoublesUpToItsCap() {
        ExtendClient capped = client(ExtendClientSettings.builder().maxRetries(3).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofMillis(1_500)));
        sending.then(answer(503, "{}"), answer(503, "{}"), answer(503, "{}"), run("PROCESSING"));
        capped.getRun(RUN, null);

        scheduler.advance(Duration.ofMinutes(1));

        List<Long> gaps = sending.gapsMillis();
        assertEquals(3, gaps.size(), gaps::toString);
        assertTrue(gaps.get(0) >= 750 && gaps.get(0) <= 1_250, "first: 1 s ± 25 %: " + gaps);
        assertTrue(gaps.get(1) >= 1_125 && gaps.get(1) <= 1_875, "second: 2 s capped to 1.5 s, ± 25 %: " + gaps);
        assertTrue(gaps.get(2) >= 1_125 && gaps.get(2) <= 1_875, "third: still the cap: " + gaps);
    }

    @Test
    void aRefusedCancelOfAFinishedRunIsCancelNotAllowedWithTheRunAsItIsNow() {
        sending.then(answer(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"cannot cancel\"}"), run("PROCESSED"));
        CompletableFuture<ExtendResponse> call = client().cancelRun(RUN, null);

        ExtendCallFailure f = failure(call);
        assertEquals(ExtendCallFailure.Kind.CANCEL_NOT_ALLOWED, f.getKind());
        assertEquals("PROCESSED", f.getCurrentRun().getRawStatus());
        assertEquals("INVALID_REQUEST", f.getAnswer().errorCode(), "the refusal's own answer is kept");
        assertEquals(List.of("POST https://api.extend.test/workflow_runs/" + RUN + "/cancel",
                "GET https://api.extend.test/workflow_runs/" + RUN), sending.sent);
    }

    @Test
    void aRefusalOfARunStillProcessingStandsAsItCame() {
        sending.then(answer(409, "{\"code\":\"CONFLICT\"}"), run("PROCESSING"));

        ExtendCallFailure f = failure(client().cancelRun(RUN, null));

        assertEquals(ExtendCallFailure.Kind.HTTP_STATUS, f.getKind());
        assertEquals(409, f.getAnswer().statusCode());
    }

    @Test
    void aRefusalAfterAnAttemptThatMayHaveReachedExtendIsTheCancelThatSucceeded() {
        // the first attempt's answer was lost (it may have cancelled the run); the retry is refused: already CANCELLED
        sending.then(new SocketException("Connection reset"), answer(400, "{\"code\":\"INVALID_REQUEST\"}"),
                run("CANCELLED"));
        CompletableFuture<ExtendResponse> call = client().cancelRun(RUN, null);

        scheduler.advance(Duration.ofSeconds(2));

        assertEquals("CANCELLED", call.join().run().getRawStatus());
    }

    @Test
    void aRefusalOfARunCancelledByOthersIsNotASuccessUnlessAskedFor() {
        sending.then(answer(400, "{}"), run("CANCELLED"));
        assertEquals(ExtendCallFailure.Kind.CANCEL_NOT_ALLOWED, failure(client().cancelRun(RUN, null)).getKind());

        sending.then(answer(400, "{}"), run("CANCELLED"));
        ExtendClient idempotent = client(ExtendClientSettings.builder().alreadyCancelledIsSuccess(true));
        assertEquals("CANCELLED", idempotent.cancelRun(RUN, null).join().run().getRawStatus());
    }

    @Test
    void aGetIsNeverTreatedAsARefusal() {
        sending.then(answer(400, "{\"code\":\"INVALID_REQUEST\"}"));

        ExtendCallFailure f = failure(client().getRun(RUN, null));

        assertEquals(ExtendCallFailure.Kind.HTTP_STATUS, f.getKind());
        assertEquals(1, sending.sent.size(), "no confirming GET for a GET");
    }

    @Test
    void closeEndsAWaitingRetryAndNothingMoreIsSent() {
        sending.then(answer(503, "{}"), run("PROCESSING"));
        ExtendClient c = client();
        CompletableFuture<ExtendResponse> call = c.getRun(RUN, null);

        c.close();
        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(ExtendCallFailure.Kind.CONNECTION, failure(call).getKind());
        assertEquals(1, sending.sent.size());
        assertTrue(sending.closed);
    }

    /* -- webhook management calls -- */

    private static final String ENDPOINT_JSON = "{\"object\":\"webhook_endpoint\",\"id\":\"wh_Rk2mQ9\","
            + "\"url\":\"https://hooks.example.com/extend\",\"name\":\"camel-extend\",\"status\":\"enabled\","
            + "\"enabledEvents\":[],\"apiVersion\":\"2026-02-09\",\"signingSecret\":\"wss_live_Zq81Xk\","
            + "\"createdAt\":\"2026-12-01T12:00:00Z\"}";

    private static String subscriptionJson(String id, String workflowId) {
        return "{\"object\":\"webhook_subscription\",\"id\":\"" + id + "\",\"webhookEndpointId\":\"wh_Rk2mQ9\","
               + "\"resourceType\":\"workflow\",\"resourceId\":\"" + workflowId + "\","
               + "\"enabledEvents\":[\"workflow_run.cancelled\"]}";
    }

    @Test
    void anEndpointIsCreatedPinnedToTheClientsApiVersionAndItsSecretIsKeptOutOfItsJsonAndToString() throws Exception {
        sending.then(answer(200, ENDPOINT_JSON));

        ExtendResponse created = client().createWebhookEndpoint("https://hooks.example.com/extend", "camel-extend",
                List.of(), null).join();

        assertEquals(List.of("POST https://api.extend.test/webhook_endpoints"), sending.sent);
        assertEquals("{\"url\":\"https://hooks.example.com/extend\",\"name\":\"camel-extend\",\"enabledEvents\":[],"
                     + "\"apiVersion\":\"" + ExtendDefaults.API_VERSION + "\"}", sending.bodies.get(0));
        dev.camelextend.model.WebhookEndpoint endpoint = assertInstanceOf(dev.camelextend.model.WebhookEndpoint.class,
                created.webhook());
        assertEquals("wss_live_Zq81Xk", endpoint.getSigningSecret());
        assertFalse(endpoint.toString().contains("wss_live_Zq81Xk"), endpoint.toString());
        assertFalse(ExtendJson.newObjectMapper().writeValueAsString(endpoint).contains("wss_live"));
        java.io.ByteArrayOutputStream serialized = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(serialized)) {
            out.writeObject(endpoint); // as a JMS ObjectMessage would carry the body
        }
        assertFalse(serialized.toString(StandardCharsets.ISO_8859_1).contains("Zq81Xk"), "Java serialization");
    }

    @Test
    void anEndpointCreationIsNotSentAgainAfterA503ButIsAfterA429() {
        sending.then(answer(503, "{\"code\":\"UNAVAILABLE\"}"));
        ExtendCallFailure once = failure(client().createWebhookEndpoint("https://hooks.example.com/extend", "n",
                List.of(), null));
        assertEquals(1, sending.sent.size(), "a second endpoint, with a secret of its own, could be made");
        assertTrue(once.getMessage().contains("Not sent again"), once.getMessage());

        sending.then(answer(429, "{}", "Retry-After", "1"), answer(200, ENDPOINT_JSON));
        CompletableFuture<ExtendResponse> retried = client().createWebhookEndpoint("https://hooks.example.com/extend",
                "n", List.of(), null);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, retried.join().attempts(), "a 429 is refused before any work: asking again is safe");
    }

    @Test
    void anEndpointCreationWhoseAnswerWasLostIsNotSentAgain() {
        sending.then(new java.util.concurrent.TimeoutException("no complete answer"));
        ExtendCallFailure lost = failure(client().createWebhookEndpoint("https://hooks.example.com/extend", "n",
                List.of(), null));
        assertEquals(1, sending.sent.size());
        assertTrue(lost.getMessage().contains("list before asking again"), lost.getMessage());
    }

    @Test
    void aSubscriptionUpsertIsRetriedAfterA503() {
        sending.then(answer(503, "{}"), answer(200, subscriptionJson("whes_1", "workflow_abc")));
        CompletableFuture<ExtendResponse> call = client().subscribeWorkflow("wh_Rk2mQ9", "workflow_abc",
                List.of("workflow_run.cancelled"), null);
        scheduler.advance(Duration.ofSeconds(2));

        assertEquals(2, call.join().attempts());
        assertEquals("{\"webhookEndpointId\":\"wh_Rk2mQ9\",\"resourceType\":\"workflow\",\"resourceId\":"
                     + "\"workflow_abc\",\"enabledEvents\":[\"workflow_run.cancelled\"]}", sending.bodies.get(1));
        assertEquals(sending.bodies.get(0), sending.bodies.get(1), "a retry asks exactly what the first attempt asked");
    }

    @Test
    void aDeleteWhoseFirstAnswerWasLostCountsTheRetrysNotFoundAsDeleted() {
        sending.then(new java.util.concurrent.TimeoutException("no complete answer"), answer(404, "{\"code\":\"NOT_FOUND\"}"));
        CompletableFuture<ExtendResponse> call = client().deleteWebhookSubscription("whes_1", null);
        scheduler.advance(Duration.ofSeconds(2));

        assertEquals("whes_1", call.join().webhook());
        assertEquals(List.of("DELETE https://api.extend.test/webhook_subscriptions/whes_1",
                "DELETE https://api.extend.test/webhook_subscriptions/whes_1"), sending.sent);

        sending.then(answer(404, "{\"code\":\"NOT_FOUND\"}"));
        assertEquals(404, failure(client().deleteWebhookSubscription("whes_1", null)).getAnswer().statusCode(),
                "a first answer of 404 is what it says");
    }

    @Test
    void aDeleteAnsweredForAnotherObjectIsAnInvalidResponse() {
        sending.then(answer(200, "{\"id\":\"wh_other\"}"));
        assertEquals(ExtendCallFailure.Kind.INVALID_RESPONSE,
                failure(client().deleteWebhookEndpoint("wh_Rk2mQ9", null)).getKind());
    }

    @Test
    void everyPageOfAListingIsGatheredAndAPageNamingItselfEndsIt() {
        String page1 = "{\"object\":\"list\",\"data\":[" + subscriptionJson("whes_1", "workflow_a")
                       + "],\"nextPageToken\":\"t2\"}";
        String page2 = "{\"object\":\"list\",\"data\":[" + subscriptionJson("whes_2", "workflow_b") + "]}";
        sending.then(answer(200, page1), answer(200, page2));
        ExtendResponse all = client().listAllWebhookSubscriptions("wh_Rk2mQ9", null, 1, null).join();

        List<?> items = assertInstanceOf(List.class, all.webhook());
        assertEquals(List.of("whes_1", "whes_2"), items.stream()
                .map(i -> ((dev.camelextend.model.WebhookSubscription) i).getId()).toList());
        assertEquals(List.of("GET https://api.extend.test/webhook_subscriptions?webhookEndpointId=wh_Rk2mQ9&maxPageSize=1",
                "GET https://api.extend.test/webhook_subscriptions?webhookEndpointId=wh_Rk2mQ9&maxPageSize=1"
                + "&nextPageToken=t2"), sending.sent);
        assertEquals(2, all.attempts());

        String loop = "{\"object\":\"list\",\"data\":[],\"nextPageToken\":\"t2\"}";
        sending.then(answer(200, page1), answer(200, loop));
        ExtendCallFailure endless = failure(client().listAllWebhookSubscriptions(null, null, 1, null));
        assertTrue(endless.getMessage().contains("named itself"), endless.getMessage());
    }

    @Test
    void aListingThatNeverEndsIsCutAfterTheLastPageFollowed() {
        Object[] pages = new Object[WebhookLists.MAX_PAGES + 1];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = answer(200, "{\"object\":\"list\",\"data\":[],\"nextPageToken\":\"t" + i + "\"}");
        }
        sending.then(pages);
        ExtendCallFailure endless = failure(client().listAllWebhookEndpoints(10, null));

        assertEquals(WebhookLists.MAX_PAGES, sending.sent.size(), "no page asked for past the bound");
        assertTrue(endless.getMessage().contains("more than " + WebhookLists.MAX_PAGES + " pages"),
                endless.getMessage());
    }

    @Test
    void aListedSubscriptionWhoseIdIsNoPathSegmentIsRefused() {
        sending.then(answer(200, "{\"object\":\"list\",\"data\":[" + subscriptionJson("../../workflow_runs", "w")
                                 + "]}"));
        assertEquals(ExtendCallFailure.Kind.INVALID_RESPONSE,
                failure(client().listAllWebhookSubscriptions(null, null, 10, null)).getKind());
    }

    @Test
    void aMalformedCreationAnswerQuotesNoSigningSecret() {
        sending.then(answer(200, "{\"object\":\"webhook_endpoint\",\"signingSecret\":\"wss_live_Zq81Xk\", oops"));
        ExtendCallFailure bad = failure(client().createWebhookEndpoint("https://hooks.example.com/extend", "n",
                List.of(), null));
        assertEquals(ExtendCallFailure.Kind.INVALID_RESPONSE, bad.getKind());
        assertFalse(bad.getMessage().contains("Zq81Xk"), bad.getMessage());
        assertFalse(bad.getAnswer().body().contains("Zq81Xk"), bad.getAnswer().body());
        assertTrue(bad.getMessage().contains("wss_***"), bad.getMessage());
    }

    @Test
    void idsAndUrlsThatCannotBeSentAreRefusedBeforeAnything() {
        ExtendClient c = client();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.deleteWebhookEndpoint("wh_1/../../x", null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.createWebhookEndpoint("ftp://hooks.example.com", "n", List.of(), null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.subscribeWorkflow("wh_1", "workflow_a", List.of(), null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.subscribeWorkflow("wh_1", "workflow_a", List.of("workflow_run.cancelled\r\nX: y"), null));
        assertTrue(sending.sent.isEmpty());
    }

    /** Canned answers in order; records what was sent and when (virtual time). */
    final class Scripted implements Sending {
        final Deque<Object> script = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();
        /** The JSON body of each request sent, or null for one without. */
        final List<String> bodies = new ArrayList<>();
        final List<Long> sentAtNanos = new ArrayList<>();
        final List<Duration> pauses = new ArrayList<>();
        /** The method of the refused request of each pause: it decides the category paused. */
        final List<Method> pausedMethods = new ArrayList<>();
        boolean closed;

        void then(Object... answers) {
            script.clear();
            sent.clear();
            bodies.clear();
            sentAtNanos.clear();
            pauses.clear();
            pausedMethods.clear();
            for (Object a : answers) {
                script.add(a);
            }
        }

        List<Long> gapsMillis() {
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < sentAtNanos.size(); i++) {
                gaps.add((sentAtNanos.get(i) - sentAtNanos.get(i - 1)) / 1_000_000);
            }
            return gaps;
        }

        @Override
        public CompletableFuture<RawResponse> send(ApiRequest request, long budgetEnds) {
            Method method = request.method();
            String url = request.url();
            sent.add(method + " " + url);
            bodies.add(request.jsonBody() == null ? null : new String(request.jsonBody(), StandardCharsets.UTF_8));
            sentAtNanos.add(scheduler.nanoTime());
            Object next = script.poll();
            if (next == null) {
                return CompletableFuture.failedFuture(new IOException("the script has no answer for " + url));
            }
            return next instanceof Throwable t ? CompletableFuture.failedFuture(t)
                    : CompletableFuture.completedFuture((RawResponse) next);
        }

        @Override
        public void pauseFor(Method method, Duration retryAfter, Duration cap) {
            pausedMethods.add(method);
            pauses.add(retryAfter.compareTo(cap) <= 0 ? retryAfter : cap);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
