package dev.camelextend;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.camelextend.model.ExtendWebhookEvent;
import dev.camelextend.model.StepRun;
import dev.camelextend.model.WorkflowRun;
import dev.camelextend.model.WorkflowRunStatus;
import dev.camelextend.support.WebhookTestKit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static dev.camelextend.support.WebhookTestKit.NEXT_SECRET;
import static dev.camelextend.support.WebhookTestKit.SECRET;
import static dev.camelextend.support.WebhookTestKit.envelope;
import static dev.camelextend.support.WebhookTestKit.now;
import static dev.camelextend.support.WebhookTestKit.post;
import static dev.camelextend.support.WebhookTestKit.sign;
import static dev.camelextend.support.WebhookTestKit.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("extend:webhook")} over HTTP, on platform-http's Vert.x engine: what each delivery, genuine or hostile, is
 * answered, and that nothing but a verified, well-formed delivery reaches the route (design.md section 2, Webhooks).
 * Deliveries are signed by the test's own HMAC ({@link WebhookTestKit#sign}).
 */
@EnabledIf(value = "dev.camelextend.support.WebhookTestKit#platformHttpEngine",
           disabledReason = "needs camel-platform-http-vertx on the class path")
class WebhookConsumerTest {

    static final String RUN_JSON = fixture("workflow-run-cancelled.json");
    static final String RUN_ID = "workflow_run_xKm9pNv3qWsY_jL2tR5Dh";

    static int port;
    static CamelContext context;
    static HttpServer storage;
    static volatile StorageReply storageReply;
    static final AtomicInteger storageHits = new AtomicInteger();
    static final AtomicInteger redirectTargetHits = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);
    static volatile CountDownLatch entered = new CountDownLatch(0);

    interface StorageReply {
        void reply(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    @BeforeAll
    static void start() throws Exception {
        storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        storage.createContext("/payload", exchange -> {
            storageHits.incrementAndGet();
            storageReply.reply(exchange);
        });
        storage.createContext("/elsewhere", exchange -> {
            redirectTargetHits.incrementAndGet();
            answer(exchange, 200, RUN_JSON);
        });
        storage.start();

        port = WebhookTestKit.freePort();
        context = WebhookTestKit.context(port);
        String secrets = SECRET + "," + NEXT_SECRET;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("extend:webhook?secret=" + secrets).routeId("hook").to("mock:events");
                from("extend:webhook?path=/small&maxBodySize=1024&secret=" + SECRET).to("mock:small");
                from("extend:webhook?path=/no-age&tolerance=0&secret=" + SECRET).to("mock:noage");
                from("extend:webhook?path=/fails&secret=" + SECRET).to("mock:fails")
                        .throwException(new IllegalStateException("the route failed on purpose"));
                from("extend:webhook?path=/handled&secret=" + SECRET)
                        .onException(IllegalStateException.class).handled(true).end()
                        .to("mock:handled").throwException(new IllegalStateException("handled by the route"));
                from("extend:webhook?path=/slow&responseTimeout=500&secret=" + SECRET)
                        .process(e -> release.await(10, TimeUnit.SECONDS)).to("mock:slow");
                from("extend:webhook?path=/one&maxConcurrentDeliveries=1&secret=" + SECRET)
                        .process(e -> {
                            entered.countDown();
                            release.await(10, TimeUnit.SECONDS);
                        }).to("mock:one");
                from("extend:webhook?path=/fetch&requestTimeout=2000&retryInitialDelay=50&secret=" + SECRET)
                        .to("mock:fetched");
            }
        });
        context.start();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        if (context != null) {
            context.stop();
        }
        if (storage != null) {
            storage.stop(0);
        }
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(context);
        storageHits.set(0);
        redirectTargetHits.set(0);
        storageReply = exchange -> answer(exchange, 200, RUN_JSON);
    }

    static MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    static byte[] delivery(String eventType, String payloadJson) {
        return envelope("evt_" + eventType.hashCode(), eventType, payloadJson).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cancelled() {
        return envelope("evt_cancelled_1", "workflow_run.cancelled", RUN_JSON).getBytes(StandardCharsets.UTF_8);
    }

    /* -- genuine deliveries -- */

    @Test
    void aSignedWorkflowRunEventReachesTheRouteTypedWithItsHeaders() throws Exception {
        HttpResponse<String> response = post(port, "/extend/webhook", signed(cancelled()), cancelled());

        assertEquals(200, response.statusCode(), response.body());
        Exchange got = mock("events").getExchanges().get(0);
        ExtendWebhookEvent event = got.getMessage().getBody(ExtendWebhookEvent.class);
        assertEquals("evt_cancelled_1", event.getEventId());
        assertEquals("workflow_run.cancelled", event.getEventType());
        WorkflowRun run = assertInstanceOf(WorkflowRun.class, event.getPayload());
        assertEquals(WorkflowRunStatus.CANCELLED, run.getStatus());
        assertEquals(RUN_ID, event.getRunId());
        Map<String, Object> headers = got.getMessage().getHeaders();
        assertEquals("workflow_run.cancelled", headers.get(ExtendConstants.WEBHOOK_EVENT_TYPE));
        assertEquals("evt_cancelled_1", headers.get(ExtendConstants.WEBHOOK_EVENT_ID));
        assertEquals(RUN_ID, headers.get(ExtendConstants.WEBHOOK_RUN_ID));
        assertEquals("batch_7Ws31-F5", headers.get(ExtendConstants.WEBHOOK_BATCH_ID));
        assertEquals("workflow_BMlfq_yWM3sT-ZzvCnA3f", headers.get(ExtendConstants.WEBHOOK_WORKFLOW_ID));
        assertInstanceOf(ExtendEndpoint.class, got.getFromEndpoint());
        assertEquals("hook", got.getFromRouteId());
    }

    @Test
    void aStepRunEventCarriesAStepRunAndItsWorkflowRun() throws Exception {
        byte[] body = delivery("workflow_run.step_run.processed",
                "{\"object\":\"workflow_step_run\",\"id\":\"step_run_1\",\"workflowRunId\":\"" + RUN_ID + "\","
                + "\"status\":\"PROCESSED\",\"stepType\":\"EXTRACT\",\"result\":{\"value\":{\"total\":12}}}");

        assertEquals(200, post(port, "/extend/webhook", signed(body), body).statusCode());
        Exchange got = mock("events").getExchanges().get(0);
        StepRun step = got.getMessage().getBody(ExtendWebhookEvent.class).getStepRun();
        assertEquals("step_run_1", step.getId());
        assertEquals(12, step.getResult().path("value").path("total").asInt());
        assertEquals(RUN_ID, got.getMessage().getHeader(ExtendConstants.WEBHOOK_RUN_ID));
        assertNull(got.getMessage().getHeader(ExtendConstants.WEBHOOK_BATCH_ID));
    }

    @Test
    void anUnknownEventTypeReachesTheRouteWithItsRawPayload() throws Exception {
        byte[] body = envelope("evt_new", "workflow.deployed", "{\"object\":\"workflow\",\"id\":\"workflow_9\"}")
                .replace("}}", "},\"createdAt\":\"2026-12-01T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

        assertEquals(200, post(port, "/extend/webhook", signed(body), body).statusCode());
        ExtendWebhookEvent event = mock("events").getExchanges().get(0).getMessage().getBody(ExtendWebhookEvent.class);
        JsonNode raw = event.getRawPayload();
        assertEquals("workflow_9", raw.path("id").asText());
        assertNull(event.getWorkflowRun());
        assertNull(event.getRunId());
        assertEquals("2026-12-01T10:00:00Z", event.getAdditionalProperties().get("createdAt"), "extra envelope fields kept");
    }

    @Test
    void aDeliverySignedWithTheNextSecretPassesDuringARotation() throws Exception {
        assertEquals(200, post(port, "/extend/webhook", signed(NEXT_SECRET, now(), cancelled()), cancelled())
                .statusCode());
        assertEquals(1, mock("events").getReceivedCounter());
    }

    @Test
    void anUpperCaseSignatureIsLowerCasedAsExtendsSdkDoesAndPasses() throws Exception {
        Map<String, String> headers = signed(cancelled());
        headers.put("x-extend-request-signature", headers.get("x-extend-request-signature").toUpperCase(Locale.ROOT));

        assertEquals(200, post(port, "/extend/webhook", headers, cancelled()).statusCode());
    }

    @Test
    void headerNamesAreMatchedInAnyCase() throws Exception {
        long ts = now();
        Map<String, String> headers = Map.of("X-Extend-Request-Timestamp", String.valueOf(ts),
                "X-EXTEND-REQUEST-SIGNATURE", sign(SECRET, String.valueOf(ts), cancelled()));

        assertEquals(200, post(port, "/extend/webhook", headers, cancelled()).statusCode());
    }

    /* -- hostile input: the answer, and nothing reaches the route -- */

    @Test
    void aForgedSignatureIs401() throws Exception {
        HttpResponse<String> response = post(port, "/extend/webhook",
                signed("wss_not_the_secret", now(), cancelled()), cancelled());

        assertEquals(401, response.statusCode());
        assertEquals("the signature does not match", response.body());
        assertNothingRouted("events");
    }

    @Test
    void aBodyChangedAfterSigningIs401() throws Exception {
        byte[] tampered = new String(cancelled(), StandardCharsets.UTF_8).replace("CANCELLED", "PROCESSED")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(401, post(port, "/extend/webhook", signed(cancelled()), tampered).statusCode());
        assertNothingRouted("events");
    }

    @Test
    void aReplayedOldTimestampIs401AndOneWithinTheToleranceIsNot() throws Exception {
        HttpResponse<String> old = post(port, "/extend/webhook", signed(SECRET, now() - 301, cancelled()), cancelled());
        assertEquals(401, old.statusCode());
        assertEquals("the timestamp is older than the tolerance", old.body());
        assertNothingRouted("events");

        assertEquals(200, post(port, "/extend/webhook", signed(SECRET, now() - 290, cancelled()), cancelled())
                .statusCode());
    }

    @Test
    void aToleranceOfZeroTurnsTheAgeCheckOffButNotTheFutureCheck() throws Exception {
        assertEquals(200, post(port, "/no-age", signed(SECRET, now() - 86_400, cancelled()), cancelled()).statusCode());
        assertEquals(401, post(port, "/no-age", signed(SECRET, now() + 120, cancelled()), cancelled()).statusCode());
        assertEquals(1, mock("noage").getReceivedCounter());
    }

    @Test
    void aTimestampMoreThanAMinuteAheadIs401() throws Exception {
        HttpResponse<String> ahead = post(port, "/extend/webhook", signed(SECRET, now() + 61 + 5, cancelled()),
                cancelled());
        assertEquals(401, ahead.statusCode());
        assertEquals("the timestamp is in the future", ahead.body());
        assertNothingRouted("events");
        assertEquals(200, post(port, "/extend/webhook", signed(SECRET, now() + 30, cancelled()), cancelled())
                .statusCode(), "a clock a little ahead is fine");
    }

    @Test
    void missingHeadersAre401() throws Exception {
        Map<String, String> noSignature = signed(cancelled());
        noSignature.remove("x-extend-request-signature");
        Map<String, String> noTimestamp = signed(cancelled());
        noTimestamp.remove("x-extend-request-timestamp");

        for (Map<String, String> headers : List.of(noSignature, noTimestamp, Map.<String, String>of())) {
            HttpResponse<String> response = post(port, "/extend/webhook", headers, cancelled());
            assertEquals(401, response.statusCode(), headers.toString());
        }
        assertNothingRouted("events");
    }

    @Test
    void aSignatureOfTheWrongLengthOrNotHexIs401() throws Exception {
        Map<String, String> headers = signed(cancelled());
        String good = headers.get("x-extend-request-signature");
        for (String bad : List.of(good.substring(1), good + "0", good.substring(2) + "zz", "", "sha256=" + good)) {
            headers.put("x-extend-request-signature", bad);
            HttpResponse<String> response = post(port, "/extend/webhook", headers, cancelled());
            assertEquals(401, response.statusCode(), bad);
        }
        assertNothingRouted("events");
    }

    @Test
    void aTimestampThatIsNotUnixSecondsIs401() throws Exception {
        for (String ts : List.of("abc", "12.5", "-5", "1e9", "")) {
            Map<String, String> headers = Map.of("x-extend-request-timestamp", ts,
                    "x-extend-request-signature", sign(SECRET, ts, cancelled()));
            assertEquals(401, post(port, "/extend/webhook", headers, cancelled()).statusCode(), ts);
        }
        assertNothingRouted("events");
    }

    @Test
    void aBodyAboveMaxBodySizeIs413AndOneAtTheLimitIsRead() throws Exception {
        byte[] large = new byte[1025];
        java.util.Arrays.fill(large, (byte) ' ');
        HttpResponse<String> response = post(port, "/small", signed(large), large);
        assertEquals(413, response.statusCode());
        assertNothingRouted("small");

        byte[] body = cancelledPadded(1024);
        assertEquals(200, post(port, "/small", signed(body), body).statusCode(), "exactly maxBodySize is read");
    }

    /** A signed delivery with trailing spaces up to {@code size} bytes (JSON allows them). */
    static byte[] cancelledPadded(int size) {
        String json = envelope("evt_small", "workflow.deployed", "{\"id\":\"workflow_1\"}");
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void truncatedOrMalformedJsonAfterAValidSignatureIs400() throws Exception {
        String whole = new String(cancelled(), StandardCharsets.UTF_8);
        for (String bad : List.of(whole.substring(0, whole.length() / 2), whole + "{}", "not json", "[]", "\"text\"",
                "{\"eventType\":\"workflow_run.cancelled\",\"payload\":{}}",
                "{\"eventId\":\"e\",\"eventType\":\"workflow_run.cancelled\",\"payload\":[]}",
                "{\"eventId\":\"e\",\"eventId\":\"f\",\"eventType\":\"x\",\"payload\":{}}",
                "{\"eventId\":\"e\",\"eventType\":\"workflow_run.cancelled\",\"payload\":{\"status\":{\"a\":1}}}",
                "{\"eventId\":\"e\",\"eventType\":\"x\",\"payload\":{\"object\":\"signed_data_url\"}}", "")) {
            byte[] body = bad.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = post(port, "/extend/webhook", signed(body), body);
            assertEquals(400, response.statusCode(), bad);
        }
        assertNothingRouted("events");
    }

    @Test
    void noCamelHeaderOfTheRequestReachesTheRouteInAnyCase() throws Exception {
        Map<String, String> headers = signed(cancelled());
        headers.put("CamelExtendRunId", "workflow_run_chosen_by_the_sender");
        headers.put("CAMELEXTENDWORKSPACEID", "ws_evil");
        headers.put("camelHttpResponseCode", "299");
        headers.put("CamelExtendWebhookEventType", "workflow_run.completed");
        headers.put("org.apache.camel.Evil", "x");
        headers.put("X-Custom-Delivery-Header", "kept");

        HttpResponse<String> response = post(port,
                "/extend/webhook?CamelExtendBatchId=batch_evil&camelhttpuri=/x&tenant=a", headers, cancelled());

        assertEquals(200, response.statusCode());
        Map<String, Object> got = mock("events").getExchanges().get(0).getMessage().getHeaders();
        for (String name : got.keySet()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("camel") || name.startsWith("org.apache.camel")) {
                assertTrue(name.startsWith("CamelExtendWebhook"), "a Camel header reached the route: " + name);
            }
        }
        assertFalse(got.containsKey(ExtendConstants.RUN_ID));
        assertFalse(got.containsKey(ExtendConstants.WORKSPACE_ID));
        assertFalse(got.containsKey(ExtendConstants.BATCH_ID));
        assertEquals("workflow_run.cancelled", got.get(ExtendConstants.WEBHOOK_EVENT_TYPE));
        assertEquals("kept", got.get("X-Custom-Delivery-Header"));
        assertEquals("a", got.get("tenant"));
        assertFalse(response.headers().map().keySet().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT)
                .startsWith("x-extend") || h.toLowerCase(Locale.ROOT).startsWith("camel")
                || h.equalsIgnoreCase("X-Custom-Delivery-Header")), "no request header is echoed: "
                + response.headers().map());
    }

    @Test
    void aSuspendedRouteIs503AndTakesDeliveriesAgainWhenResumed() throws Exception {
        context.getRouteController().suspendRoute("hook");
        try {
            assertEquals(503, post(port, "/extend/webhook", signed(cancelled()), cancelled()).statusCode());
            assertNothingRouted("events");
        } finally {
            context.getRouteController().resumeRoute("hook");
        }
        assertEquals(200, post(port, "/extend/webhook", signed(cancelled()), cancelled()).statusCode());
    }

    @Test
    void onlyPostIsServed() throws Exception {
        assertEquals(405, WebhookTestKit.get(port, "/extend/webhook").statusCode());
        assertNothingRouted("events");
    }

    /* -- the route's outcome -- */

    @Test
    void aFailedRouteIs500SoThatExtendRetries() throws Exception {
        HttpResponse<String> response = post(port, "/fails", signed(cancelled()), cancelled());

        assertEquals(500, response.statusCode());
        assertEquals("the route failed", response.body(), "no stack trace, no exception text");
        assertEquals(1, mock("fails").getReceivedCounter());
    }

    @Test
    void aFailureTheRouteHandledIs200() throws Exception {
        assertEquals(200, post(port, "/handled", signed(cancelled()), cancelled()).statusCode());
        assertEquals(1, mock("handled").getReceivedCounter());
    }

    @Test
    void aRouteSlowerThanResponseTimeoutIs503WithinIt() throws Exception {
        release = new CountDownLatch(1);
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = post(port, "/slow", signed(cancelled()), cancelled());
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertEquals(503, response.statusCode());
            assertTrue(took >= 450 && took < 2_500, took + " ms");
        } finally {
            release.countDown();
        }
        mock("slow").expectedMessageCount(1);
        mock("slow").assertIsSatisfied(5_000); // the route went on
    }

    @Test
    void aDeliveryBeyondMaxConcurrentDeliveriesIs503AtOnce() throws Exception {
        release = new CountDownLatch(1);
        entered = new CountDownLatch(1);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> first = client.submit(() -> post(port, "/one", signed(cancelled()),
                    cancelled()));
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the first delivery is in its route");

            long started = System.nanoTime();
            HttpResponse<String> second = post(port, "/one", signed(cancelled()), cancelled());
            assertEquals(503, second.statusCode());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 2_000);

            release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        } finally {
            release.countDown();
            client.shutdownNow();
        }
        assertEquals(1, mock("one").getReceivedCounter());
    }

    /* -- signed-URL payloads -- */

    static byte[] signedUrlDelivery(String path) {
        return envelope("evt_signed", "workflow_run.completed", "{\"object\":\"signed_data_url\",\"data\":"
                + "\"http://127.0.0.1:" + storage.getAddress().getPort() + path + "?X-Signature=abc\",\"id\":\"p_1\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedUrlPayloadIsFetchedAndTyped() throws Exception {
        byte[] body = signedUrlDelivery("/payload");

        assertEquals(200, post(port, "/fetch", signed(body), body).statusCode());
        ExtendWebhookEvent event = mock("fetched").getExchanges().get(0).getMessage()
                .getBody(ExtendWebhookEvent.class);
        assertEquals(RUN_ID, event.getWorkflowRun().getId());
        assertEquals(1, storageHits.get());
    }

    @Test
    void aFailingFetchIsRetriedWithinTheDelivery() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        storageReply = exchange -> answer(exchange, calls.incrementAndGet() < 3 ? 503 : 200, RUN_JSON);
        byte[] body = signedUrlDelivery("/payload");

        assertEquals(200, post(port, "/fetch", signed(body), body).statusCode());
        assertEquals(3, storageHits.get());
        assertEquals(1, mock("fetched").getReceivedCounter());
    }

    @Test
    void aFetchThatCannotSucceedIs502AndRunsNoRoute() throws Exception {
        storageReply = exchange -> answer(exchange, 404, "{}");
        byte[] body = signedUrlDelivery("/payload");
        assertEquals(502, post(port, "/fetch", signed(body), body).statusCode());
        assertEquals(1, storageHits.get(), "a 404 is not retried");

        storageReply = exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + storage.getAddress().getPort()
                                                          + "/elsewhere");
            answer(exchange, 302, "");
        };
        assertEquals(502, post(port, "/fetch", signed(body), body).statusCode());
        assertEquals(0, redirectTargetHits.get(), "a redirect is not followed");

        storageReply = exchange -> answer(exchange, 200, "{\"not\": \"closed\"");
        assertEquals(502, post(port, "/fetch", signed(body), body).statusCode());
        assertNothingRouted("fetched");
    }

    @Test
    void aPlainHttpPayloadUrlToAnotherHostIsNotFetched() throws Exception {
        byte[] body = envelope("evt_signed", "workflow_run.completed", "{\"object\":\"signed_data_url\",\"data\":"
                + "\"http://storage.example/payload\"}").getBytes(StandardCharsets.UTF_8);

        assertEquals(502, post(port, "/fetch", signed(body), body).statusCode());
        assertNothingRouted("fetched");
    }

    static void assertNothingRouted(String mock) throws InterruptedException {
        mock(mock).expectedMessageCount(0);
        mock(mock).assertIsSatisfied(200);
    }

    static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static String fixture(String name) {
        try (InputStream in = WebhookConsumerTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
